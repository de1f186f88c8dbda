#!/usr/bin/env python3
"""Trains the reviewer's tone model from the labelled messages of the blind rounds and the corpus.

The rules recognise what someone listed; the tone model reads the categories a recruiter would
feel from the words around them, learned from every labelled message we have: one logistic
regression per category over TF-IDF word unigrams and bigrams. The reviewer applies it in Rust
(`src/tone.rs`), so the tokenizer below and its twin there must agree; `parity.tsv` pins that.

Besides the labelled messages, the composer's own templates are read as good messages (see
`template_cases`).

Usage: python3 bench/blind/train_tone.py [--rounds N] [--out DIR]   (needs scikit-learn)
Writes DIR/model.tsv (the weights) and DIR/parity.tsv (texts and the scores they must get).
Deterministic: the same messages give the same file.
"""
import argparse, glob, json, os, re
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

CATEGORIES = ["demanding", "pressure", "emotion", "overjustification", "self-promotion"]
#: Inverse regularisation strength; 8 scored best on the rounds measured before it was chosen.
C = 8.0

#: Capitalised words inside a sentence are names (of people, roles, companies: "Urgent Care
#: Inc.", "Junior Architect"), which say nothing of the tone: all but these are skipped.
KEPT_CAPITALISED = set("""i i'm i've i'd i'll monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thur thurs fri sat sun january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov
dec""".split())

#: Words a last line may be instead of a name ("Thanks", "Best regards").
SIGN_OFF_WORDS = {"thanks", "thank", "cheers", "regards", "best", "ta", "thx", "kind", "warm", "many"}

