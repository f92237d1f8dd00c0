#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD/tests/fuzz for SECONDS each, from its seed corpus.
set -euo pipefail
build=$1; seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
found=0
for f in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  found=1
  name=$(basename "$f")
  corpus="$root/tests/fuzz/corpus/$name"
  work="$build/corpus/$name"; mkdir -p "$work"
  echo "fuzz: $name for ${seconds}s"
  "$f" -max_total_time="$seconds" -print_final_stats=0 -timeout=10 -rss_limit_mb=2048 "$work" \
       $( [ -d "$corpus" ] && echo "$corpus" ) >"$build/$name.log" 2>&1 || { tail -40 "$build/$name.log"; exit 1; }
  grep -E '^Done|#[0-9]+.*DONE' "$build/$name.log" | tail -1 || true
done
[ "$found" = 1 ] || { echo "fuzz: no fuzz targets built in $build" >&2; exit 1; }
