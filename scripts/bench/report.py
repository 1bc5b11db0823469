#!/usr/bin/env python3
"""Turns the measurements of scripts/bench-import into a table: aligned text on stdout, Markdown in a file.

    report.py INPUTS.tsv RESULTS.tsv MARKDOWN_OUT [CONTEXT_LINE...]

INPUTS.tsv   (from generate.py) NAME  PATH  ROWS  BYTES  ORIGIN
RESULTS.tsv  (from bench-import) DATASET  STEP  LABEL  STATUS(ok|fail|na)  SECONDS  MAX_RSS_KB  NOTE  CPU_SECONDS
"""
import csv
import os
import sys

HEADER = ["Step", "Command", "Seconds", "MB/s", "rows/s", "Peak RSS MB", "Note"]
RIGHT = {2, 3, 4, 5}  # right-aligned (numeric) columns
# (numerator step, denominator step, label): rows/s ratios shown under each dataset's table.
RATIOS = [("a", "c", "Truce parse (a) / pandas.read_csv (c)"),
          ("a", "e", "Truce parse (a) / DuckDB (e)"),
          ("a", "f", "Truce parse (a) / Polars (f)"),
          ("b", "d", "Truce import (b) / pandas+to_sql (d)")]


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def sections(inputs, results):
    """For each dataset: a title, the table rows, and the ratio lines."""
    for name, path, rows, size, origin in inputs:
        rows, size = int(rows), int(size)
        title = f"{name.upper()}: {path}, {rows:,} rows, {size / 1e6:,.1f} MB ({origin} base rows)"
        table, rate, seconds, cpu, notes = [], {}, {}, {}, {}
        for dataset, step, label, status, secs, kb, note, *more in results:
            if dataset != name:
                continue
            if note.startswith("rows=") and note.split()[0] != f"rows={rows}":
                note += f"  WRONG ROW COUNT: expected {rows}"
            if status == "ok":
                s = max(float(secs), 0.01)  # /usr/bin/time has 10 ms resolution
                rate[step], seconds[step], notes[step] = rows / s, s, note
                if more and more[0]:
                    cpu[step] = float(more[0])
                table.append([f"({step})", label, f"{s:.2f}", f"{size / 1e6 / s:,.1f}", f"{rows / s:,.0f}",
                              f"{int(kb) / 1024:,.0f}", note])
            else:
                table.append([f"({step})", label, "n/a", "", "", "", note])
        ratios = []
        for num, den, label in RATIOS:
            value = f"{rate[num] / rate[den]:.3g}x" if num in rate and den in rate else "n/a"
            ratios.append(f"{label} = {value}")
        yield title, table, ratios, import_floor(seconds, cpu, notes, rows)


def import_floor(seconds, cpu, notes, rows):
    """The least time a full import (b) could take on this machine: SQLite's own write of the rows it stored (g,
    in-process, without the interpreter's start-up) runs on one thread, and reading and normalising (a's CPU)
    shares the cores with it."""
    found = dict(part.split("=", 1) for part in notes.get("g", "").split() if "=" in part)
    if "a" not in cpu or "d" not in seconds or "in-process" not in found or "cpu" not in found:
        return None
    write, write_cpu = float(found["in-process"]), float(found["cpu"])
    cores = os.cpu_count() or 1
    least = max(write, (cpu["a"] + write_cpu) / cores)
    return (f"Floor under (b): SQLite alone writes its rows in {write:.2f} s (g); with (a)'s {cpu['a']:.2f} s of CPU "
            f"on {cores} cores, no import storing the same rows takes less than {least:.2f} s "
            f"({rows / least:,.0f} rows/s) = at most {seconds['d'] / least:.3g}x pandas+to_sql (d)")


def text(title, table, ratios, floor):
    widths = [max(len(r[i]) for r in [HEADER] + table) for i in range(len(HEADER))]
    fmt = lambda r: "  ".join(c.rjust(w) if i in RIGHT else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
    lines = [title, fmt(HEADER), fmt(["-" * w for w in widths])] + [fmt(r) for r in table]
    return "\n".join([l.rstrip() for l in lines] + ["Ratios in rows/s: " + "; ".join(ratios)] + ([floor] if floor else []))


def markdown(title, table, ratios, floor):
    esc = lambda c: c.replace("|", "\\|")
    lines = [f"### {title}", "", "| " + " | ".join(HEADER) + " |",
             "|" + "|".join("---:" if i in RIGHT else "---" for i in range(len(HEADER))) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in r) + " |" for r in table]
    return "\n".join(lines + [""] + [f"- {r}" for r in ratios + ([floor] if floor else [])])


def main(inputs_path, results_path, md_path, *context):
    parts = list(sections(read_tsv(inputs_path), read_tsv(results_path)))
    print("\n\n".join(text(*p) for p in parts))
    print("\n" + "\n".join(context))
    with open(md_path, "w", encoding="utf-8") as f:
        f.write("# Truce import benchmark\n\n" + "\n\n".join(markdown(*p) for p in parts) + "\n\n")
        f.write("\n".join(f"- {c}" for c in context) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
