"""scripts/bench-server's candidates for the list page: agreement, party and calendar month with the most
verdicts in a store, busiest first.

    python3 busiest_month.py STORE

Prints AGREEMENT<TAB>PARTY<TAB>FIRST_DAY<TAB>LAST_DAY per line, at most ten lines.
"""
import calendar
import sqlite3
import sys

QUERY = """
SELECT v.agreement_id, i.perpetrator, strftime('%Y-%m', i.start_unix, 'unixepoch') AS month, count(*) AS verdicts
FROM verdict v JOIN incident i ON i.id = v.incident_id
WHERE i.perpetrator IS NOT NULL
GROUP BY 1, 2, 3 ORDER BY verdicts DESC, 1, 2, 3 LIMIT 10
"""


def main() -> None:
    store = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    for agreement, party, month, _ in store.execute(QUERY):
        year, number = map(int, month.split("-"))
        last = calendar.monthrange(year, number)[1]
        print(f"{agreement}\t{party}\t{month}-01\t{month}-{last:02d}")


if __name__ == "__main__":
    main()
