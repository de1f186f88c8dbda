#!/usr/bin/env bash
# `followup calendar` over a tracker of 1,000 processes × 10 events (override: bench/calendar.sh
# 5000 10), whole command, beside `next` over the same tracker. At 2026-04-01 most generated
# processes are open, so ~700 events are written (NOW=... for another moment). Debug build by default, so figures are
# relative (the machine is shared); PROFILE=release for absolute ones. Benchmarks never run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
processes=${1:-1000}
events=${2:-10}
profile=${PROFILE:-debug}
now=${NOW:-2026-04-01}
flag=""
[ "$profile" = release ] && flag="--release"
cargo build $flag -q -p followup
cargo build $flag -q -p followup-store --example generate
bin=target/$profile/followup
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FOLLOWUP_CONFIG="$work/config.toml" FOLLOWUP_DB="$work/bench.db"
touch "$FOLLOWUP_CONFIG"

target/$profile/examples/generate "$processes" "$events" > "$work/export.json"
"$bin" import "$work/export.json" --now 2026-06-01 >/dev/null
"$bin" calendar --now "$now" --out "$work/out.ics" 2> "$work/wrote.txt"
echo "== $profile build, $processes processes × $events events: $(cat "$work/wrote.txt"), $(wc -c < "$work/out.ics") bytes"

runs=20
for cmd in "calendar --now $now" "calendar --now $now --out $work/out.ics" "next --now $now"; do
  t0=$(date +%s%N)
  for _ in $(seq $runs); do $bin $cmd >/dev/null 2>&1; done
  t1=$(date +%s%N)
  echo "${cmd/$work\//}: mean $(( (t1 - t0) / runs / 1000000 )) ms over $runs runs"
done
