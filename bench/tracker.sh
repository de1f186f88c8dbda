#!/usr/bin/env bash
# The tracker at scale: 10,000 processes × 10 events (override: bench/tracker.sh N M).
# Budgets: `followup next` and `followup list` under 100 ms wall, `import` of the export under
# 3 s, the database under 20 MB. Uses hyperfine when installed (apt-get install hyperfine),
# else plain loops. Benchmarks are never run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
processes=${1:-10000}
events=${2:-10}
cargo build --release -q -p followup
cargo build --release -q -p followup-store --example generate
bin=target/release/followup
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FOLLOWUP_CONFIG="$work/config.toml"
touch "$FOLLOWUP_CONFIG"
export FOLLOWUP_DB="$work/followup.db"

target/release/examples/generate "$processes" "$events" > "$work/export.json"
echo "generated $processes processes × $events events: $(du -h "$work/export.json" | cut -f1) of JSON"

ms() { echo $(( ($2 - $1) / 1000000 )); }

t0=$(date +%s%N)
"$bin" import "$work/export.json" --now 2026-06-01 >/dev/null
t1=$(date +%s%N)
echo "import: $(ms "$t0" "$t1") ms (fresh database)"
t0=$(date +%s%N)
"$bin" import "$work/export.json" --now 2026-06-01 >/dev/null
t1=$(date +%s%N)
echo "import again (nothing new): $(ms "$t0" "$t1") ms"
size=$(stat -c %s "$FOLLOWUP_DB")
wal=$(stat -c %s "$FOLLOWUP_DB-wal" 2>/dev/null || echo 0)
echo "database: $(( size / 1024 )) KiB (+ $(( wal / 1024 )) KiB WAL)"
echo "agenda items: $("$bin" next --now 2026-06-01 --json | grep -c '"handle"')"

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs 20 \
    "$bin next --now 2026-06-01" \
    "$bin list --now 2026-06-01" \
    "$bin next --now 2026-06-01 --json"
else
  for cmd in "next --now 2026-06-01" "list --now 2026-06-01"; do
    runs=20
    t0=$(date +%s%N)
    for _ in $(seq $runs); do $bin $cmd >/dev/null; done
    t1=$(date +%s%N)
    echo "$cmd: mean $(( (t1 - t0) / runs / 1000000 )) ms over $runs runs"
  done
fi
