#!/usr/bin/env python3
"""Scores a blind review set (JSON Lines: id, kind, text, expect) against `followup check --json`.

Recall per category: share of messages expecting the category that get at least one finding of
it with severity error or warning. A false alarm: a message expecting nothing that gets any
error or warning finding (its verdict is not strong).
Usage: score.py SET.jsonl [--bin PATH] [--misses]
"""
import json, subprocess, sys, collections, argparse

ap = argparse.ArgumentParser()
ap.add_argument("set")
ap.add_argument("--bin", default="followup")
ap.add_argument("--misses", action="store_true")
args = ap.parse_args()

hits = collections.Counter(); wanted = collections.Counter()
good = 0; false_alarms = []; misses = []; skipped = collections.Counter()
for line in open(args.set, encoding="utf-8"):
    case = json.loads(line)
    run = subprocess.run([args.bin, "check", "--json", "--kind", case["kind"], "-"],
                         input=case["text"].encode(), capture_output=True)
    if run.returncode not in (0, 1):
        skipped[case["kind"]] += 1
        continue
    review = json.loads(run.stdout)
    found = {f["category"] for f in review["findings"] if f["severity"] in ("error", "warning")}
    if not case["expect"]:
        good += 1
        if found:
            false_alarms.append((case["id"], sorted(found), [f["rule"] for f in review["findings"] if f["severity"] != "info"]))
        continue
    for cat in case["expect"]:
        wanted[cat] += 1
        if cat in found:
            hits[cat] += 1
        else:
            misses.append((case["id"], cat, case["text"][:160].replace("\n", " ")))

total_w = sum(wanted.values()); total_h = sum(hits.values())
print(f"recall {total_h}/{total_w} = {total_h / max(total_w, 1):.3f}")
for cat in sorted(wanted):
    print(f"  {cat:18} {hits[cat]:3}/{wanted[cat]:3} = {hits[cat] / wanted[cat]:.3f}")
print(f"false alarms {len(false_alarms)}/{good} good messages")
if skipped:
    print("skipped (kind not supported): " + ", ".join(f"{k} {n}" for k, n in skipped.items()))
if args.misses:
    for fa in false_alarms:
        print("FALSE ALARM", *fa)
    for m in misses:
        print("MISS", *m)
