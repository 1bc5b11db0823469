"""scripts/bench-server's table: each route's throughput and latency, its ratio to nginx, and the targets.

    python3 server_table.py RESULTS_TSV SERVER_RSS_KB NGINX_RSS_KB TITLE

The last line of RESULTS_TSV is nginx. Exits 1 when a target is missed or a response failed.
"""
import sys


def main() -> None:
    results, server_kb, nginx_kb, title = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rows = [line.rstrip("\n").split("\t") for line in open(results) if line.strip()]
    *routes, nginx = rows
    ceiling = float(nginx[1])
    print(title)
    print()
    print("| route | requests/s | p50 ms | p99 ms | requests | non-2xx | socket errors | vs nginx |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rate, p50, p99, total, bad, errors in rows:
        ratio = float(rate) / ceiling
        print(f"| {name} | {float(rate):,.0f} | {p50} | {p99} | {int(total):,} | {bad} | {errors} | {ratio:.2f}× |")
    print()
    print(f"peak RSS: truce serve {server_kb / 1024:,.0f} MB; nginx (all processes) {nginx_kb / 1024:,.0f} MB")
    name, rate, p50, p99, total, bad, errors = routes[0]
    checks = [
        (f"{name}: >= 5,000 requests/s", float(rate) >= 5000),
        (f"{name}: p99 < 25 ms", float(p99) < 25),
        (f"{name}: >= 30% of nginx's static throughput", float(rate) >= 0.3 * ceiling),
        ("truce serve: peak RSS < 500 MB", server_kb < 500 * 1024),
    ]
    checks += [(f"{row[0]}: every response 2xx, no socket error", row[5] == "0" and row[6] == "0") for row in rows]
    print()
    for label, ok in checks:
        print(f"{'✓' if ok else '✗'} {label}")
    sys.exit(0 if all(ok for _, ok in checks) else 1)


if __name__ == "__main__":
    main()
