#!/usr/bin/env bash
# Triage speed on real review text, side by side with the AFINN scorer.
#
#   bash benches/triage_real.sh [MEGABYTES]      (default 25)
#
# Builds its input from the four real-review files of ../shared/data/reviews
# (yelp_open, amazon_alexa, uci_yelp, uci_amazon_cells) repeated to the
# given size; skips with a message when they are absent. Times
# `triage --format jsonl` on one core (taskset when there), best of five,
# with peak memory, and start-up on a one-review input; when node and npm
# are there, installs npm `sentiment` into bench-data/ and times it as a
# whole process on the same file in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-25}
shared=../shared/data/reviews
files=(yelp_open amazon_alexa uci_yelp uci_amazon_cells)
for f in "${files[@]}"; do
  if [ ! -f "$shared/$f.jsonl" ]; then
    echo "triage_real.sh: skipped: $shared/$f.jsonl is absent (the shared review data is not here)"
    exit 0
  fi
done
mkdir -p bench-data
data=bench-data/real-${mb}mb.jsonl
if [ ! -f "$data" ]; then
  paths=()
  for f in "${files[@]}"; do paths+=("$shared/$f.jsonl"); done
  python3 - "$data" "$mb" "${paths[@]}" <<'PY'
import sys
out, mb, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
lines = [l for p in paths for l in open(p, encoding="utf-8") if l.strip()]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as o:
    while size < mb * 1_000_000:
        l = lines[i % len(lines)]
        o.write(l)
        size += len(l.encode())
        i += 1
PY
fi
cargo build --release --quiet
bin=target/release/replywise
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
bytes=$(stat -c %s "$data")

# Best of five: prints "seconds peak_kb".
best() {
  local best="" mem=""
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o bench-data/time.txt "${pin[@]}" "$@" > /dev/null
    read -r secs kb < bench-data/time.txt
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; mem=$kb; fi
  done
  echo "$best $mem"
}
mbps() { awk "BEGIN{printf \"%.1f\", $bytes / 1e6 / $1}"; }

read -r secs kb <<<"$(best "$bin" triage --format jsonl "$data")"
echo "replywise triage: $(mbps "$secs") MB/s on one core ($secs s for $((bytes / 1000000)) MB), peak $((kb / 1024)) MB"
head -1 "$data" > bench-data/one-review.jsonl
start=$(python3 - "$bin" <<'PY'
import subprocess, sys, time
times = []
for _ in range(40):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "triage", "--format", "jsonl", "bench-data/one-review.jsonl"],
                   stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
times.sort()
print(f"{times[len(times) // 2] * 1000:.1f}")
PY
)
echo "replywise start-up: ${start} ms (median of 40 runs on one review)"

if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d bench-data/afinn/node_modules/sentiment ]; then
    mkdir -p bench-data/afinn
    (cd bench-data/afinn && npm install --silent --no-audit --no-fund sentiment@5 >/dev/null)
  fi
  cp benches/afinn/score.js bench-data/afinn/score.js
  read -r asecs akb <<<"$(best node bench-data/afinn/score.js "$data")"
  echo "AFINN (npm sentiment): $(mbps "$asecs") MB/s on one core, peak $((akb / 1024)) MB"
  awk "BEGIN{printf \"replywise is %.2fx AFINN's speed\n\", $asecs / $secs}"
else
  echo "AFINN comparison skipped: node and npm are not installed"
fi
