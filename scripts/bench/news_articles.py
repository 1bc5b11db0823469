"""Writes N news articles of about 4 KB each as JSON Lines, for scripts/bench-news: each article joins paragraphs
of the evaluation set's reports (eval/news/articles.jsonl) in a seeded random order, under its own address and a
publication time spread over 2025, so that every article differs but reads as real reporting.

Usage: news_articles.py --articles N --out FILE [--seed S]
"""
import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20250318)
    parser.add_argument("--labels", default="eval/news/articles.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = [json.loads(line)["text"] for line in open(args.labels, encoding="utf-8") if line.strip()]
    total = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for number in range(args.articles):
            paragraphs = []
            while sum(len(p.encode()) for p in paragraphs) < 4000:
                paragraphs.append(rng.choice(texts))
            day = 1 + number % 150
            published = f"2025-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 28:02d}T{number % 24:02d}:{number % 60:02d}:00Z"
            line = json.dumps({"url": f"https://news.example.org/{number}", "published": published, "text": "\n\n".join(paragraphs)})
            total += len(line.encode())
            out.write(line + "\n")
    print(f"{args.articles} articles, {total / args.articles / 1024:.1f} KiB each on average")


if __name__ == "__main__":
    main()
