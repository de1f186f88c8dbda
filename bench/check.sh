#!/usr/bin/env bash
# Whole-process timing of `followup check FILE` on a 100-word message, side by side with
# `followup --version` (the cost of starting the binary at all), and the ratio of the two:
# reviewing one message should cost at most 1.3× doing nothing. Also times check with
# --process and --json, for information. Needs hyperfine (apt-get install hyperfine) and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p followup
bin=target/release/followup
message=bench/data/check-message.txt
process=examples/acme.json
version="$bin --version"
plain="$bin check $message"
context="$bin check --json --process $process --now 2026-05-11 $message"
if ! command -v hyperfine >/dev/null || ! command -v jq >/dev/null; then
  echo "bench/check.sh needs hyperfine and jq (apt-get install hyperfine jq)" >&2
  exit 2
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
# check exits 1 when the message has errors: that is a result, not a failure (-i).
hyperfine -N -i --warmup 50 --runs 500 --export-json "$results" "$version" "$plain" "$context"
jq -r '
  .results as $r
  | ($r[0].median) as $base
  | "check / --version: \(($r[1].median / $base * 100 | round) / 100)× (\($r[1].median * 1e6 | round) µs vs \($base * 1e6 | round) µs; medians; budget 1.3×)",
    "check --process --json / --version: \(($r[2].median / $base * 100 | round) / 100)×"
' "$results"
