#!/usr/bin/env bash
# Scores the mail classifier on a blind round: a folder of .eml files written from issue 17
# alone, its directory.json (the tracked processes) and expected.jsonl (the author's lines).
#   bench/blind/mail/score.sh ROUND_DIR [--misses]
# Prints "class right N/M; every field right N/M" and, with --misses, each wrong line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
round="$(cd "${1:?usage: score.sh ROUND_DIR [--misses]}" && pwd)"
shift
# A round folded into the test corpus keeps its author's lines as labels.jsonl (its
# expected.jsonl there is the full printed lines the corpus test pins).
labels="$round/labels.jsonl"
[ -f "$labels" ] || labels="$round/expected.jsonl"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
cd "$here/../../.."
cargo run -q -p followup-mail --example classify -- "$round/directory.json" "$round"/*.eml >"$out"
python3 "$here/score_mail.py" "$out" "$labels" "$@"
