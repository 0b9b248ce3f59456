#!/usr/bin/env bash
# Read + triage throughput and peak memory on a generated JSON Lines file.
#
#   bash benches/throughput.sh [MEGABYTES] [COMMAND...]
#
# Defaults: 100 MB, `triage --format jsonl`. Runs the release binary on one
# core (taskset when available), three times, and reports the best MB/s,
# reviews/s and the peak resident memory (GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-100}
shift || true
cmd=("$@")
[ ${#cmd[@]} -gt 0 ] || cmd=(triage --format jsonl)

data=bench-data/reviews-${mb}mb.jsonl
mkdir -p bench-data
[ -f "$data" ] || python3 benches/gen_reviews.py "$data" "$mb"
cargo build --release --quiet
bin=target/release/replywise

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
bytes=$(stat -c %s "$data")
reviews=$(wc -l < "$data")

best=""
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o bench-data/time.txt "${pin[@]}" "$bin" "${cmd[@]}" "$data" > /dev/null
  read -r secs kb < bench-data/time.txt
  echo "run $run: ${secs}s, peak ${kb} KB"
  if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; peak=$kb; fi
done
awk -v b="$bytes" -v n="$reviews" -v s="$best" -v k="$peak" 'BEGIN {
  printf "%s: %.1f MB in %.2fs = %.1f MB/s, %.0f reviews/s, peak memory %.1f MB\n",
    "replywise", b/1048576, s, b/1048576/s, n/s, k/1024 }'
