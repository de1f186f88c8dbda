#!/usr/bin/env python3
"""Runs each blind advice case through `followup advise --json --now NOW FILE` and compares the
fields each expectation names. Usage: score_advice.py DIR --bin PATH [--misses]"""
import json, subprocess, sys, glob, os, tempfile, argparse
ap = argparse.ArgumentParser(); ap.add_argument("dir"); ap.add_argument("--bin", default="followup")
ap.add_argument("--misses", action="store_true"); a = ap.parse_args()
n = ok = 0; wrong = []
env = dict(os.environ, FOLLOWUP_CONFIG="/dev/null", NO_COLOR="1")
for path in sorted(glob.glob(os.path.join(a.dir, "*.json"))):
    case = json.load(open(path))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(case["process"], f); doc = f.name
    for check in case["checks"]:
        n += 1
        run = subprocess.run([a.bin, "advise", "--json", "--now", check["now"], doc], capture_output=True, text=True, env=env)
        if run.returncode != 0:
            wrong.append((os.path.basename(path), check["now"], "exit %d: %s" % (run.returncode, run.stderr.strip()[:200]))); continue
        got = json.loads(run.stdout)
        diff = {k: (v, got.get(k)) for k, v in check["expect"].items() if got.get(k) != v}
        if diff: wrong.append((os.path.basename(path), check["now"], diff))
        else: ok += 1
    os.unlink(doc)
print(f"checks right {ok}/{n}")
if a.misses:
    for w in wrong: print("WRONG", *w)
