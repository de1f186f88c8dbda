#!/usr/bin/env python3
"""How much a tone model would have added to each past round, had it been trained only on the
rounds before it: for k = FIRST..LAST, train on rounds 1..k-1 (the same features as
`train_tone.py`), score round k, and combine with what the rules of that time caught (round
k's `before-rules.txt` where it exists, else `before.txt`). Prints, per threshold, the
combined recall of the five categories the model reads and the false alarms per 50 good
messages. This is how the model's form and threshold were chosen.

Usage: python3 bench/blind/tone_history.py [FIRST] [LAST]   (needs scikit-learn)
"""
import collections, json, os, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from train_tone import CATEGORIES, C, features, template_cases

HERE = os.path.dirname(os.path.abspath(__file__))

def load(k, name="set.jsonl"):
    return [json.loads(l) for l in open(os.path.join(HERE, f"round{k}", name), encoding="utf-8")]

def rules_result(k):
    path = os.path.join(HERE, f"round{k}", "before-rules.txt")
    if not os.path.exists(path):
        path = os.path.join(HERE, f"round{k}", "before.txt")
    missed, alarms = set(), set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("MISS "):
            _, id, cat, _ = line.split(" ", 3)
            missed.add((id, cat))
        elif line.startswith("FALSE ALARM "):
            alarms.add(line.split()[2])
    return missed, alarms

first = int(sys.argv[1]) if len(sys.argv) > 1 else 12
last = int(sys.argv[2]) if len(sys.argv) > 2 else 19
thresholds = [0.4, 0.5, 0.6, 0.7, 1.01]
found = {t: collections.Counter() for t in thresholds}
wanted = collections.Counter()
alarms = {t: 0 for t in thresholds}
good = 0
for k in range(first, last + 1):
    # As the trainer does: the composer's own wording is read as good.
    train = [c for j in range(1, k) for c in load(j)] + template_cases(os.path.dirname(os.path.dirname(HERE)))
    test = load(k)
    vectors = TfidfVectorizer(analyzer=features, min_df=2, sublinear_tf=True)
    x = vectors.fit_transform([c["text"] for c in train])
    xt = vectors.transform([c["text"] for c in test])
    p = {cat: LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
         .fit(x, np.array([cat in c["expect"] for c in train])).predict_proba(xt)[:, 1]
         for cat in CATEGORIES}
    missed, rule_alarms = rules_result(k)
    for n, case in enumerate(test):
        if not case["expect"]:
            good += 1
            for t in thresholds:
                alarms[t] += case["id"] in rule_alarms or any(p[c][n] > t for c in CATEGORIES)
        for cat in case["expect"]:
            if cat in CATEGORIES:
                wanted[cat] += 1
                for t in thresholds:
                    found[t][cat] += (case["id"], cat) not in missed or p[cat][n] > t
print(f"rounds {first}-{last}: {good} good messages (threshold 1.01 = the rules alone)")
for t in thresholds:
    cats = " ".join(f"{c} {found[t][c] / wanted[c]:.3f}" for c in CATEGORIES)
    print(f"threshold {t}: false alarms {50 * alarms[t] / good:.2f}/50; {cats}")
