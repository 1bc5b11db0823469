#!/usr/bin/env python3
"""The peer importers the Truce import is compared with. One step per process, so that
scripts/bench-import can time each one and read its peak RSS with /usr/bin/time.

    peers.py pandas-read FORMAT FILE          pandas.read_csv, every column as a string
    peers.py pandas-sql  FORMAT FILE OUT      read_csv, then DataFrame.to_sql into a new SQLite file
    peers.py duckdb      FORMAT FILE OUT      CREATE TABLE t AS SELECT * FROM read_csv(...) in a new DuckDB file
    peers.py polars-read FORMAT FILE          polars.read_csv, every column as a string

FORMAT is acled (CSV with a header, RFC 4180 quoting) or gdelt (tab-separated, no header, never quoted).
Prints one line: rows=N cols=M in-process=SECONDS (the time after the imports, without interpreter start-up).
"""
import csv
import os
import sys
import time


def read_pandas(fmt, path):
    import pandas as pd

    if fmt == "acled":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.read_csv(path, sep="\t", header=None, dtype=str, quoting=csv.QUOTE_NONE, keep_default_na=False)


def read_polars(fmt, path):
    import polars as pl

    if fmt == "acled":
        return pl.read_csv(path, infer_schema=False)
    return pl.read_csv(path, separator="\t", has_header=False, quote_char=None, infer_schema=False)


def remove(path):
    """A fresh output file every run (with SQLite's side files)."""
    for p in (path, path + "-journal", path + "-wal", path + "-shm", path + ".wal"):
        if os.path.exists(p):
            os.remove(p)


def main(step, fmt, path, out=None):
    # Each step imports only what it uses (so peak RSS is its own), before the clock starts.
    if step.startswith("pandas"):
        import pandas  # noqa: F401
        import sqlite3
    elif step.startswith("polars"):
        import polars  # noqa: F401
    else:
        import duckdb
    start = time.perf_counter()
    if step == "pandas-read":
        df = read_pandas(fmt, path)
        rows, cols = df.shape
    elif step == "pandas-sql":
        remove(out)
        df = read_pandas(fmt, path)
        if fmt == "gdelt":
            df.columns = [f"c{i}" for i in df.columns]  # SQLite column names for the headerless file
        con = sqlite3.connect(out)
        df.to_sql("t", con, if_exists="replace", index=False, chunksize=10_000, method=None)
        con.commit()
        rows, cols = con.execute("SELECT count(*) FROM t").fetchone()[0], df.shape[1]
        con.close()
    elif step == "polars-read":
        df = read_polars(fmt, path)
        rows, cols = df.shape
    elif step == "duckdb":
        remove(out)
        quoted = path.replace("'", "''")
        options = ("header=true, delim=',', quote='\"', escape='\"'" if fmt == "acled"
                   else "header=false, delim='\\t', quote='', escape=''")
        con = duckdb.connect(out)
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{quoted}', {options}, all_varchar=true)")
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
        cols = len(con.execute("SELECT * FROM t LIMIT 0").description)
        con.close()
    else:
        sys.exit(f"unknown step {step!r}")
    print(f"rows={rows} cols={cols} in-process={time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
