#!/usr/bin/env python3
"""Peers of `truce adjudicate` and `truce report` over the same SQLite store, for scripts/bench-commands. One step
per process, so that the benchmark times each one and reads its peak RSS with /usr/bin/time.

    store_peers.py adjudicate STORE [--agreement ID]     DuckDB range join of incidents with agreements
    store_peers.py report STORE AGREEMENT OUT_DIR          pandas: the agreement's verdicts by day, as HTML

adjudicate: reads every incident's time span, country and accused party and every agreement's countries (its
countries and the countries of its regions), binding parties and window (start in its time zone; the end a
stated time or a duration) from the store, then joins them in DuckDB: incident and agreement in one country,
spans overlapping, the accused a party or unknown. The pairs are kept in a DuckDB table. This is the screening
part of adjudication only: Truce also judges each clause, links records into events and writes verdicts with
their reasons, so the peer is a lower bound on the work.

report: reads the agreement's stored verdicts with their incidents' day, place, accused party and evidence level,
counts them by day, verdict and accused party with pandas, and writes the table as HTML.

Prints one line: rows=N in-process=SECONDS.
"""
import datetime
import json
import sqlite3
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo


def stated_instant(stated, zone):
    """A stated time ({year, month, day, clock?, offset?}) as Unix seconds, read in `zone`."""
    clock = stated.get("clock") or {}
    moment = datetime.datetime(stated["year"], stated["month"], stated["day"], clock.get("hour", 0),
                               clock.get("minute", 0), clock.get("second", 0), tzinfo=ZoneInfo(zone))
    if stated.get("utcOffset") is not None:
        moment = moment.replace(tzinfo=datetime.timezone(datetime.timedelta(seconds=stated["utcOffset"])))
    return int(moment.timestamp())


def agreement_rows(connection, only=None):
    """(agreement, country, party or None for any, start, end or None) for each binding country and party."""
    rows = []
    sql, arguments = "SELECT id, body FROM agreement", ()
    if only:
        sql, arguments = sql + " WHERE id = ?", (only,)
    for ident, body in connection.execute(sql, arguments):
        body = json.loads(body)
        window = body.get("window") or {}
        if not window.get("start"):
            continue  # a proposal without a start binds no one
        zone = body.get("timeZone", "UTC")
        start = stated_instant(window["start"], zone)
        end = None
        stated_end = window.get("end") or {}
        if "at" in stated_end:
            end = stated_instant(stated_end["at"]["_0"], zone)
        elif "after" in stated_end:
            span = stated_end["after"]["_0"]
            end = start + 86_400 * span.get("days", 0) + 3_600 * span.get("hours", 0) + 60 * span.get("minutes", 0)
        countries = {area["code"][:2] for area in body.get("scope", {}).get("include", [])
                     if area.get("kind") in ("country", "region")}
        parties = [party["id"] for party in body.get("parties", []) if party.get("role") == "party"]
        for country in sorted(countries):
            for party in parties + [None]:
                rows.append((ident, country, party, start, end))
    return rows


def adjudicate(store, only=None):
    import duckdb
    import pandas as pd

    started = time.perf_counter()
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    incidents = pd.read_sql_query("SELECT id, start_unix, end_unix, country, perpetrator FROM incident", connection)
    agreements = pd.DataFrame(agreement_rows(connection, only), columns=["agreement", "country", "party", "start_unix", "end_unix"])
    duck = duckdb.connect()
    duck.register("incidents", incidents)
    duck.register("agreements", agreements)
    duck.execute("""
        CREATE TABLE pairs AS
        SELECT DISTINCT i.id AS incident, a.agreement
        FROM incidents i JOIN agreements a
          ON a.country = i.country
         AND (a.end_unix IS NULL OR i.start_unix < a.end_unix)
         AND (i.end_unix IS NULL OR i.end_unix > a.start_unix)
         AND (a.party = i.perpetrator OR (a.party IS NULL AND i.perpetrator IS NULL))
    """)
    pairs = duck.execute("SELECT count(*) FROM pairs").fetchone()[0]
    print(f"rows={len(incidents)} pairs={pairs} agreements={agreements['agreement'].nunique()} "
          f"in-process={time.perf_counter() - started:.2f}")


def report(store, agreement, out_dir):
    import pandas as pd

    started = time.perf_counter()
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    verdicts = pd.read_sql_query(
        """
        SELECT v.incident_id, v.kind, i.start_unix, i.country, i.admin1, i.perpetrator, e.level, e.link_group
        FROM verdict v JOIN incident i ON i.id = v.incident_id LEFT JOIN evidence e ON e.incident_id = v.incident_id
        WHERE v.agreement_id = ?
        """, connection, params=(agreement,))
    verdicts["day"] = pd.to_datetime(verdicts["start_unix"], unit="s").dt.date
    verdicts["perpetrator"] = verdicts["perpetrator"].fillna("unattributed")
    table = (verdicts.groupby(["day", "kind", "perpetrator"])
             .agg(records=("incident_id", "size"), events=("link_group", "nunique")).reset_index())
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    (Path(out_dir) / f"{agreement}-peer.html").write_text(
        f"<h1>{agreement}</h1>" + table.to_html(index=False), encoding="utf-8")
    print(f"rows={len(verdicts)} in-process={time.perf_counter() - started:.2f}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["adjudicate"] and len(arguments) in (2, 4):
        adjudicate(arguments[1], arguments[3] if len(arguments) == 4 and arguments[2] == "--agreement" else None)
    elif arguments[:1] == ["report"] and len(arguments) == 4:
        report(*arguments[1:])
    else:
        sys.exit(__doc__)
