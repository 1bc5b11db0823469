"""Compares `truce ingest-news --dry-run --json` with the labels of eval/news/articles.jsonl.

Usage: news_eval.py LABELS.jsonl EXTRACTED.json [--errors N]

An extracted item and a label are paired when they are of the same kind and come from the same sentence (their
spans in the article's text overlap); several items of one sentence are paired by the most fields they agree on.
For each field, precision = correct values given / values given, recall = correct values given / values labelled;
an extracted item paired with no label counts each value it gives as wrong, a label paired with no item each value
it holds as missed. A swap is an incident whose accused is the labelled claimant's party and whose claimant's party
is the labelled accused.
"""
import json
import re
import sys
import unicodedata
from collections import defaultdict

FIELDS = ["time", "place", "target", "subtype", "action", "accused", "claimant", "claimant_party", "agreement_event", "condition"]
TARGETS = {"time": (0.9, 0.8), "place": (0.9, 0.8), "target": (0.9, 0.8), "accused": (0.85, None), "claimant": (0.85, None)}
REGION_WORDS = {"oblast", "region", "krai", "kray", "governorate", "province", "oblast'", "republic", "of", "the"}


def key(text):
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in REGION_WORDS]
    return " ".join(words)


def same_place(extracted, label):
    if not extracted or not label:
        return False
    names = [key(extracted.get("name")), key(extracted.get("text"))]
    wanted = key(label.get("name"))
    if extracted.get("name") is None:  # ambiguous or region only: right when the label is that region
        region = key(extracted.get("admin1"))
        return bool(region) and region == wanted and key(label.get("admin1")) == region
    return any(n and wanted and (n == wanted or n[:6] == wanted[:6]) for n in names)


def same_claimant(extracted, label):
    if not extracted or not label:
        return False
    a, b = set(key(extracted).split()), set(key(label).split())
    return bool(a and b) and len(a & b) / len(b) >= 0.5


def incident_values(item, extracted):
    """The compared fields of an incident, from Truce's JSON (camelCase) or from a label (snake_case)."""
    def field(name):
        return item.get(re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name) if extracted else name)
    time = item.get("time")
    return {
        "time": (time["from"], time["to"]) if time else None,
        "place": item.get("place"),
        "target": item.get("target"),
        "subtype": field("target_subtype"),
        "action": item.get("action"),
        "accused": item.get("accused"),
        "claimant": item.get("claimant"),
        "claimant_party": field("claimant_party"),
    }


def agrees(field, got, want):
    if got is None or want is None:
        return False
    if field == "place":
        return same_place(got, want)
    if field == "claimant":
        return same_claimant(got, want)
    return got == want


def main():
    labels_path, extracted_path = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else None
    articles = [json.loads(line) for line in open(labels_path, encoding="utf-8") if line.strip()]
    output = json.load(open(extracted_path, encoding="utf-8"))
    by_line = {}
    for result in output:
        for article in result["articles"]:
            by_line[article["line"]] = article
    given = defaultdict(int)
    correct = defaultdict(int)
    labelled = defaultdict(int)
    found = defaultdict(int)
    errors = defaultdict(list)
    swaps = []

    def count(field, got, want, where):
        ok = agrees(field, got, want)
        if got is not None:
            given[field] += 1
            correct[field] += ok
        if want is not None:
            labelled[field] += 1
            found[field] += ok
        if not ok and (got is not None or want is not None):
            errors[field].append(f"{where}: got {fmt(got)}, want {fmt(want)}")

    for number, article in enumerate(articles, start=1):
        text = article["text"]
        extracted = by_line.get(number, {"items": []})["items"]
        for item in extracted:
            item["_span"] = (item["sentence"]["span"]["start"], item["sentence"]["span"]["end"])
        used = set()
        for label in article["items"]:
            start = text.find(label["sentence"])
            span = (start, start + len(label["sentence"]))
            candidates = [
                (i, item) for i, item in enumerate(extracted)
                if i not in used and item["kind"] == label["kind"] and item["_span"][0] < span[1] and span[0] < item["_span"][1]
            ]
            where = f"{article['id']} “{label['sentence'][:90]}”"
            if label["kind"] == "incident":
                want = incident_values(label, extracted=False)
                best = max(candidates, default=None, key=lambda c: sum(agrees(f, incident_values(c[1], True)[f], want[f]) for f in want))
                got = incident_values(best[1], True) if best else {f: None for f in want}
                if best:
                    used.add(best[0])
                else:
                    errors["incident missed"].append(where)
                for field in want:
                    count(field, got[field], want[field], where)
                if best and got["accused"] and want["claimant_party"] and got["accused"] == want["claimant_party"] \
                        and got["claimant_party"] == want["accused"] and want["accused"] != want["claimant_party"]:
                    swaps.append(where)
            elif label["kind"] == "agreement_event":
                want = (label["event"], label.get("agreement"))
                best = max(candidates, default=None, key=lambda c: (c[1]["event"] == want[0]) + (c[1].get("agreement") == want[1]))
                got = (best[1]["event"], best[1].get("agreement")) if best else None
                if best:
                    used.add(best[0])
                count("agreement_event", got, want, where)
            else:
                want = label.get("condition") or "(new)"
                best = max(candidates, default=None, key=lambda c: (c[1].get("condition") or "(new)") == want)
                got = (best[1].get("condition") or "(new)") if best else None
                if best:
                    used.add(best[0])
                count("condition", got, want, where)
        for i, item in enumerate(extracted):
            if i in used:
                continue
            where = f"{article['id']} (unlabelled) “{item['sentence']['text'][:90]}”"
            if item["kind"] == "incident":
                errors["incident invented"].append(where)
                for field, value in incident_values(item, True).items():
                    count(field, value, None, where)
            elif item["kind"] == "agreement_event":
                count("agreement_event", (item["event"], item.get("agreement")), None, where)
            else:
                count("condition", item.get("condition") or "(new)", None, where)

    print(f"{len(articles)} articles, {sum(len(a['items']) for a in articles)} labelled items "
          f"({sum(1 for a in articles for i in a['items'] if i['kind'] == 'incident')} incidents)")
    print(f"{'field':<16} {'precision':>9} {'recall':>7} {'given':>6} {'labelled':>8}  target")
    for field in FIELDS:
        p = correct[field] / given[field] if given[field] else float("nan")
        r = found[field] / labelled[field] if labelled[field] else float("nan")
        goal = TARGETS.get(field)
        target = ""
        if goal:
            target = f"P ≥ {goal[0]}" + (f", R ≥ {goal[1]}" if goal[1] else "")
            met = p >= goal[0] and (goal[1] is None or r >= goal[1])
            target += "  ok" if met else "  MISSED"
        print(f"{field:<16} {p:>9.2f} {r:>7.2f} {given[field]:>6} {labelled[field]:>8}  {target}")
    print(f"swaps of accuser and accused: {len(swaps)} (target 0)")
    for where in swaps:
        print(f"  swap: {where}")
    for field in FIELDS + ["incident missed", "incident invented"]:
        if errors[field]:
            print(f"\n{field}: {len(errors[field])} error(s)")
            for line in errors[field][:limit]:
                print(f"  {line}")


def fmt(value):
    if isinstance(value, dict):
        return value.get("name") or value.get("admin1") or value.get("text")
    return value


if __name__ == "__main__":
    main()
