"""One line of scripts/bench-server's results from wrk's --latency output.

    python3 wrk_summary.py NAME WRK_OUTPUT

Prints NAME, requests/s, p50 ms, p99 ms, requests, non-2xx/3xx responses and socket errors, tab-separated.
"""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def milliseconds(text: str) -> float:
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unreadable latency {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def main() -> None:
    name, path = sys.argv[1], sys.argv[2]
    text = open(path).read()
    rate = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    total = re.search(r"(\d+) requests in", text)
    p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    if not (rate and total and p50 and p99):
        sys.exit(f"wrk_summary: {path} is not wrk --latency output:\n{text}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = sum(int(g) for g in errors.groups()) if errors else 0
    print("\t".join([name, rate.group(1), f"{milliseconds(p50.group(1)):.2f}", f"{milliseconds(p99.group(1)):.2f}",
                     total.group(1), bad.group(1) if bad else "0", str(socket_errors)]))


if __name__ == "__main__":
    main()
