#!/usr/bin/env bash
# Drafting must run within 2x the time of triage on the same input.
#
#   bash benches/draft_vs_triage.sh [MEGABYTES]
#
# Times `triage` (without and with the same profile) and `draft --all`
# (every review drafted, the worst case) on the same JSON Lines file, on
# one core, best of three each, and prints the ratios. The file is the real
# reviews `benches/triage_real.sh MEGABYTES` builds when that has been run,
# else generated text.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-20}
data=bench-data/reviews-${mb}mb.jsonl
mkdir -p bench-data
real=bench-data/real-${mb}mb.jsonl
if [ -f "$real" ]; then data=$real; fi
[ -f "$data" ] || python3 benches/gen_reviews.py "$data" "$mb"
cargo build --release --quiet
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

best() {
  local best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o bench-data/time.txt "${pin[@]}" target/release/replywise "$@" "$data" > /dev/null
    local secs
    secs=$(cat bench-data/time.txt)
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
  done
  echo "$best"
}

echo "input: $data"
triage=$(best triage --format jsonl)
profiled=$(best triage --format jsonl --profile examples/replywise.toml)
draft=$(best draft --all --format jsonl --profile examples/replywise.toml)
awk -v t="$triage" -v p="$profiled" -v d="$draft" -v mb="$mb" 'BEGIN {
  printf "triage: %.2fs (%.1f MB/s)  triage --profile: %.2fs  draft --all: %.2fs (%.1f MB/s)\n", t, mb/t, p, d, mb/d
  printf "ratio %.2fx of triage with the same profile, %.2fx of triage without one (target <= 2x)\n", d/p, d/t }'
