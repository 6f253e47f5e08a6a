#!/usr/bin/env bash
# `make test-asan`: the unit, db and api suites built with AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer)
# in build-asan (Debug, KREDO_SANITIZE). The db suite runs on SQLite and on a throw-away PostgreSQL (started here unless
# KREDO_TEST_PG is set; KREDO_PG_PORT picks its port). Every sanitizer report — from the suites or from any `kredo`
# process they start — goes to a file (log_path) and fails the run, as does any failing test.
# Ends with "N passed, N failed"; exit status 0 only when nothing failed and no sanitizer said anything.
#   scripts/test-asan.sh [SUITE...]   (unit_tests db_tests api_tests by default)
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="${KREDO_ASAN_BUILD_DIR:-build-asan}"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(unit_tests db_tests api_tests)

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKREDO_SANITIZE=ON "${launcher[@]}" >/dev/null ||
  { echo "test-asan: cmake failed"; exit 1; }
ninja -C "$build" -j"${KREDO_JOBS:-2}" kredo "${suites[@]}" || { echo "test-asan: build failed"; exit 1; }

log="$(mktemp -d /tmp/kredo-asan-logs.XXXXXX)"
pgdir=""
cleanup() { [ -z "$pgdir" ] || bash "$repo/scripts/pg-test-cluster.sh" stop "$pgdir"; }
trap cleanup EXIT
if [ -z "${KREDO_TEST_PG:-}" ]; then
  pgdir="$(mktemp -d /tmp/kredo-asan-pg.XXXXXX)"
  KREDO_TEST_PG="$(bash scripts/pg-test-cluster.sh start "$pgdir")" || { echo "test-asan: PostgreSQL did not start"; exit 1; }
fi
export KREDO_TEST_PG KREDO_REQUIRE_PG=1
export KREDO_SHARED_DIR="${KREDO_SHARED_DIR:-$repo/../shared}"
export TMPDIR="$(mktemp -d /dev/shm/kredo-asan.XXXXXX 2>/dev/null || mktemp -d /tmp/kredo-asan.XXXXXX)"

# Reports go to $log/sanitizer.<pid> (children included). UBSan would only print and go on: the files catch it.
san="log_path=$log/sanitizer:print_stacktrace=1"
export ASAN_OPTIONS="$san:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="$san${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# Font caches of fontconfig/pango are kept until exit by design: tests/lsan.supp says why, and names no KREDO code.
export LSAN_OPTIONS="suppressions=$repo/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

passed=0
failed=0
failed_suites=()
declare -A pid
for suite in "${suites[@]}"; do
  "$build/$suite" --gtest_brief=1 >"$log/$suite.log" 2>&1 &
  pid[$suite]=$!
done
for suite in "${suites[@]}"; do
  wait "${pid[$suite]}"; rc=$?
  p=$(grep -oE '^\[  PASSED  \] [0-9]+' "$log/$suite.log" | grep -oE '[0-9]+$' | tail -1)
  f=$(grep -oE '^\[  FAILED  \] [0-9]+ test' "$log/$suite.log" | grep -oE '[0-9]+' | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -20 "$log/$suite.log"; fi
  echo "== $suite: $p passed, $f failed (exit $rc)"
  [ "$f" -eq 0 ] || { grep -E "^\[  FAILED  \]|Failure" "$log/$suite.log" | head -40; failed_suites+=("$suite"); }
  passed=$((passed + p)); failed=$((failed + f))
done
rm -rf "$TMPDIR"

reports=$(ls "$log"/sanitizer.* 2>/dev/null | wc -l)
echo "== sanitizer reports: $reports"
if [ "$reports" -gt 0 ]; then
  for r in "$log"/sanitizer.*; do echo "--- $r"; head -60 "$r"; done
  failed=$((failed + reports)); failed_suites+=("sanitizer reports")
fi
if [ "$failed" -ne 0 ]; then echo "failed: ${failed_suites[*]} (logs in $log)"; else rm -rf "$log"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
