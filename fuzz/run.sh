#!/usr/bin/env bash
# Runs the fuzz targets, seeded from the project's fixtures and phrasebook.
#
#   bash fuzz/run.sh [RUNS] [TARGET...]    (default: 10000000 runs of every target)
#   FUZZ_SECONDS=600 bash fuzz/run.sh ...   (stop each target after that long)
#   FUZZ_ASAN=1 bash fuzz/run.sh ...        (AddressSanitizer, nightly, ~10x slower)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Builds with `-s none`
# (coverage-guided, no sanitizer: the crate has no unsafe code of its own),
# which works on the stable toolchain. A crash, hang (10 s) or memory blow-up
# (2 GB) stops the run; minimise it with `cargo fuzz tmin TARGET FILE`, fix
# it, keep the input in regressions/TARGET/ (later runs start from it), and
# add it to the test of the code it broke.
# CI does not run this.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-10000000}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(input rewrite profile blocks phrasebook lexicon)
if [ "${FUZZ_ASAN:-0}" = 1 ]; then
  fuzz=(cargo +nightly fuzz)
  build=(-O)
else
  fuzz=(cargo fuzz)
  build=(-O -s none)
fi
limit=()
[ -n "${FUZZ_SECONDS:-}" ] && limit=(-max_total_time="$FUZZ_SECONDS")

seed() {
  local target=$1 dir=corpus/$1
  mkdir -p "$dir" "regressions/$target"
  [ -n "$(ls -A "$dir")" ] && return
  case $target in
    input)
      local i=0
      for f in ../tests/fixtures/*.* ../examples/*.csv; do
        [ -f "$f" ] || continue
        for b in 0 1 2 3 4 5 132; do
          { printf "\\$(printf %o "$b")"; cat "$f"; } > "$dir/seed-$i-$b"
        done
        i=$((i + 1))
      done ;;
    rewrite) grep -h -o '"[^"]*n.t[^"]*"' ../phrasebook/rules/*.toml | tr -d '"' | split -l 1 - "$dir/seed-" ;;
    profile) cp ../examples/replywise.toml "$dir/" ;;
    blocks) cp ../phrasebook/replies/*.toml "$dir/" ;;
    phrasebook) cp ../phrasebook/rules/*.toml "$dir/" ;;
    lexicon)
      local i=0
      for f in ../phrasebook/lexicon/*.toml; do
        { printf "\\$(printf %o "$i")"; cat "$f"; } > "$dir/seed-$i"
        i=$((i + 1))
      done ;;
  esac
}

"${fuzz[@]}" build "${build[@]}"
for target in "${targets[@]}"; do
  seed "$target"
  echo "== $target: $runs runs"
  mkdir -p logs
  "${fuzz[@]}" run "${build[@]}" "$target" "corpus/$target" "regressions/$target" -- \
    -runs="$runs" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    > "logs/$target.log" 2>&1 || echo "$target: stopped with a finding, see fuzz/logs/$target.log and fuzz/artifacts/$target/"
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^SUMMARY|ERROR|Test unit written" "logs/$target.log" || true
done