def signature_start(text):
    """Where the message's signature line starts ("Meg", "Aaron Pike", "Dr Samira Haddad" alone on
    the last line), or None: a name says nothing of the tone, wherever it stands."""
    trimmed = text.rstrip()
    if "\n" not in trimmed:
        return None
    start = trimmed.rfind("\n") + 1
    words = trimmed[start:].split()
    if words and words[0].lower().strip(".") in SIGN_OFF_WORDS:
        return None
    if 1 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][A-Za-z.'\-]*", w) for w in words):
        return start
    return None

def tokens(text):
    """Lowercase ASCII words (digit runs read as one `0`, inner apostrophes kept), `!` and `?`,
    less the names: a word with a capital inside a sentence (see `KEPT_CAPITALISED`) and the
    signature line (`signature_start`). The
    reviewer reads the words alone (the rules report punctuation), but the model learns with
    `!` and `?`, so that "news" does not take the weight of "news??"."""
    text = text.replace("\u2019", "'")
    signature = signature_start(text)
    out = []
    for m in re.finditer(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|[!?]", text):
        if signature is not None and m.start() >= signature:
            break
        word = m[0].lower()
        if m[0][0].isupper() and word not in KEPT_CAPITALISED:
            before = text[:m.start()].rstrip(" \t")
            if before and before[-1] not in ".!?:;\n":
                continue
        out.append(re.sub(r"[0-9]+", "0", word))
    return out

def features(text):
    words = tokens(text)
    return words + [a + " " + b for a, b in zip(words, words[1:])]

def corpus_cases(path):
    cases, head, body = [], None, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("=== "):
            if head: cases.append((head, "".join(body).strip()))
            head, body = line[4:].strip(), []
        elif head:
            body.append(line)
    if head: cases.append((head, "".join(body).strip()))
    out = []
    for head, text in cases:
        id, kind, cats = [p.strip() for p in head.split("|")]
        out.append({"id": id, "text": text, "expect": [] if cats == "-" else [c.strip() for c in cats.split(",")]})
    return out

#: Values the composer's placeholders are filled with, in turn (see `template_cases`).
FILL = {
    "greeting": ["Hi Ana,", "Dear Ms. Okafor,", "Hello,", "Hi everyone,", "Dear all,"],
    "role": ["Data Analyst", "Backend Engineer", "Head of Growth", "HVAC Service Technician",
             "Marketing Manager", "Sous Chef", "Staff Nurse"],
    "company": ["Acme", "Globex", "Northwind Health", "Initech"],
    "change": ["I have received another offer and need to give my answer by Friday 15 May.",
               "I am in the final round of another process, which should conclude by Monday.",
               "My availability is changing, and I need to confirm my plans by 2 June.",
               "I have received another offer."],
    "deadline": ["by Friday 15 May", "by Monday", "by 2 June"],
    "promised": ["by Friday", "by the end of last week", "by 12 May", "on Tuesday last week"],
    "met": ["today", "yesterday", "on Tuesday"],
    "topic": ["the data platform migration", "how the team plans its releases",
              "the new patient intake process"],
    "interviewers": ["Ana and Tom", "the panel", "everyone I met"],
    "last_talk": ["our conversation on Tuesday", "your message on 3 May", "our conversation yesterday",
                  "our interview two weeks ago", "our conversation three weeks ago"],
    # How `check --fix` keeps the user's own span ("after my interview two weeks ago" -> "My
    # interview was two weeks ago."): a time anchor, which is no count of silence.
    "ago": ["19 days ago", "two weeks ago", "three weeks ago", "10 days ago", "a week ago",
            "a week and a half ago", "two and a half weeks ago", "a couple of weeks ago"],
    "name": ["Ana", "Ms. Okafor"], "on": ["on Tuesday"], "weekday": ["Thursday"],
    "day": ["14"], "month": ["May"], "year": ["2026"],
}

def template_cases(root):
    """The composer's own messages, good by definition: every variant of every kind, with its
    optional lines both in and out, placeholders filled in turn from `FILL`, and the sentences
    `check --fix` adds. Training on them keeps the model's reading of the product's own
    wording neutral."""
    out, turn = [], 0
    for path in sorted(glob.glob(os.path.join(root, "crates/followup-core/templates/en/*.txt"))):
        if path.endswith("phrases.txt"):
            continue
        variants = re.split(r"^=== .*$", open(path, encoding="utf-8").read(), flags=re.M)[1:]
        for body in variants:
            lines = [l for l in body.splitlines() if not l.startswith(("#", "Subject:"))]
            for flags_on in (True, False):
                kept = []
                for line in lines:
                    flag = re.match(r"^\[(no-)?([a-z-]+)\] ", line)
                    if flag:
                        if bool(flag[1]) == flags_on:
                            continue
                        line = line[flag.end():]
                    kept.append(line)
                def fill(m):
                    nonlocal turn
                    turn += 1
                    values = FILL.get(m[1], [m[0]])
                    return values[turn % len(values)]
                text = re.sub(r"\{([a-z_]+)\}", fill, "\n".join(kept)).strip()
                out.append({"id": "template", "text": text, "expect": []})
    # The sentences `check --fix` adds (src/fix.rs), each in a short message of its own.
    added = [
        "I am writing to follow up on the {role} role at {company}.",
        "I am writing one last time about the {role} role.",
        "I am writing about the {role} role at {company}.",
        "Thank you for talking with me about the {role} role.",
        "I have remained interested in the role since our conversation.",
        "I remain interested in the role.",
        "You mentioned you expected to reach a decision by {promised}.",
        "You mentioned you expected to have an update by {promised}.",
        "My interview was on {met}.",
        "My interview was {ago}.",
        "For reference, the date I have is {weekday}.",
        "For reference, the dates I have are 3 May and 10 May.",
        "Is there an update on the timeline?",
        "Could you let me know whether the position is still open?",
        "Could you share the expected timing of your decision?",
        "I am withdrawing from the process.",
    ]
    for i, sentence in enumerate(added):
        spans = FILL["ago"] if "{ago}" in sentence else [None] * 2
        for greeting, ago in zip(FILL["greeting"] * 4, spans):
            turn += 1
            body = sentence.replace("{role}", FILL["role"][turn % len(FILL["role"])])
            body = body.replace("{company}", FILL["company"][turn % len(FILL["company"])])
            body = body.replace("{promised}", FILL["promised"][turn % len(FILL["promised"])])
            body = body.replace("{met}", FILL["met"][turn % len(FILL["met"])])
            body = body.replace("{ago}", ago or "")
            body = body.replace("{weekday}", ["Wednesday", "Friday", "Monday"][turn % 3])
            out.append({"id": "fix", "text": f"{greeting}\n\n{body}\n\nBest regards,", "expect": []})
    # The time anchors a good follow-up is told to give (the README's definitions: the date of
    # the interview, of the promise, "two weeks ago"), each with one of the product's
    # questions: dates and promises are context, not impatience.
    anchors = [
        "I interviewed for the {role} role on {date}.",
        "I interviewed for the {role} role {ago}.",
        "We spoke about the {role} position on {date}, and you mentioned letting candidates know {promised}.",
        "You mentioned the team would let candidates know {promised}.",
        "My interview for the {role} role was {ago}, and you expected a decision {promised}.",
        "Following up on my interview for the {role} role on {date}.",
        "When we met on {date}, you said you hoped to decide {promised}.",
        "I interviewed for the {role} role on {date}, and you mentioned letting candidates know {promised}.",
        "You planned to update candidates {promised}, after my interview on {date}.",
        "The panel interview for the {role} role was on {date}, and you planned to decide {promised}.",
    ]
    questions = ["Is there an update on the timeline?", "Could you share where the process stands?",
                 "Has a decision been made?", "Is there any news?"]
    dates = ["3 May", "the 12th", "Tuesday", "March 4th", "14/07"]
    for i, anchor in enumerate(anchors):
        for j in range(3):
            turn += 1
            body = anchor.replace("{role}", FILL["role"][turn % len(FILL["role"])])
            body = body.replace("{date}", dates[turn % len(dates)])
            body = body.replace("{ago}", FILL["ago"][turn % len(FILL["ago"])])
            body = body.replace("{promised}", FILL["promised"][turn % len(FILL["promised"])])
            question = questions[(i + j) % len(questions)]
            greeting = FILL["greeting"][turn % len(FILL["greeting"])]
            out.append({"id": "anchor", "text": f"{greeting}\n\n{body} {question}\n\nThanks,", "expect": []})
    return out

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=None, help="train on rounds 1..N only")
    ap.add_argument("--out", default=os.path.join(root, "crates/followup-review/rules/en/tone"))
    args = ap.parse_args()
    sets = sorted(glob.glob(os.path.join(here, "round*/set.jsonl")), key=lambda p: int(re.search(r"round(\d+)", p)[1]))
    cases, seen = [], set()
    for path in sets:
        if args.rounds and int(re.search(r"round(\d+)", path)[1]) > args.rounds:
            continue
        cases += [json.loads(l) for l in open(path, encoding="utf-8")]
    if not args.rounds:
        cases += corpus_cases(os.path.join(root, "crates/followup-review/tests/corpus/messages.txt"))
    cases += template_cases(root)
    unique = []
    for c in cases:
        key = " ".join(c["text"].split())
        if key not in seen:
            seen.add(key); unique.append(c)
    texts = [c["text"] for c in unique]
    vec = TfidfVectorizer(analyzer=features, min_df=2, sublinear_tf=True)
    x = vec.fit_transform(texts)
    models = [LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
              .fit(x, np.array([cat in c["expect"] for c in unique])) for cat in CATEGORIES]
    vocab = sorted(vec.vocabulary_.items())
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "model.tsv"), "w", encoding="utf-8") as out:
        out.write(f"# Written by bench/blind/train_tone.py from {len(unique)} labelled messages; do not edit.\n")
        out.write("# feature\tidf\t" + "\t".join(CATEGORIES) + "\n")
        out.write("(bias)\t0\t" + "\t".join(f"{m.intercept_[0]:.5f}" for m in models) + "\n")
        for feature, column in vocab:
            weights = "\t".join(f"{m.coef_[0][column]:.5f}" for m in models)
            out.write(f"{feature}\t{vec.idf_[column]:.5f}\t{weights}\n")
    # Parity: a spread of texts (every 9th message) and the scores the model gives them.
    with open(os.path.join(args.out, "parity.tsv"), "w", encoding="utf-8") as out:
        for c in unique[::9]:
            row = vec.transform([c["text"]])
            scores = "\t".join(f"{m.decision_function(row)[0]:.4f}" for m in models)
            out.write(json.dumps(c["text"]) + "\t" + scores + "\n")
    print(f"{len(unique)} messages, {len(vocab)} features -> {args.out}")

if __name__ == "__main__":
    main()
