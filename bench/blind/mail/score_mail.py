#!/usr/bin/env python3
"""Scores mail JSON lines (from the classifier) against expected.jsonl, by file name."""
import json, sys, collections
got = {}
for line in open(sys.argv[1]):
    o = json.loads(line); got[o["file"].split("/")[-1]] = o
fields = ["class", "process", "asks", "respond_by", "deadline", "away_until"]
n = 0; class_ok = 0; all_ok = 0; conf = collections.Counter(); wrong = []
for line in open(sys.argv[2]):
    e = json.loads(line); n += 1
    g = got.get(e["file"], {"class": "(no line)"})
    if g.get("class") == e["class"]: class_ok += 1
    else: conf[(e["class"], g.get("class"))] += 1
    bad = [f for f in fields if (e.get(f) if f in e or f in ("class","process") else None) != (g.get(f) if (f in e or f in ("class","process")) else None)]
    # fields the expectation does not name are not asserted except class/process
    bad = [f for f in fields if (f in e or f in ("class", "process")) and e.get(f) != g.get(f)]
    extra = [f for f in ("respond_by", "deadline", "away_until") if f not in e and g.get(f)]
    if not bad and not extra: all_ok += 1
    else: wrong.append((e["file"], {f: (e.get(f), g.get(f)) for f in bad + extra}))
print(f"class right {class_ok}/{n}; every field right {all_ok}/{n}")
for (a, b), c in sorted(conf.items()): print(f"  expected {a} got {b}: {c}")
if "--misses" in sys.argv:
    for w in wrong: print("WRONG", *w)
