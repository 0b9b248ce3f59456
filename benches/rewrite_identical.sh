#!/usr/bin/env bash
# Proves an engine change leaves rewrites untouched: runs two builds of
# replywise over the identity corpus of benches/gen_drafts.py (every fixture
# sentence and rule example, in variants, plus generated drafts) and
# compares their `rewrite --jsonl` output (rewritten text and findings) and
# `rewrite --jsonl --check` output byte for byte.
#
#   bash benches/rewrite_identical.sh OLD_BINARY [NEW_BINARY]
#
# NEW_BINARY defaults to target/release/replywise (built first). Keep a
# copy of the release binary from before the change as OLD_BINARY.
set -euo pipefail
cd "$(dirname "$0")/.."

old=$1
new=${2:-target/release/replywise}
[ $# -ge 2 ] || cargo build --release --quiet

mkdir -p bench-data
corpus=bench-data/identity.jsonl
python3 benches/gen_drafts.py identity "$corpus"

status=0
for mode in rewrite check; do
  flags=(rewrite --jsonl --file "$corpus")
  [ "$mode" = check ] && flags+=(--check)
  "$old" "${flags[@]}" > "bench-data/identity-$mode.old" || true
  "$new" "${flags[@]}" > "bench-data/identity-$mode.new" || true
  if cmp -s "bench-data/identity-$mode.old" "bench-data/identity-$mode.new"; then
    echo "$mode: identical ($(wc -l < "bench-data/identity-$mode.new") lines, $(stat -c %s "bench-data/identity-$mode.new") bytes)"
  else
    echo "$mode: DIFFERENT; diff bench-data/identity-$mode.old bench-data/identity-$mode.new"
    status=1
  fi
done
exit $status
