#!/usr/bin/env bash
# Whole-process timing of `followup check FILE` on a 100-word message, side by side with
# `followup --version` (the cost of starting the binary at all), and their ratio: reviewing
# one message should cost at most 1.3× doing nothing. `check --process --json` is timed too,
# for information.
#
# The commands are timed in alternating rounds, so a neighbour's load falls on all of them
# alike; the ratio printed is the median of the rounds' ratios of medians, with the ratio of the
# fastest runs (the least disturbed) and of CPU time (user + system, which waiting for a busy
# CPU does not inflate) beside it. Needs hyperfine and jq
# (apt-get install hyperfine jq).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null || ! command -v jq >/dev/null; then
  echo "bench/check.sh needs hyperfine and jq (apt-get install hyperfine jq)" >&2
  exit 2
fi
cargo build --release -q -p followup
bin=target/release/followup
message=bench/data/check-message.txt
process=examples/acme.json
rounds=${ROUNDS:-7}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for round in $(seq "$rounds"); do
  # check exits 1 when the message has errors: that is a result, not a failure (-i).
  hyperfine -N -i --style none --warmup 10 --runs 60 --export-json "$results/$round.json" \
    "$bin --version" "$bin check $message" \
    "$bin check --json --process $process --now 2026-05-11 $message" >/dev/null 2>&1
done
jq -rs '
  def median: sort | .[length / 2 | floor];
  def ratio($i): [.[] | .results | (.[$i].median / .[0].median)] | median;
  def fastest($i): [.[] | .results[$i].min] | min;
  def cpu($i): [.[] | .results | ((.[$i].user + .[$i].system) / (.[0].user + .[0].system))] | median;
  def x: (. * 100 | round) / 100;
  def us: . * 1e6 | round;
  "followup --version: \([.[] | .results[0].median] | median | us) µs (median of \(length) rounds)",
  "followup check (100 words): \([.[] | .results[1].median] | median | us) µs",
  "check / --version: \(ratio(1) | x)× wall (fastest runs: \(fastest(1) / fastest(0) | x)×; CPU time: \(cpu(1) | x)×); budget 1.3×",
  "check --process --json / --version: \(ratio(2) | x)× (fastest runs: \(fastest(2) / fastest(0) | x)×)"
' "$results"/*.json
