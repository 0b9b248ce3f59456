#!/usr/bin/env bash
# The phrasebook on sentences written by someone else, scored by the shared
# scorer: ../shared/data/rewrite/dev.jsonl split by a stable hash of each id
# (sha1 % 3 == 0 is held out, never tuned on), or any set of the same shape.
#
#   bash benches/rewrite_dev.sh [SET.jsonl]        (default: the shared dev set)
#
# For each part prints: sentences with a finding, controls flagged, the
# scorer's table (auto rewrites), and facts kept when the top suggestion of
# every finding left for a person is applied too. Skips with a message when
# the shared data or scorer is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
set_file=${1:-$shared/data/rewrite/dev.jsonl}
scorer=$shared/tools/rewrite/score_rewrites.py
for f in "$set_file" "$scorer"; do
  if [ ! -f "$f" ]; then
    echo "rewrite_dev.sh: skipped: $f is absent (the shared rewrite data is not here)"
    exit 0
  fi
done
cargo build --release --quiet
bin=target/release/replywise
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

parts=(dev hold)
[ $# -ge 1 ] && parts=(all)
for part in "${parts[@]}"; do
  python3 - "$set_file" "$part" "$tmp/set.jsonl" "$tmp/feed.jsonl" <<'PY'
import hashlib, json, sys
src, part, out_set, out_feed = sys.argv[1:]
with open(out_set, "w") as s, open(out_feed, "w") as f:
    for line in open(src, encoding="utf-8"):
        if not line.strip():
            continue
        row = json.loads(line)
        held = int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 3 == 0
        if part == "all" or (part == "hold") == held:
            s.write(json.dumps(row) + "\n")
            f.write(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")
PY
  "$bin" rewrite --jsonl < "$tmp/feed.jsonl" > "$tmp/out.jsonl" 2>/dev/null
  # The rewritten texts, then their remaining findings for the suggestion pass.
  python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
rows = {json.loads(l)["id"]: json.loads(l) for l in open(f"{tmp}/set.jsonl")}
got = {json.loads(l)["id"]: json.loads(l) for l in open(f"{tmp}/out.jsonl") if l.strip()}
plain = [r for r in rows.values() if not r["control"]]
found = sum(1 for r in plain if got.get(r["id"], {}).get("findings"))
flagged = sum(1 for r in rows.values() if r["control"] and got.get(r["id"], {}).get("findings"))
print(f"sentences with a finding {found}/{len(plain)} ({100 * found / max(len(plain), 1):.1f}%), controls flagged {flagged}")
with open(f"{tmp}/rw.jsonl", "w") as o, open(f"{tmp}/again.jsonl", "w") as a:
    for r in rows.values():
        text = got.get(r["id"], {}).get("rewritten")
        text = text if isinstance(text, str) else r["text"]
        o.write(json.dumps({"id": r["id"], "rewritten": text}) + "\n")
        a.write(json.dumps({"id": r["id"], "text": text}) + "\n")
PY
  echo "== $part: $(wc -l < "$tmp/set.jsonl") sentences"
  python3 "$scorer" "$tmp/set.jsonl" "$tmp/rw.jsonl" | sed -n 2,9p | grep -v '^$'
  "$bin" rewrite --jsonl < "$tmp/again.jsonl" > "$tmp/again_out.jsonl" 2>/dev/null
  python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
with open(f"{tmp}/applied.jsonl", "w") as o:
    for line in open(f"{tmp}/again_out.jsonl"):
        row = json.loads(line)
        text = row["text"].encode()
        for f in sorted(row["findings"], key=lambda f: -f["start"]):
            if f["fix"] == "suggest" and f["suggestions"]:
                text = text[: f["start"]] + f["suggestions"][0].encode() + text[f["end"]:]
        o.write(json.dumps({"id": row["id"], "rewritten": text.decode()}) + "\n")
PY
  printf 'with the top suggestion applied: '
  python3 "$scorer" "$tmp/set.jsonl" "$tmp/applied.jsonl" | grep "facts kept"
done
