#!/usr/bin/env python3
"""The floor under a full import: how long SQLite alone takes to write the rows a Truce import stored.

    store_floor.py STORE OUT

Makes OUT, a new SQLite file with STORE's page size and the journal a command's bulk load writes
through (a rollback journal, TRUNCATE, with synchronous FULL: see SQLiteStore+BulkLoad.swift), creates
STORE's tables, copies every row of every table in one transaction, then builds STORE's indexes once, as
Truce's bulk load does on an empty store, and changes back to WAL. Each copy is an `INSERT ... SELECT ... WHERE 1`, which keeps SQLite from moving whole pages
(its transfer optimisation): every row goes through the b-tree as an import's insert would, with no
parsing, no normalising and no binding. Whatever a Truce import does on top of this is its own cost.

Prints one line: rows=INCIDENTS in-process=SECONDS cpu=SECONDS, then the rows of all tables and the seconds of
each part.
"""
import os
import sqlite3
import sys
import time


def remove(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def main(store, out):
    remove(out)
    source = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    page_size = source.execute("PRAGMA page_size").fetchone()[0]
    schema = source.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    counts = {name: source.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
              for kind, name, _ in schema if kind == "table"}
    source.close()

    started, cpu_started = time.perf_counter(), time.process_time()
    con = sqlite3.connect(out, isolation_level=None)
    con.execute(f"PRAGMA page_size = {page_size}")
    con.execute("PRAGMA journal_mode = TRUNCATE")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("ATTACH ? AS src", (store,))
    parts = []

    def timed(label, statement):
        begun = time.perf_counter()
        con.execute(statement)
        parts.append((label, time.perf_counter() - begun))

    con.execute("BEGIN")
    for kind, name, sql in schema:
        if kind == "table":
            con.execute(sql)
    for name, count in counts.items():
        if count:
            timed(name, f'INSERT INTO main."{name}" SELECT * FROM src."{name}" WHERE 1')
    begun = time.perf_counter()
    for kind, name, sql in schema:
        if kind in ("index", "trigger", "view"):
            con.execute(sql)
    parts.append(("indexes", time.perf_counter() - begun))
    timed("commit", "COMMIT")
    begun = time.perf_counter()
    con.execute("PRAGMA journal_mode = WAL")
    parts.append(("back to WAL", time.perf_counter() - begun))
    con.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started

    records, rows = counts.get("incident", 0), sum(counts.values())
    detail = ", ".join(f"{label} {value:.2f}" for label, value in parts if value >= 0.005)
    print(f"rows={records} in-process={seconds:.2f} cpu={cpu:.2f} ({rows:,} rows in all: {detail})")
    remove(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
