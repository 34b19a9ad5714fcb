"""Draws the third round's dev passages (issue 15): seeded random articles not yet in gold.json,
a seeded random paragraph start in each, paragraphs taken until the passage holds 900 characters.
Reads the cleaned article text from a database that `ingest corpus` wrote.
Usage: python3 draw_passages.py DB [SEED [COUNT]]  (articles of at least 800 characters)"""
import json
import os
import random
import sqlite3
import sys

db, seed, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1530, int(sys.argv[3]) if len(sys.argv) > 3 else 9
gold = json.load(open(os.path.join(os.path.dirname(__file__), "gold.json")))
taken = {d["article"] for d in gold["documents"]}
articles = [(t, x) for t, x in sqlite3.connect(db).execute("SELECT title, text FROM articles ORDER BY id")
            if t not in taken and len(x) >= 800]
rng = random.Random(seed)
for title, text in rng.sample(articles, count):
    paragraphs = text.split("\n\n")
    start = rng.randrange(max(1, len(paragraphs) - 8))
    passage = []
    for paragraph in paragraphs[start:]:
        passage.append(paragraph)
        if len("\n\n".join(passage)) >= 900:
            break
    print(json.dumps({"article": title, "text": "\n\n".join(passage)}, ensure_ascii=False))
