#!/usr/bin/env bash
# `make fuzz SECONDS=N`: builds every libFuzzer target (fuzz/*_fuzz.cpp) with clang-14 in build-fuzz (ASan + UBSan,
# option KREDO_FUZZ) and runs each for N seconds from its seed corpus (fuzz/corpus/<name>, read only); new interesting
# inputs go to build-fuzz/corpus-<name>, crash/timeout/OOM inputs to build-fuzz/artifacts/<name>/.
# Prints per target: executions, exec/s, new units, peak RSS, result. Exits non-zero if any target found a problem.
#   scripts/fuzz.sh SECONDS [TARGET...]     (targets by corpus name, e.g. csv ruian_csv; default all)
# Environment: FUZZ_JOBS (build parallelism, default 2), FUZZ_TIMEOUT (seconds per input, default 10),
# FUZZ_RSS_MB (default 2048).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
jobs="${FUZZ_JOBS:-2}"
timeout="${FUZZ_TIMEOUT:-10}"
rss="${FUZZ_RSS_MB:-2048}"

if [ $# -gt 0 ]; then names=("$@"); else names=($(cd fuzz && ls *_fuzz.cpp | sed 's/_fuzz\.cpp$//')); fi
targets=()
for n in "${names[@]}"; do
  [ -f "fuzz/${n}_fuzz.cpp" ] || { echo "fuzz: no target fuzz/${n}_fuzz.cpp" >&2; exit 2; }
  targets+=("${n}_fuzz")
done

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKREDO_FUZZ=ON \
  -DKREDO_WERROR=OFF "${launcher[@]}" >/dev/null || { echo "fuzz: cmake failed" >&2; exit 1; }
ninja -C build-fuzz -j"$jobs" "${targets[@]}" || { echo "fuzz: build failed" >&2; exit 1; }

# The importer targets keep a SQLite database and write each input to a file: keep them in memory.
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm

mkdir -p build-fuzz/logs
rows=()
failed=0
for t in "${targets[@]}"; do
  c="${t%_fuzz}"
  mkdir -p "build-fuzz/corpus-$c" "build-fuzz/artifacts/$c"
  log="build-fuzz/logs/$c.log"
  echo "== $t (${seconds} s)"
  ./build-fuzz/"$t" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$c/" "build-fuzz/corpus-$c" "fuzz/corpus/$c" >"$log" 2>&1
  rc=$?
  stat() { awk -v k="stat::$1:" '$1 == k {v = $2} END {print v == "" ? "?" : v}' "$log"; }
  execs=$(stat number_of_executed_units)
  eps=$(stat average_exec_per_sec)
  units=$(stat new_units_added)
  peak=$(stat peak_rss_mb)
  result=ok
  if [ "$rc" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|^SUMMARY: |runtime error:' "$log"; then
    result="FAILED (exit $rc)"
    failed=1
    grep -E '==ERROR|SUMMARY|runtime error|Test unit written|ALARM|out-of-memory' "$log" | head -n 20
  fi
  echo "   executions $execs, $eps exec/s, $units new units, peak RSS ${peak} MB: $result"
  rows+=("$(printf '%-26s %12s %8s %6s %8s  %s' "$t" "$execs" "$eps" "$units" "$peak" "$result")")
done

echo
printf '%-26s %12s %8s %6s %8s  %s\n' target executions exec/s new rss_mb result
printf '%s\n' "${rows[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED — reproducers in build-fuzz/artifacts/, logs in build-fuzz/logs/" >&2
  exit 1
fi
