#!/usr/bin/env bash
# Whole-process timing of `followup advise FILE` (budget: under 5 ms wall).
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p followup
bin=target/release/followup
file=examples/acme.json
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 "$bin advise --now 2026-05-13 $file"
else
  runs=300
  start=$(date +%s%N)
  for _ in $(seq $runs); do "$bin" advise --now 2026-05-13 "$file" >/dev/null; done
  end=$(date +%s%N)
  echo "mean: $(( (end - start) / runs / 1000 )) µs over $runs runs"
fi
