#!/usr/bin/env python3
"""Prints the table of scripts/bench-commands from its results.

    commands_table.py RESULTS.tsv TITLE

RESULTS.tsv: KIND NAME ROWS STATUS SECONDS PEAK_RSS_KB NOTE, one line per step; KIND is `truce` for a Truce
command, else the name of the Truce step a peer is compared with. Each peer is printed under its Truce step with
Truce's speed over the peer's: the peer's seconds over Truce's, for the same rows (> 1: Truce is faster).
"""
import csv
import sys


def main(path, title):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    seconds = {}
    for kind, name, _, status, secs, *_ in rows:
        if kind == "truce" and status == "ok":
            seconds[name] = max(float(secs), 0.01)  # /usr/bin/time has 10 ms resolution
    print(title)
    print(f"  {'step':<44} {'seconds':>9} {'rows/s':>12} {'peak RSS':>9}  {'Truce/peer':>10}  note")
    order = [r for r in rows if r[0] == "truce"]
    for truce in order:
        for kind, name, count, status, secs, kb, note in [truce] + [r for r in rows if r[0] == truce[1]]:
            label = name if kind == "truce" else f"  peer: {name}"
            if status != "ok":
                print(f"  {label:<44} {'n/a':>9} {'':>12} {'':>9}  {'':>10}  {note}")
                continue
            s = max(float(secs), 0.01)
            rate = f"{int(count) / s:,.0f}" if count not in ("-", "1") else "-"
            ratio = ""
            if kind != "truce" and kind in seconds:
                ratio = f"{s / seconds[kind]:.2f}x"
            elif kind != "truce":
                ratio = "n/a"
            print(f"  {label:<44} {s:>9.2f} {rate:>12} {int(kb) / 1024:>6,.0f} MB  {ratio:>10}  {note[:60]}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
