"""Writes N incidents in Truce's CSV format for the report benchmark: two years (2024-2025) of strikes in
Ukraine and Russia, and some in Gaza, with realistic mixes of precision, targets, actions and claimants."""
import csv
import random
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2025)
places = [
    ("UA", "Kharkiv Oblast", "Kharkiv", 49.99, 36.23, "Europe/Kyiv"), ("UA", "Odesa Oblast", "Odesa", 46.48, 30.72, "Europe/Kyiv"),
    ("UA", "Dnipropetrovsk Oblast", "Kryvyi Rih", 47.91, 33.39, "Europe/Kyiv"), ("UA", "Kherson Oblast", "Kherson", 46.64, 32.62, "Europe/Kyiv"),
    ("UA", "Sumy Oblast", "Sumy", 50.91, 34.8, "Europe/Kyiv"), ("UA", "Donetsk Oblast", "Sloviansk", 48.85, 37.6, "Europe/Kyiv"),
    ("RU", "Kursk Oblast", "Sudzha", 51.19, 35.27, "Europe/Moscow"), ("RU", "Belgorod Oblast", "Belgorod", 50.6, 36.6, "Europe/Moscow"),
    ("RU", "Krasnodar Krai", "Tuapse", 44.1, 39.07, "Europe/Moscow"), ("PS", "Gaza Strip", "Gaza City", 31.5, 34.46, "Asia/Gaza"),
]
targets = [("energy", "substation"), ("energy", "refinery"), ("energy", "power_plant"), ("energy", ""), ("civilian", "residential"),
           ("military", ""), ("transport", "rail"), ("", "")]
actions = ["drone_strike", "missile_strike", "artillery", "air_strike", ""]
claimants = {"UA": ("Ministry of Energy of Ukraine", "UA"), "RU": ("Ministry of Defence of Russia", "RU"), "wire": ("Example Wire", "")}
header = ["id", "start", "end", "time_zone", "time_precision", "country", "admin1", "place", "latitude", "longitude", "geo_precision",
          "action", "target_category", "target_subtype", "target_name", "perpetrator", "claimant", "claimant_party", "fatalities",
          "injured", "description", "source_url", "source_published"]
with open(path, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(header)
    for n in range(rows):
        country, admin1, place, lat, lon, zone = rng.choice(places)
        day = rng.randrange(731)
        year, remainder = (2024, day) if day < 366 else (2025, day - 366)
        month_days = [31, 29 if year == 2024 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        month = 0
        while remainder >= month_days[month]:
            remainder -= month_days[month]
            month += 1
        precision = rng.choices(["minute", "day", "week"], [15, 80, 5])[0]
        start = f"{year}-{month + 1:02d}-{remainder + 1:02d}" + (f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}" if precision == "minute" else "")
        category, subtype = rng.choice(targets)
        if country == "PS":
            perpetrator, claimant = "IL", ("Gaza Health Ministry", "HAMAS")
        else:
            perpetrator = "UA" if country == "RU" else "RU"
            claimant = claimants[rng.choice(["UA" if country == "UA" else "RU", "wire"])]
        writer.writerow([f"gen-{n}", start, "", zone, precision, country, admin1, place, f"{lat + rng.uniform(-0.3, 0.3):.4f}",
                         f"{lon + rng.uniform(-0.3, 0.3):.4f}", "locality", rng.choice(actions), category, subtype, "", perpetrator,
                         claimant[0], claimant[1], "", "", "Generated incident for the report benchmark.", "https://example.org/report-benchmark", ""])
