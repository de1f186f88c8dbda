#!/usr/bin/env bash
# The web app at scale: the agenda `/` and the list `/processes` over 1,000 processes × 10
# events (override: bench/web.sh N M). Budgets: at one connection, p99 of `/` under 30 ms; 50
# concurrent clients for 10 s with no error. Needs wrk (apt-get install wrk) and curl. Never
# run by CI. PROFILE=debug measures a debug build (no release build; figures are relative).
set -euo pipefail
cd "$(dirname "$0")/.."
processes=${1:-1000}
events=${2:-10}
command -v wrk >/dev/null || { echo "bench/web.sh needs wrk: apt-get install wrk" >&2; exit 2; }
profile=${PROFILE:-release}
if [ "$profile" = release ]; then flag=--release; else flag=; fi
cargo build $flag -q -p followup
cargo build $flag -q -p followup-store --example generate
bin=target/$profile/followup
work=$(mktemp -d)
export FOLLOWUP_CONFIG="$work/config.toml"
touch "$FOLLOWUP_CONFIG"
export FOLLOWUP_DB="$work/followup.db"

target/$profile/examples/generate "$processes" "$events" > "$work/export.json"
"$bin" import "$work/export.json" --now 2026-06-01 >/dev/null
echo "tracked: $processes processes × $events events"

"$bin" serve --listen 127.0.0.1:0 --now 2026-06-01 >"$work/url" 2>"$work/log" &
server=$!
trap 'kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 200); do [ -s "$work/url" ] && break; sleep 0.05; done
url=$(head -n1 "$work/url")
origin=${url%%/\?token=*}
cookie=$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
bytes=$(curl -sf -H "Cookie: $cookie" "$origin/" | wc -c)
echo "agenda page: $(( bytes / 1024 )) KiB"
bytes=$(curl -sf -H "Cookie: $cookie" "$origin/processes" | wc -c)
echo "processes page: $(( bytes / 1024 )) KiB ($profile build)"

# wrk reports errors and non-2xx answers in its summary; either one fails the run.
check() {
  grep -E 'Latency|50%|99%|Requests/sec' "$1"
  if grep -qE 'Socket errors|Non-2xx' "$1"; then
    echo "errors:" >&2
    grep -E 'Socket errors|Non-2xx' "$1" >&2
    exit 1
  fi
}
echo "== /, one connection, 10 s"
wrk -t1 -c1 -d10s --latency -H "Cookie: $cookie" "$origin/" > "$work/one"
check "$work/one"
echo "== /processes, one connection, 10 s"
wrk -t1 -c1 -d10s --latency -H "Cookie: $cookie" "$origin/processes" > "$work/list"
check "$work/list"
echo "== /, 50 connections, 10 s"
wrk -t2 -c50 -d10s --latency -H "Cookie: $cookie" "$origin/" > "$work/many"
check "$work/many"
