#!/usr/bin/env bash
# Whole-process timing of `followup draft FILE` (budget: under 5 ms wall).
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p followup
bin=target/release/followup
file=examples/acme.json
# 2026-05-11 09:00: the promise passed on Friday, the follow-up is due (the later `sent` event
# does not count yet).
args="draft --now 2026-05-11 $file"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 "$bin $args" "$bin $args --json --tone formal"
else
  runs=300
  start=$(date +%s%N)
  for _ in $(seq $runs); do $bin $args >/dev/null; done
  end=$(date +%s%N)
  echo "mean: $(( (end - start) / runs / 1000 )) µs over $runs runs"
fi
