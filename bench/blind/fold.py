#!/usr/bin/env python3
"""Appends the named cases of a blind set to the reviewer corpus, once each.

Usage: fold.py SET.jsonl ID... [--corpus PATH]
A case becomes `=== <id> | <kind> | <categories or ->` followed by its text; ids already in the
corpus are skipped, so folding a round twice changes nothing.
"""
import json, sys, argparse

ap = argparse.ArgumentParser()
ap.add_argument("set")
ap.add_argument("ids", nargs="+")
ap.add_argument("--corpus", default="crates/followup-review/tests/corpus/messages.txt")
args = ap.parse_args()

corpus = open(args.corpus, encoding="utf-8").read()
present = {line[4:].split("|")[0].strip() for line in corpus.splitlines() if line.startswith("=== ")}
cases = {c["id"]: c for c in map(json.loads, open(args.set, encoding="utf-8"))}
added = []
with open(args.corpus, "a", encoding="utf-8") as out:
    for id in args.ids:
        if id in present or id not in cases:
            continue
        c = cases[id]
        labels = ", ".join(c["expect"]) or "-"
        out.write(f"\n=== {id} | {c['kind']} | {labels}\n{c['text'].strip()}\n")
        added.append(id)
print(f"folded {len(added)} cases: {' '.join(added)}")
