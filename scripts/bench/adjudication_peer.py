"""DuckDB peer for the adjudication benchmark: the violation rules as one SQL join over the data the Swift
benchmark wrote (time inside a binding period of the accused party, country, covered target, prohibited
action), timed, and checked against Truce's violation set."""
import json
import sys
import time

import duckdb

directory = sys.argv[1]
con = duckdb.connect()
started = time.perf_counter()
for table in ["incidents", "agreements", "binding", "agreement_country", "agreement_target", "agreement_action"]:
    con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{directory}/{table}.csv', header=true, all_varchar=false)")
loaded = time.perf_counter() - started

query = """
SELECT DISTINCT i.id AS incident, b.agreement
FROM incidents i
JOIN binding b ON b.party = i.perpetrator
    AND i.start_unix >= b.start_unix AND (b.end_unix IS NULL OR i.end_unix <= b.end_unix)
JOIN agreement_country c ON c.agreement = b.agreement AND c.country = i.country
JOIN agreements a ON a.id = b.agreement
WHERE (a.all_targets OR EXISTS (
        SELECT 1 FROM agreement_target t
        WHERE t.agreement = a.id AND t.category = i.category AND (t.subtype IS NULL OR t.subtype = i.subtype)))
  AND (a.all_actions OR EXISTS (
        SELECT 1 FROM agreement_action x WHERE x.agreement = a.id AND x.action = i.action))
"""
timings = []
for _ in range(3):
    started = time.perf_counter()
    rows = con.execute(query).fetchall()
    timings.append(time.perf_counter() - started)
duckdb_set = {f"{incident},{agreement}" for incident, agreement in rows}

with open(f"{directory}/truce-violations.txt") as handle:
    truce_set = {line.strip() for line in handle.readlines()[1:] if line.strip()}
with open(f"{directory}/truce-results.json") as handle:
    truce = json.load(handle)

print(json.dumps({
    "duckdb_load_seconds": round(loaded, 3),
    "duckdb_query_seconds_best": round(min(timings), 3),
    "duckdb_query_seconds": [round(t, 3) for t in timings],
    "duckdb_violations": len(duckdb_set),
    "truce_violations": len(truce_set),
    "same_violation_set": duckdb_set == truce_set,
    "only_in_truce": sorted(truce_set - duckdb_set)[:5],
    "only_in_duckdb": sorted(duckdb_set - truce_set)[:5],
    "truce": truce,
}, indent=1))
