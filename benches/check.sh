#!/usr/bin/env bash
# The release checklist: runs the benchmarks whose targets are written in
# the issues and README, and exits non-zero when any target is missed, so
# one command says whether a build is ready.
#
#   bash benches/check.sh [OLD_BINARY]
#
# Targets: draft --all <= 2x triage with the same profile (on real reviews
# when ../shared is there); rewrite --jsonl >= 20 MB/s on every core and
# >= 10 MB/s on one thread (on the drafts rewrite_speed.sh generates); with OLD_BINARY,
# rewrites byte-identical to that build's (rewrite_identical.sh). Inputs are
# built by the scripts themselves (real reviews from ../shared when there).
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
miss() { echo "MISSED: $*"; failed=1; }

# The ratio is a target on real review text: build it from ../shared when
# it is there (triage_real.sh writes bench-data/real-20mb.jsonl).
if [ ! -f bench-data/real-20mb.jsonl ] && [ -d ../shared/data/reviews ]; then
  bash benches/triage_real.sh 20 > /dev/null 2>&1 || true
fi
out=$(bash benches/draft_vs_triage.sh 20 2>&1) || miss "draft_vs_triage.sh failed: $out"
echo "$out"
ratio=$(echo "$out" | sed -n 's/^ratio \([0-9.]*\)x of triage with the same profile.*/\1/p')
if [ -z "$ratio" ]; then
  miss "draft/triage ratio not printed"
elif awk -v r="$ratio" 'BEGIN{exit !(r > 2.0)}'; then
  miss "draft --all is ${ratio}x triage (target <= 2x)"
fi

out=$(bash benches/rewrite_speed.sh 20 2>&1) || miss "rewrite_speed.sh failed"
echo "$out"
one=$(echo "$out" | sed -n 's/^one thread .* \([0-9.]*\) MB\/s .*/\1/p')
every=$(echo "$out" | sed -n 's/^every core ([0-9]*) .* \([0-9.]*\) MB\/s .*/\1/p')
[ -n "$one" ] && awk -v v="$one" 'BEGIN{exit !(v < 10)}' && miss "rewrite one thread ${one} MB/s (target >= 10)"
[ -n "$every" ] && awk -v v="$every" 'BEGIN{exit !(v < 20)}' && miss "rewrite every core ${every} MB/s (target >= 20)"
[ -z "$one" ] || [ -z "$every" ] && miss "rewrite speeds not printed"

if [ $# -ge 1 ]; then
  bash benches/rewrite_identical.sh "$1" || miss "rewrites differ from $1"
fi

if [ "$failed" = 0 ]; then echo "check.sh: every target met"; else echo "check.sh: targets missed"; fi
exit "$failed"
