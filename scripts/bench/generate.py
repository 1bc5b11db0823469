#!/usr/bin/env python3
"""Generates benchmark inputs: an ACLED CSV and a GDELT 2.0 events file.

    generate.py [--rows N]                                   N ACLED rows and N GDELT rows (scripts/bench-import)
    generate.py --records N [--new K] --shift-seed S         N records in all (half ACLED, half GDELT), shifted

Both are built by cycling the real sample rows in ../shared/data (relative to the repo root) and giving
every row a fresh unique id; without that folder, a seeded generator makes rows of similar shape.
With --shift-seed, each cycle of the rows also moves by whole days and a few kilometres (shifting.py): the
records spread over 2015-2025 and pairs of cycles describe the same happenings, near in time and place.
--new K writes K more records (half each) with ids of their own, dated on the two days after the store's
last, as a daily feed brings them: datasets acled-new and gdelt-new.
Files are cached in OUT_DIR and rebuilt only when missing or with --regenerate.

Prints one line per dataset on stdout for the benchmark scripts:  NAME<TAB>PATH<TAB>ROWS<TAB>BYTES<TAB>ORIGIN
and a human summary on stderr.
"""
import argparse
import csv
import datetime
import itertools
import os
import random
import sys
from pathlib import Path

from shifting import Shifts, later_day, moved

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
).split(",")
GDELT_FIELDS = 61
ACLED_SOURCES = ["acled/acled_afghanistan_2020-03_legacy_format.csv", "acled/geosentinel_acled_data_sample.csv"]
GDELT_SOURCE = "gdelt/20161013151500.export.CSV"
# Every QUIRK_EVERY-th ACLED row gets a newline and a quote in its notes (written doubled: "").
QUIRK_EVERY = 50
QUIRK_TEXT = '\nUpdate: the "reported" toll was revised.'


