#!/usr/bin/env bash
# Wall time of `followup mail import` on a 1,000-message mbox (bench/data/mail-1000.mbox,
# generated from the committed corpus by bench/data/mail-mbox.py), against a tracker holding
# the corpus's 17 processes: the dry run, the real import (one transaction), and the same
# mbox again (every message a duplicate). A debug build unless PROFILE=release.
#   bench/mail.sh [RUNS]
# Measured 2026-12-02 (debug build, 2 shared cores, 972 of the 1,000 messages readable, 762
# events logged): dry run 5.1–5.9 s wall / 1.27–1.44 s CPU; import 5.4–5.9 s wall / 1.29–1.36 s
# CPU; the same mbox again 0.76–1.07 s wall / 0.20–0.28 s CPU.
# With the advice across processes for sent kinds (lane-replay17, incremental copies of the
# processes): dry run 1.9–2.4 s wall / 1.42–1.47 s CPU; import 2.1–2.6 s wall / 1.45–1.55 s CPU;
# again 0.28–0.45 s wall / 0.24–0.29 s CPU (same 972 messages, 762 events).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
profile=${PROFILE:-debug}
if [ "$profile" = release ]; then
  cargo build --release -q -p followup
else
  cargo build -q -p followup
fi
bin="$PWD/target/$profile/followup"
corpus=crates/followup-mail/tests/corpus
mbox=bench/data/mail-1000.mbox
python3 bench/data/mail-mbox.py "$corpus" "$mbox" 1000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/xdg/followup"
echo 'addresses = ["maria.silva@example.org", "maria.silva.dev@gmail.com"]' >"$work/xdg/followup/config.toml"
export XDG_CONFIG_HOME="$work/xdg" HOME="$work" TZ=UTC NO_COLOR=1
now=2026-06-01T09:00Z

# Wall and CPU (user + system) milliseconds of one command: the machine is shared, so CPU
# time is the steadier figure.
timed() {
  local out=$1; shift
  local a b
  a=$(date +%s%N)
  TIMEFORMAT='%3U %3S'
  { time "$@" >"$out" 2>/dev/null; } 2>"$work/cpu"
  b=$(date +%s%N)
  read -r user sys <"$work/cpu"
  echo "$(( (b - a) / 1000000 )) ms wall, $(echo "($user + $sys) * 1000 / 1" | bc) ms CPU"
}
fresh() {
  rm -f "$work/db"*
  FOLLOWUP_DB="$work/db" "$bin" import crates/followup/tests/integration/mail/tracker.json --now 2026-05-01T09:00Z >/dev/null
}
echo "followup mail import, $(grep -c '^From ' "$mbox") messages, $profile build, $runs runs each"
for run in $(seq "$runs"); do
  fresh
  export FOLLOWUP_DB="$work/db"
  dry=$(timed "$work/dry.jsonl" "$bin" mail import --dry-run --json "$mbox" --now $now)
  real=$(timed "$work/real.txt" "$bin" mail import "$mbox" --now $now)
  again=$(timed "$work/again.txt" "$bin" mail import "$mbox" --now $now)
  echo "run $run: dry run $dry; import $real; again (all duplicates) $again"
done
echo "lines: $(wc -l <"$work/dry.jsonl"); $(tail -1 "$work/real.txt"); again: $(tail -1 "$work/again.txt")"
