#!/usr/bin/env python3
"""Generates the import-benchmark inputs: an ACLED CSV and a GDELT 2.0 events file of N rows each.

Both are built by cycling the real sample rows in ../shared/data (relative to the repo root) and giving
every row a fresh unique id; without that folder, a seeded generator makes rows of similar shape.
Files are cached in OUT_DIR and rebuilt only when missing or with --regenerate.

Prints one line per dataset on stdout for scripts/bench-import:  NAME<TAB>PATH<TAB>ROWS<TAB>BYTES<TAB>ORIGIN
and a human summary on stderr.
"""
import argparse
import csv
import itertools
import os
import random
import sys
from pathlib import Path

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
def real_acled_rows(shared: Path):
    """The real rows of both samples, mapped by column name onto the current 31-column layout."""
    rows = []
    for name in ACLED_SOURCES:
        with open(shared / name, newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                rows.append([rec.get(col) or "" for col in ACLED_COLUMNS])
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


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/truce-bench"))
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"), help="relative to the current directory")
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    have_shared = args.shared.is_dir()

    datasets = [
        ("acled", "csv", write_acled,
         (lambda: real_acled_rows(args.shared)) if have_shared else synthetic_acled_rows),
        ("gdelt", "tsv", write_gdelt,
         (lambda: real_gdelt_rows(args.shared)) if have_shared else synthetic_gdelt_rows),
    ]
    origin = "real" if have_shared else "synthetic"
    for name, ext, write, load in datasets:
        path = args.out_dir / f"{name}-{origin}-{args.rows}.{ext}"
        if args.regenerate or not path.exists():
            print(f"generating {path} ({args.rows:,} rows, {origin} base rows)...", file=sys.stderr)
            tmp = path.with_suffix(".partial")
            write(tmp, args.rows, load())
            os.replace(tmp, path)  # only complete files are ever cached
        size = path.stat().st_size
        print(f"{name}: {path}  {args.rows:,} rows  {size / 1e6:,.1f} MB  ({origin} base rows)", file=sys.stderr)
        print(f"{name}\t{path}\t{args.rows}\t{size}\t{origin}")


if __name__ == "__main__":
    main()
