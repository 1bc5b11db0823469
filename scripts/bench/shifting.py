"""Shifted copies of the real sample rows: each cycle of the rows moves by whole days and by a few kilometres,
so that a large file spreads over years instead of repeating one month, and cycles come in groups that describe
the same happenings (dates a day apart at most, points within about a kilometre), as GDELT repeats an event in
several rows. Seeded: the same seed gives the same files.

The store's records run from FIRST_DAY to LAST_DAY (2015-2025: the Donbas ceasefires and the 2025 catalogue);
records of a later feed (`later=True`) fall on the two days after LAST_DAY.
"""
import datetime
import math
import random

FIRST_DAY = datetime.date(2015, 1, 1).toordinal()
LAST_DAY = datetime.date(2025, 12, 31).toordinal()
KM_PER_DEGREE = 111.32


class Shifts:
    """Per cycle of the base rows: how many days and how far (kilometres north and east) its rows move.

    `store_cycles` is how many cycles the store holds; group `g` of `group` cycles lands at an even step along
    FIRST_DAY..LAST_DAY, plus a seeded jitter, so that the dates spread over the whole period whatever the size.
    `sample_first` and `sample_last` are the earliest and latest day (ordinals) of the base rows: no record of
    the store lands after LAST_DAY.
    """

    def __init__(self, seed, store_cycles, sample_first, sample_last, group=2, radius_km=5.0):
        self.seed, self.group, self.radius_km = seed, group, radius_km
        self.sample_last = sample_last
        groups = max(1, math.ceil(store_cycles / group))
        self.last_start = LAST_DAY
        self.first_start = min(FIRST_DAY + (sample_last - sample_first), LAST_DAY)
        self.step = (self.last_start - self.first_start) / groups

    def of_cycle(self, cycle):
        """(days, km north, km east) for the rows of `cycle`."""
        g = cycle // self.group
        rng = random.Random(self.seed * 1_000_003 + g)
        # The group's day and point, then this cycle's own small departure from them.
        slot = self.first_start + g * self.step
        day = min(self.last_start, int(slot + rng.random() * max(self.step, 1)))
        bearing, distance = rng.random() * 2 * math.pi, self.radius_km * math.sqrt(rng.random())
        own = random.Random(self.seed * 7_919 + cycle)
        if cycle % self.group:
            day = min(self.last_start, day + own.randint(0, 1))
        north = distance * math.cos(bearing) + own.uniform(-0.5, 0.5)
        east = distance * math.sin(bearing) + own.uniform(-0.5, 0.5)
        return day - self.sample_last, north, east


def moved(latitude, longitude, north_km, east_km):
    """The point `north_km` and `east_km` away, as text with four decimals (or the text unchanged if empty)."""
    try:
        lat, lon = float(latitude), float(longitude)
    except ValueError:
        return latitude, longitude
    lat2 = max(-90.0, min(90.0, lat + north_km / KM_PER_DEGREE))
    lon2 = lon + east_km / (KM_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
    lon2 = (lon2 + 180.0) % 360.0 - 180.0
    return f"{lat2:.4f}", f"{lon2:.4f}"


def later_day(row_number, seed):
    """The day, of the two after the store's last, on which row `row_number` of a later feed falls."""
    return LAST_DAY + 1 + random.Random(seed * 104_729 + row_number // 500).randint(0, 1)
