#!/usr/bin/env bash
# Drafting must run within 2x the time of triage on the same input.
#
#   bash benches/draft_vs_triage.sh [MEGABYTES]
#
# Times `triage` and `draft --all` (every review drafted, the worst case)
# on the same generated JSON Lines file, on one core, best of three each,
# and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-20}
data=bench-data/reviews-${mb}mb.jsonl
mkdir -p bench-data
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

triage=$(best triage --format jsonl)
draft=$(best draft --all --format jsonl --profile examples/replywise.toml)
awk -v t="$triage" -v d="$draft" -v mb="$mb" 'BEGIN {
  printf "triage: %.2fs (%.1f MB/s)  draft --all: %.2fs (%.1f MB/s)  ratio %.2fx (target <= 2x)\n",
    t, mb/t, d, mb/d, d/t }'
