#!/usr/bin/env bash
# Speed of the rewrite engine as users meet it:
#   - `rewrite --jsonl` on generated support-reply drafts, on one thread
#     (pinned to one core when taskset exists) and on every core: best of
#     three runs each, in MB/s, with peak memory;
#   - `replywise rewrite "..."` as a whole process, on a sentence that fires
#     rules and on clean text: hyperfine when installed, else a shell loop.
#
#   bash benches/rewrite_speed.sh [MEGABYTES]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-20}
data=bench-data/drafts-${mb}mb.jsonl
mkdir -p bench-data
[ -f "$data" ] || python3 benches/gen_drafts.py bench "$data" "$mb"
cargo build --release --quiet
bin=target/release/replywise
bytes=$(stat -c %s "$data")

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

best_of_three() {
  local best=""
  for run in 1 2 3; do
    /usr/bin/time -f "%e %M" -o bench-data/time.txt "$@" > /dev/null
    read -r secs kb < bench-data/time.txt
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best%% *})}"; then
      best="$secs $kb"
    fi
  done
  echo "$best"
}

report() {
  local label=$1 secs=$2 kb=$3
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN{
    printf "%-28s %6.2f s  %5.1f MB/s  peak %d MB\n", l, s, b/1e6/s, k/1024 }'
}

echo "rewrite --jsonl, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $(wc -l < "$data") drafts"
read -r secs kb <<< "$(best_of_three "${pin[@]}" "$bin" rewrite --jsonl -j 1 --file "$data")"
report "one thread" "$secs" "$kb"
read -r secs kb <<< "$(best_of_three "$bin" rewrite --jsonl --file "$data")"
report "every core ($(nproc))" "$secs" "$kb"

fires="We can't refund you until we receive the item."
clean="Thanks so much for your lovely review."
echo "replywise rewrite \"...\", whole process"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 100 --style basic \
    "$bin rewrite \"$fires\"" "$bin rewrite \"$clean\"" 2>&1 |
    grep -E "Benchmark|Time|Range"
else
  for text in "$fires" "$clean"; do
    start=$(date +%s%N)
    for _ in $(seq 100); do "$bin" rewrite "$text" > /dev/null; done
    end=$(date +%s%N)
    echo "$(( (end - start) / 100000 )) µs mean: $text"
  done
fi
