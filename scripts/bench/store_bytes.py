#!/usr/bin/env python3
"""Prints what a Truce store spends its bytes on: each table's and index's pages (SQLite's dbstat), and per
incident the bytes of the table and of the body.

    scripts/bench/store_bytes.py STORE.sqlite
"""
import sqlite3
import sys


def main(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    incidents = con.execute("SELECT COUNT(*) FROM incident").fetchone()[0] or 1
    body = con.execute("SELECT AVG(LENGTH(CAST(body AS BLOB))) FROM incident").fetchone()[0] or 0
    total = con.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size").fetchone()[0]
    print(f"file\t{total}\tbytes\t{total / incidents:.0f}\tper incident ({incidents} incidents)")
    print(f"body\t{body:.0f}\tbytes per incident (average)")
    for name, size in con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"):
        if size >= 64 * 1024:
            print(f"{name}\t{size}\tbytes\t{size / incidents:.0f}\tper incident")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
