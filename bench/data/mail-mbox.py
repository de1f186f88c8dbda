#!/usr/bin/env python3
"""Writes a 1,000-message mbox for bench/mail.sh: the committed corpus's messages (its .eml
files, mbox and Maildir) repeated in order, each copy with a Message-ID of its own, so every
message is new to the tracker. Deterministic: the same file every time.
Usage: mail-mbox.py CORPUS_DIR OUT.mbox [COUNT]"""
import os
import re
import sys

corpus, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000


def messages():
    names = sorted(os.listdir(os.path.join(corpus, "eml")))
    for name in names:
        with open(os.path.join(corpus, "eml", name), "rb") as f:
            yield f.read()
    with open(os.path.join(corpus, "inbox.mbox"), "rb") as f:
        for part in re.split(rb"(?m)^From [^\n]*\n", f.read()):
            if part.strip():
                yield re.sub(rb"(?m)^>From ", b"From ", part)
    maildir = []
    for sub in ("cur", "new"):
        folder = os.path.join(corpus, "Maildir", sub)
        maildir += [os.path.join(folder, n) for n in os.listdir(folder) if not n.startswith(".")]
    for path in sorted(maildir, key=os.path.basename):
        with open(path, "rb") as f:
            yield f.read()


templates = list(messages())
with open(out, "wb") as f:
    for i in range(count):
        body = templates[i % len(templates)].replace(b"\r\n", b"\n")
        copy = i // len(templates)
        if re.search(rb"(?im)^message-id:", body):
            body = re.sub(rb"(?im)^(message-id:\s*<)", rb"\g<1>bench%d-" % copy, body, count=1)
        else:
            body = b"Message-ID: <bench%d-%d@bench.example>\n" % (copy, i) + body
        body = re.sub(rb"(?m)^From ", b">From ", body)
        f.write(b"From bench@example.org Mon May  4 09:00:00 2026\n")
        f.write(body.rstrip(b"\n") + b"\n\n")
