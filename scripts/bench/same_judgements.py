#!/usr/bin/env python3
"""Compares the verdicts and evidence of two Truce stores: exits 1 when they differ.

    same_judgements.py STORE_A STORE_B

Used by scripts/bench-commands to check that incremental adjudication leaves exactly what `truce adjudicate
--all` leaves. Prints one line per table: its rows and whether they are identical, or the first rows that differ.
"""
import hashlib
import sqlite3
import sys

TABLES = {
    "verdict": "SELECT incident_id, agreement_id, kind, outcomes, rules_version FROM verdict ORDER BY 1, 2",
    "evidence": "SELECT incident_id, link_group, level, may_describe FROM evidence ORDER BY 1",
}


def rows(path, sql):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        yield from db.execute(sql)


def main():
    a, b = sys.argv[1], sys.argv[2]
    same = True
    for table, sql in TABLES.items():
        count, first_difference = 0, None
        digest_a, digest_b = hashlib.sha256(), hashlib.sha256()
        for row_a, row_b in zip(rows(a, sql), rows(b, sql)):
            count += 1
            digest_a.update(repr(row_a).encode())
            digest_b.update(repr(row_b).encode())
            if row_a != row_b and first_difference is None:
                first_difference = (row_a, row_b)
        counts = [sum(1 for _ in rows(path, f"SELECT 1 FROM {table}")) for path in (a, b)]
        if counts[0] != counts[1] or first_difference:
            same = False
            print(f"{table}: DIFFERENT ({counts[0]:,} rows incremental, {counts[1]:,} with --all); first: {first_difference}")
        else:
            print(f"incremental = --all: {table} {count:,} rows identical (sha256 {digest_a.hexdigest()[:12]})")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