# ---------------------------------------------------------------- ACLED
def real_acled_rows(shared: Path, files=None):
    """The real rows of both samples, mapped by column name onto the current 31-column layout. `files`, when
    given, receives the sample each row comes from."""
    rows = []
    for name in ACLED_SOURCES:
        with open(shared / name, newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                rows.append([rec.get(col) or "" for col in ACLED_COLUMNS])
                if files is not None:
                    files.append(name)
    return rows


def synthetic_acled_rows(count=500, seed=1):
    """Rows shaped like real ACLED ones (notes of 150-400 chars with commas and quotes)."""
    rng = random.Random(seed)
    words = ("forces", "shelled", "village", "district", "reported", "killed", "wounded", "drone", "strike",
             "near", "checkpoint", "militants", "civilians", "clash", "attack", "province", "local", "sources")
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    rows = []
    for i in range(count):
        day, month, year = rng.randint(1, 28), rng.choice(months), rng.randint(2018, 2025)
        notes = f'On {day} {month} {year}, "sources" said'
        while len(notes) < 400:  # words with commas, then cut at a random 150-400 chars
            notes += rng.choice((" ", ", ")) + rng.choice(words)
        notes = notes[: rng.randint(150, 400)]
        row = dict.fromkeys(ACLED_COLUMNS, "")
        row.update(
            event_id_cnty=f"SYN{i}", event_date=f"{day:02d} {month} {year}", year=str(year),
            time_precision=str(rng.randint(1, 3)), disorder_type="Political violence", event_type="Battles",
            sub_event_type="Armed clash", actor1="Military Forces of Ukraine (2019-)", inter1="State forces",
            actor2="Military Forces of Russia (2000-)", inter2="State forces",
            interaction="State forces-State forces", iso="804", region="Europe", country="Ukraine",
            admin1="Donetsk", admin2="Pokrovskyi", location="Pokrovsk",
            latitude=f"{rng.uniform(44, 52):.4f}", longitude=f"{rng.uniform(22, 40):.4f}",
            geo_precision=str(rng.randint(1, 3)), source="Ukrinform; Suspilne", source_scale="National",
            notes=notes, fatalities=str(rng.randint(0, 12)), timestamp=str(1700000000 + i),
        )
        rows.append([row[c] for c in ACLED_COLUMNS])
    return rows


def write_acled(path: Path, rows: int, base):
    """Cycles `base`, giving each row a unique event_id_cnty (its letters + a serial number)."""
    id_col, notes_col = ACLED_COLUMNS.index("event_id_cnty"), ACLED_COLUMNS.index("notes")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(ACLED_COLUMNS)
        for n, row in zip(range(rows), itertools.cycle(base)):
            row = list(row)
            prefix = "".join(itertools.takewhile(str.isalpha, row[id_col])) or "BEN"
            row[id_col] = f"{prefix}{10_000_000 + n}"
            if n % QUIRK_EVERY == QUIRK_EVERY - 1:
                row[notes_col] += QUIRK_TEXT
            w.writerow(row)


# ---------------------------------------------------------------- GDELT
def real_gdelt_rows(shared: Path):
    """The real rows as (everything after GLOBALEVENTID), each with its leading tab and trailing newline."""
    out = []
    with open(shared / GDELT_SOURCE, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.count("\t") != GDELT_FIELDS - 1:
                continue  # not a 61-field record
            out.append(line[line.index("\t"):] + "\n")
    return out


def synthetic_gdelt_rows(count=500, seed=2):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        actor = [rng.choice(["UKR", "RUS", "ISR", "PSE", "USA"]), "", "", "", "", "", "", "", "", ""]
        actor[1] = {"UKR": "UKRAINE", "RUS": "RUSSIA", "ISR": "ISRAEL", "PSE": "PALESTINE", "USA": "UNITED STATES"}[actor[0]]
        actor[2] = actor[0]
        code = rng.choice(["010", "0841", "190", "193", "042", "111"])
        geo = ["4", "Kyiv, Kyyiv, Misto, Ukraine", "UP", "UP12", "", f"{rng.uniform(44, 52):.4f}",
               f"{rng.uniform(22, 40):.4f}", "-1044367"]
        fields = (["20161013", "201610", "2016", "2016.7781"] + actor + actor[::-1]
                  + ["1", code, code[:3], code[:2], str(rng.randint(1, 4)), f"{rng.uniform(-10, 10):.1f}",
                     str(rng.randint(1, 20)), "1", str(rng.randint(1, 20)), f"{rng.uniform(-10, 5):.8f}"]
                  + geo * 3 + ["20161013151500", f"https://news.example.org/world/{i}-{rng.getrandbits(32):x}.html"])
        assert len(fields) == GDELT_FIELDS - 1
        out.append("\t" + "\t".join(fields) + "\n")
    return out


def write_gdelt(path: Path, rows: int, base):
    with open(path, "w", encoding="utf-8", newline="") as f:
        first = 900_000_000  # above the real sample's ids
        f.writelines(f"{first + n}{rest}" for n, rest in zip(range(rows), itertools.cycle(base)))


# ---------------------------------------------------------------- shifted copies
def acled_day(text):
    """An ACLED event_date ("21 March 2020" or "2020-03-21") as a day ordinal, and whether it was ISO."""
    try:
        return datetime.date.fromisoformat(text).toordinal(), True
    except ValueError:
        return datetime.datetime.strptime(text, "%d %B %Y").date().toordinal(), False


def anchored(days, groups):
    """Each day as an offset (<= 0) from the latest day of its group (its sample file): rows of one file keep
    their spacing, and files of different years move together."""
    latest = {}
    for day, group in zip(days, groups):
        latest[group] = max(latest.get(group, day), day)
    return [day - latest[group] for day, group in zip(days, groups)]


def shifted_rows(first: int, rows: int, base_rows: int, shifts):
    """Row numbers first .. first + rows - 1, each with its base row's index and its cycle's shift (days, km north,
    km east), the shift worked out once per cycle."""
    cycle, shift = None, None
    for n in range(first, first + rows):
        row_cycle, i = divmod(n, base_rows)
        if row_cycle != cycle:
            cycle, shift = row_cycle, shifts.of_cycle(row_cycle)
        yield n, i, shift


def write_acled_shifted(path: Path, rows: int, base, groups, seed: int, store_rows: int, later: bool):
    """Rows `first` .. of the cycled base (first = store_rows for a later feed), each cycle moved by
    Shifts; a later feed's rows fall on the two days after the store's last."""
    id_col, notes_col = ACLED_COLUMNS.index("event_id_cnty"), ACLED_COLUMNS.index("notes")
    date_col, year_col = ACLED_COLUMNS.index("event_date"), ACLED_COLUMNS.index("year")
    lat_col, lon_col = ACLED_COLUMNS.index("latitude"), ACLED_COLUMNS.index("longitude")
    parsed = [acled_day(row[date_col]) for row in base]
    offsets = anchored([day for day, _ in parsed], groups)
    shifts = Shifts(seed, -(-store_rows // len(base)), min(offsets), 0)
    first = store_rows if later else 0
    formatted = {}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(ACLED_COLUMNS)
        for n, i, (days, north, east) in shifted_rows(first, rows, len(base), shifts):
            row = list(base[i])
            prefix = "".join(itertools.takewhile(str.isalpha, row[id_col])) or "BEN"
            row[id_col] = f"{prefix}{10_000_000 + n}"
            if n % QUIRK_EVERY == QUIRK_EVERY - 1:
                row[notes_col] += QUIRK_TEXT
            day = later_day(n, seed) if later else days + offsets[i]
            iso = parsed[i][1]
            if (day, iso) not in formatted:
                date = datetime.date.fromordinal(day)
                formatted[(day, iso)] = (date.isoformat() if iso else f"{date.day:02d} {date:%B %Y}", str(date.year))
            row[date_col], row[year_col] = formatted[(day, iso)]
            row[lat_col], row[lon_col] = moved(row[lat_col], row[lon_col], north, east)
            w.writerow(row)


# GDELT fields after GLOBALEVENTID: SQLDATE, MonthYear, Year, FractionDate, then each geography's
# latitude and longitude (actor 1, actor 2, action), then DATEADDED.
G_SQLDATE, G_MONTH, G_YEAR, G_FRACTION, G_ADDED = 0, 1, 2, 3, 58
G_POINTS = ((39, 40), (47, 48), (55, 56))


def gdelt_day(text):
    return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])).toordinal()


def write_gdelt_shifted(path: Path, rows: int, base, seed: int, store_rows: int, later: bool):
    """As write_acled_shifted, for GDELT: the event date and the date added move together (a row's lag between
    them is kept), and so do its three points."""
    fields = [line[1:].rstrip("\n").split("\t") for line in base]
    added = [gdelt_day(f[G_ADDED]) for f in fields]
    lag = [a - gdelt_day(f[G_SQLDATE]) if f[G_SQLDATE][:8].isdigit() else 0 for f, a in zip(fields, added)]
    offsets = anchored(added, [0] * len(added))
    shifts = Shifts(seed, -(-store_rows // len(base)), min(offsets), 0)
    first = store_rows if later else 0
    formatted = {}

    def date_fields(day):
        if day not in formatted:
            date = datetime.date.fromordinal(day)
            yday = date.timetuple().tm_yday
            formatted[day] = (f"{date:%Y%m%d}", f"{date:%Y%m}", str(date.year), f"{date.year + yday / 365:.4f}")
        return formatted[day]

    with open(path, "w", encoding="utf-8", newline="") as f:
        for n, i, (days, north, east) in shifted_rows(first, rows, len(base), shifts):
            row = list(fields[i])
            day_added = later_day(n, seed) if later else days + offsets[i]
            row[G_SQLDATE], row[G_MONTH], row[G_YEAR], row[G_FRACTION] = date_fields(day_added - lag[i])
            row[G_ADDED] = date_fields(day_added)[0] + row[G_ADDED][8:]
            for lat, lon in G_POINTS:
                row[lat], row[lon] = moved(row[lat], row[lon], north, east)
            f.write(f"{900_000_000 + n}\t" + "\t".join(row) + "\n")


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--rows", type=int, help="rows of each dataset (default 1,000,000)")
    size.add_argument("--records", type=int, help="records in all: half ACLED, half GDELT")
    ap.add_argument("--new", type=int, default=0, help="records of a later feed (with --shift-seed)")
    ap.add_argument("--shift-seed", type=int, help="move each cycle of the rows in time and place, seeded")
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/truce-bench"))
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"), help="relative to the current directory")
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    if args.new and args.shift_seed is None:
        ap.error("--new needs --shift-seed: a later feed is dated after the store's records")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    have_shared = args.shared.is_dir()
    if args.records is not None:
        counts = {"acled": args.records // 2, "gdelt": args.records - args.records // 2}
    else:
        rows = args.rows if args.rows is not None else 1_000_000
        counts = {"acled": rows, "gdelt": rows}
    news = {"acled": args.new // 2, "gdelt": args.new - args.new // 2}
    origin = "real" if have_shared else "synthetic"

    acled_files = []

    def acled_base():
        if have_shared:
            return real_acled_rows(args.shared, acled_files)
        rows = synthetic_acled_rows()
        acled_files.extend(["synthetic"] * len(rows))
        return rows

    gdelt_base = (lambda: real_gdelt_rows(args.shared)) if have_shared else synthetic_gdelt_rows
    if args.shift_seed is None:
        datasets = [("acled", "csv", counts["acled"], lambda path, n: write_acled(path, n, acled_base())),
                    ("gdelt", "tsv", counts["gdelt"], lambda path, n: write_gdelt(path, n, gdelt_base()))]
        name_of = lambda name, ext, n: f"{name}-{origin}-{n}.{ext}"
    else:
        seed = args.shift_seed
        acled = lambda later: lambda path, n: write_acled_shifted(
            path, n, acled_base(), acled_files, seed, counts["acled"], later)
        gdelt = lambda later: lambda path, n: write_gdelt_shifted(path, n, gdelt_base(), seed, counts["gdelt"], later)
        datasets = [("acled", "csv", counts["acled"], acled(False)), ("gdelt", "tsv", counts["gdelt"], gdelt(False))]
        if args.new:
            datasets += [("acled-new", "csv", news["acled"], acled(True)), ("gdelt-new", "tsv", news["gdelt"], gdelt(True))]
        # A later feed's file depends on the store's size too: its ids and days follow the store's.
        name_of = lambda name, ext, n: (f"{name}-{origin}-shifted{seed}-{n}"
                                        + (f"-after{counts[name[:5]]}" if name.endswith("-new") else "") + f".{ext}")
    for name, ext, rows, write in datasets:
        acled_files.clear()
        path = args.out_dir / name_of(name, ext, rows)
        if args.regenerate or not path.exists():
            print(f"generating {path} ({rows:,} rows, {origin} base rows)...", file=sys.stderr)
            tmp = path.with_suffix(".partial")
            write(tmp, rows)
            os.replace(tmp, path)  # only complete files are ever cached
        size = path.stat().st_size
        print(f"{name}: {path}  {rows:,} rows  {size / 1e6:,.1f} MB  ({origin} base rows)", file=sys.stderr)
        print(f"{name}\t{path}\t{rows}\t{size}\t{origin}")

if __name__ == "__main__":
    main()
