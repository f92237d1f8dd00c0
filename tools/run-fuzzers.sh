#!/usr/bin/env bash
# Fuzz campaigns: runs each libFuzzer target in BUILD/tests/fuzz for SECONDS, from its committed seeds
# (tests/fuzz/corpus/<target>) and past crashes (tests/fuzz/crashes/<target>), read only. New inputs go
# to BUILD/corpus/<target>, crash files to BUILD/artifacts/<target>/ (never the repository root).
# Usage: tools/run-fuzzers.sh BUILD SECONDS [TARGET...]   (no TARGET: all of them)
# FUZZ_RUNS=N stops a target after N executions if that comes before SECONDS.
# A crash stops the run with the log tail; copy the crash file into tests/fuzz/crashes/<target>/ once
# fixed, so every `make test` replays it.
set -euo pipefail
build=$1; seconds=${2:-60}; shift 2 || true
root=$(cd "$(dirname "$0")/.." && pwd)
targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for f in "$build"/tests/fuzz/fuzz_*; do
    case "$f" in *_replay) continue ;; esac
    [ -x "$f" ] && targets+=("$(basename "$f")")
  done
fi
[ ${#targets[@]} != 0 ] || { echo "fuzz: no fuzz targets built in $build" >&2; exit 1; }
for name in "${targets[@]}"; do
  bin="$build/tests/fuzz/$name"
  [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; exit 1; }
  work="$build/corpus/$name"; art="$build/artifacts/$name/"; log="$build/$name.log"
  mkdir -p "$work" "$art"
  seeds=()
  for d in "$root/tests/fuzz/corpus/$name" "$root/tests/fuzz/crashes/$name"; do [ -d "$d" ] && seeds+=("$d"); done
  echo "fuzz: $name for ${seconds}s"
  "$bin" -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
         -artifact_prefix="$art" "$work" "${seeds[@]}" >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz: $name clean, ${runs:-?} executions"
done
