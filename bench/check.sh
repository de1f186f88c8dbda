#!/usr/bin/env bash
# Whole-process timing of `followup check FILE` on a 100-word message (budget: under 5 ms wall),
# plain and with --process and --json. Uses hyperfine when installed (apt-get install
# hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p followup
bin=target/release/followup
message=bench/data/check-message.txt
process=examples/acme.json
plain="check $message"
context="check --json --process $process --now 2026-05-11 $message"
if command -v hyperfine >/dev/null; then
  # check exits 1 when the message has errors: that is a result, not a failure.
  hyperfine -N -i --warmup 20 --runs 300 "$bin $plain" "$bin $context"
else
  runs=300
  for args in "$plain" "$context"; do
    start=$(date +%s%N)
    for _ in $(seq $runs); do $bin $args >/dev/null || true; done
    end=$(date +%s%N)
    echo "followup $args — mean: $(( (end - start) / runs / 1000 )) µs over $runs runs"
  done
fi
