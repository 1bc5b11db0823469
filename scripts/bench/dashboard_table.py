"""scripts/bench-dashboard's results as a table, with the targets checked.

    python3 dashboard_table.py RESULTS_TSV SERVER_PEAK_RSS_KB TITLE

RESULTS_TSV holds wrk_summary.py's lines. A page's target is p99 < 100 ms; a verify's, p99 < 50 ms for a reviewer
acting alone. The load of every connection verifying at once has no target of its own: it shows how the server's
write queue bears it. Exits 1 when a load had errors; the targets are printed as met or missed.
"""
import sys

PAGE_P99_MS = 100.0
VERIFY_P99_MS = 50.0


def main() -> None:
    path, rss_kb, title = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rows = [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]
    print(title)
    print()
    print("| load | req/s | p50 ms | p99 ms | requests | non-2xx/3xx | socket errors | target (p99) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    failed = False
    for name, rate, p50, p99, total, bad, errors in rows:
        failed |= int(bad) > 0 or int(errors) > 0
        if "verify" in name and "one reviewer" not in name:
            target = "none: every connection verifying at once"
        else:
            limit = VERIFY_P99_MS if "verify" in name else PAGE_P99_MS
            target = f"{'met' if float(p99) < limit else 'MISSED'} (< {limit:.0f} ms)"
        print(f"| {name} | {float(rate):,.0f} | {p50} | {p99} | {int(total):,} | {bad} | {errors} | {target} |")
    print()
    print(f"server peak RSS: {rss_kb / 1024:.0f} MB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
