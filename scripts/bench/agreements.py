#!/usr/bin/env python3
"""Writes N generated local ceasefires as agreement YAML files, for the commands benchmark.

    agreements.py OUT_DIR [--count 1000] [--seed 7]

Each is a local ceasefire between two parties of the actor table (data/actors.csv) that fight in a country
the benchmark data cover (Afghanistan, Ukraine, Russia, Palestine), over one of that country's regions
Truce knows (a country as a whole for one in ten), for a window of 3 to 90 days somewhere in 2015-2025, in
force from its start. Seeded: the same seed writes the same files. Old files in OUT_DIR are replaced.
"""
import argparse
import datetime
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGION_FILES = sorted((ROOT / "Sources/TruceCore/Geo").glob("RegionNames+*.swift"))
# Pairs of actor-table parties that fight each other, by country, with the country's time zone.
THEATRES = {
    "AF": ("Asia/Kabul", [("AF", "TALIBAN"), ("AF", "ISKP"), ("TALIBAN", "ISKP")]),
    "UA": ("Europe/Kyiv", [("UA", "RU"), ("UA", "DPR"), ("UA", "LPR"), ("UA", "NOVOROSSIYA")]),
    "RU": ("Europe/Moscow", [("RU", "UA")]),
    "PS": ("Asia/Gaza", [("IL", "HAMAS")]),
}
FIRST, LAST = datetime.date(2015, 1, 1), datetime.date(2025, 12, 31)


def parties():
    """Party id -> a name from the actor table (its first pattern)."""
    names = {}
    for line in (ROOT / "data/actors.csv").read_text(encoding="utf-8").splitlines()[1:]:
        pattern, party = line.split(",")[:2]
        names.setdefault(party, pattern)
    return names


def regions():
    """Country code -> [(region code, English name)] of the regions Truce knows."""
    found = {}
    for path in REGION_FILES:
        for code, name in re.findall(r'"([A-Z]{2}-[A-Z0-9]+)":\s*\["([^"]+)"', path.read_text(encoding="utf-8")):
            found.setdefault(code[:2], []).append((code, name))
    return found


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def agreement(number, rng, names, known_regions):
    country = rng.choice(sorted(THEATRES))
    zone, pairs = THEATRES[country]
    first, second = rng.choice([pair for pair in pairs if all(party in names for party in pair)])
    start = FIRST + datetime.timedelta(days=rng.randrange((LAST - FIRST).days - 90))
    days = rng.randint(3, 90)
    hour = rng.choice([0, 6, 12, 18])
    places = known_regions.get(country, [])
    if places and rng.random() >= 0.1:
        chosen = rng.sample(places, k=min(len(places), rng.randint(1, 3)))
        area = [f"      - region: {code}\n        name: {quoted(name)}" for code, name in chosen]
        where = ", ".join(name for _, name in chosen)
    else:
        area, where = [f"      - country: {country}"], country
    ident = f"bench-local-{number:04d}"

    def source(indent):
        pad = " " * indent
        return (f"{pad}url: https://example.org/truce-benchmark/{ident}\n{pad}published: {start.isoformat()}\n"
                f"{pad}publisher: Truce benchmark (generated)")

    return ident, f"""id: {ident}
title: {quoted(f"Local ceasefire {number} between {first} and {second} in {where} (generated)")}
kind: local
summary: >-
  A generated local ceasefire for the commands benchmark: {first} and {second} stop fighting in {where}
  for {days} days from {start.isoformat()}.
time_zone: {zone}
parties:
  - id: {first}
    name: {quoted(names[first])}
    role: party
  - id: {second}
    name: {quoted(names[second])}
    role: party
window:
  start: {start.isoformat()}T{hour:02d}:00
  duration: {days}d
  source:
{source(4)}
scope:
  geography:
    include:
{chr(10).join(area)}
status:
  - at: {start.isoformat()}T{hour:02d}:00
    status: in_force
    source:
{source(6)}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng, names, known = random.Random(args.seed), parties(), regions()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for old in args.out_dir.glob("bench-local-*.yaml"):
        old.unlink()
    for number in range(1, args.count + 1):
        ident, text = agreement(number, rng, names, known)
        (args.out_dir / f"{ident}.yaml").write_text(text, encoding="utf-8")
    print(f"{args.count} agreements in {args.out_dir}")


if __name__ == "__main__":
    main()
