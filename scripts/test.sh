#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts a throw-away PostgreSQL, runs every suite
# (C++ unit, db on SQLite and PostgreSQL, api, fuzz corpus replay, web type-check and unit tests,
# browser e2e) and ends with one line "N passed, N failed". Exit status 0 only when nothing failed.
# Work that waits on different things runs side by side: the web app builds and PostgreSQL starts
# while C++ compiles; the C++ suites, the corpus replay and Vitest run together; e2e runs in shards.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# Its own build tree, optimised with -O1 (KREDO_QUICK_BUILD): the 2-core CI builds everything from scratch.
build="${KREDO_BUILD_DIR:-build-test}"
export KREDO_BUILD_DIR="$build"
start=$SECONDS
phase() { echo "== $1 (at $((SECONDS - start)) s)"; }

bash scripts/install-deps.sh || { echo "test: installing dependencies failed"; exit 1; }
log="$(mktemp -d /tmp/kredo-test-logs.XXXXXX)"
pgdir="$(mktemp -d /tmp/kredo-pg.XXXXXX)"
cleanup() { bash "$repo/scripts/pg-test-cluster.sh" stop "$pgdir"; }
trap cleanup EXIT

phase "build (C++, web app, PostgreSQL start)"
bash scripts/pg-test-cluster.sh start "$pgdir" >"$log/pg.url" 2>"$log/pg.err" &
pg_pid=$!
(cd web && npx vite build --logLevel warn) >"$log/web-build.log" 2>&1 &
web_pid=$!
(cd web && npm run --silent typecheck) >"$log/typecheck.log" 2>&1 &
typecheck_pid=$!
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKREDO_QUICK_BUILD=ON >/dev/null ||
  { echo "test: cmake failed"; exit 1; }
# What the suites run (the benchmark programs are built by `make bench`).
replays=$(cd fuzz && ls *_fuzz.cpp | sed 's/^/replay_/; s/\.cpp$//')
# shellcheck disable=SC2086
ninja -C "$build" kredo unit_tests db_tests api_tests $replays || { echo "test: build failed"; exit 1; }
wait "$web_pid" || { cat "$log/web-build.log"; echo "test: web build failed"; exit 1; }
wait "$pg_pid" || { cat "$log/pg.err"; echo "test: PostgreSQL did not start"; exit 1; }
KREDO_TEST_PG="$(cat "$log/pg.url")"
export KREDO_TEST_PG KREDO_REQUIRE_PG=1
export KREDO_SHARED_DIR="${KREDO_SHARED_DIR:-$repo/../shared}"

passed=0
failed=0
failed_suites=()

# gtest: "[  PASSED  ] N tests." and "[  FAILED  ] N tests, listed below:"
collect_gtest() {
  local name="$1" rc="$2"
  echo "== $name"
  grep -E "^\[  (FAILED|PASSED) |Failure|error" "$log/$name.log" | grep -v "^\[  FAILED  \] .*\.[A-Za-z].*(" | head -40
  local p f
  p=$(grep -oE '^\[  PASSED  \] [0-9]+' "$log/$name.log" | grep -oE '[0-9]+$' | tail -1)
  f=$(grep -oE '^\[  FAILED  \] [0-9]+ test' "$log/$name.log" | grep -oE '[0-9]+' | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -20 "$log/$name.log"; fi
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -eq 0 ] || failed_suites+=("$name")
}

phase "C++ suites, fuzz corpus replay and Vitest, side by side"
# The C++ suites wait on fsync, argon2 and PostgreSQL more than on the CPU; the db suite runs in two
# shards, each with its own PostgreSQL database. Temporary SQLite files live in memory.
export TMPDIR="$(mktemp -d /dev/shm/kredo-tests.XXXXXX 2>/dev/null || mktemp -d /tmp/kredo-tests.XXXXXX)"
pg_b="${KREDO_TEST_PG/kredo_test?/kredo_test_b?}"
bash scripts/pg-test-cluster.sh createdb "$pgdir" kredo_test_b >/dev/null || { echo "test: second PostgreSQL database failed"; exit 1; }
# Crash consistency (short: a few SIGKILLs per database) runs beside the C++ suites in its own PostgreSQL database.
bash scripts/pg-test-cluster.sh createdb "$pgdir" kredo_crash >/dev/null || { echo "test: crash-test database failed"; exit 1; }
bash scripts/crash-test.sh --kills "${KREDO_CRASH_KILLS:-4}" --max-run 1.5 --writers 4 \
  --pg-dsn "${KREDO_TEST_PG/kredo_test?/kredo_crash?}" >"$log/crash.log" 2>&1 &
crash_pid=$!
# A short soak on the small demo dataset (64 connections): zero 5xx and connection errors. Its memory bound is
# loose (50 %): a short warm-up does not fill SQLite's page caches, so only a gross leak shows here; `make soak`
# holds the 10 % bound over 10 minutes.
SOAK_SECONDS="${KREDO_SOAK_SECONDS:-30}" SOAK_SCALE=small SOAK_WARMUP="${KREDO_SOAK_WARMUP:-10}" SOAK_MAX_DRIFT=50 \
  bash scripts/soak.sh >"$log/soak.log" 2>&1 &
soak_pid=$!
declare -A gpid
"$build/unit_tests" --gtest_brief=1 >"$log/unit_tests.log" 2>&1 & gpid[unit_tests]=$!
GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=0 "$build/db_tests" --gtest_brief=1 >"$log/db_tests.log" 2>&1 & gpid[db_tests]=$!
GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=1 KREDO_TEST_PG="$pg_b" "$build/db_tests" --gtest_brief=1 >"$log/db_tests_shard2.log" 2>&1 &
gpid[db_tests_shard2]=$!
"$build/api_tests" --gtest_brief=1 >"$log/api_tests.log" 2>&1 & gpid[api_tests]=$!

# Fuzz corpora (seeds and crash regressions) replayed without libFuzzer; one test per corpus file.
(
  for r in "$build"/replay_*_fuzz; do
    c=$(basename "$r"); c=${c#replay_}; c=${c%_fuzz}
    if out=$("$r" "fuzz/corpus/$c" 2>&1); then
      echo "pass $(echo "$out" | grep -oE '[0-9]+ tests' | grep -oE '[0-9]+' | head -1)"
    else
      echo "fail $c"; echo "$out" | tail -5
    fi
  done
) >"$log/fuzz.log" 2>&1 &
fuzz_pid=$!

# Vitest keeps its own temporary files: the C++ suites' TMPDIR is removed as soon as they end.
( (cd web && env -u TMPDIR NO_COLOR=1 FORCE_COLOR=0 npx vitest run) >"$log/vitest.raw" 2>&1; echo $? >"$log/vitest.rc" ) &
vitest_pid=$!

for suite in unit_tests db_tests db_tests_shard2 api_tests; do
  wait "${gpid[$suite]}"; collect_gtest "$suite" $?
done

# One test per database: "crash test (sqlite|pg): ... 0 failures".
echo "== crash consistency (SIGKILL)"
wait "$crash_pid"; rc=$?
grep -E "^crash test \(.*survived" "$log/crash.log"
p=$(grep -cE "^crash test \(.*survived.* 0 failures$" "$log/crash.log")
f=$((2 - p)); [ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || f=1
passed=$((passed + p)); failed=$((failed + f))
[ "$f" -eq 0 ] || { grep -E "FAIL|Error|error" "$log/crash.log" | head -30; failed_suites+=("crash test"); }

echo "== soak (64 connections, small dataset)"
wait "$soak_pid"; rc=$?
grep -E "^(soak|GET|POST|PATCH|endpoint|  ERROR)" "$log/soak.log" | grep -v "left out"
if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_suites+=("soak"); fi
rm -rf "$TMPDIR"; unset TMPDIR

wait "$fuzz_pid"
echo "== fuzz corpus replay"
p=$(awk '$1 == "pass" {s += $2} END {print s + 0}' "$log/fuzz.log")
f=$(grep -c '^fail ' "$log/fuzz.log")
passed=$((passed + p)); failed=$((failed + f))
[ "$f" -eq 0 ] || { cat "$log/fuzz.log"; failed_suites+=("fuzz replay"); }

echo "== web type-check"
if wait "$typecheck_pid"; then
  passed=$((passed + 1))
else
  cat "$log/typecheck.log"; failed=$((failed + 1)); failed_suites+=("web typecheck")
fi

wait "$vitest_pid"
echo "== web unit tests (vitest)"
sed -E "s/\x1b\[[0-9;]*m//g" "$log/vitest.raw" >"$log/vitest.log"
rc=$(cat "$log/vitest.rc")
line=$(grep -E "^ +Tests " "$log/vitest.log" | tail -1)
echo "$line"
p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'); f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
p=${p:-0}; f=${f:-0}
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -30 "$log/vitest.log"; fi
[ "$f" -eq 0 ] || { grep -E "FAIL|AssertionError|Error" "$log/vitest.log" | head -30; failed_suites+=("vitest"); }
passed=$((passed + p)); failed=$((failed + f))

phase "browser end-to-end tests (Chromium, two shards)"
# Two servers, each with its own database, each with about half of the tests: the files, largest
# first, go to the shard with fewer bytes of tests so far (size is a fair proxy for running time).
shard_a=(); shard_b=(); bytes_a=0; bytes_b=0
while read -r size file; do
  if [ "$bytes_a" -le "$bytes_b" ]; then shard_a+=("$file"); bytes_a=$((bytes_a + size))
  else shard_b+=("$file"); bytes_b=$((bytes_b + size)); fi
done < <(cd web && wc -c e2e/*.test.mjs | grep -v ' total$' | sort -rn)
E2E_ONLY="${shard_a[*]}" KREDO_BINARY="$repo/$build/kredo" bash tests/e2e/run.sh >"$log/e2e.log" 2>&1 &
e2e_a=$!
E2E_ONLY="${shard_b[*]}" KREDO_BINARY="$repo/$build/kredo" bash tests/e2e/run.sh >"$log/e2e_b.log" 2>&1 &
e2e_b=$!
wait "$e2e_a"; rc_a=$?
wait "$e2e_b"; rc_b=$?
echo "== browser end-to-end tests"
for shard in e2e e2e_b; do
  rc=$rc_a; [ "$shard" = e2e ] || rc=$rc_b
  p=$(grep -E '^# pass [0-9]+' "$log/$shard.log" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail [0-9]+' "$log/$shard.log" | awk '{s+=$3} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  # On failure: the failing tests with their errors first (server log lines left out), then the log's tail.
  [ "$f" -eq 0 ] || {
    grep -vE "^# (pass|fail|tests|suites|cancelled|skipped|todo|duration)|\] \[(info|debug)\] " "$log/$shard.log" |
      awk '/^not ok/ {show=1} /^ok / {show=0} show' | head -80
    tail -15 "$log/$shard.log"
    failed_suites+=("$shard")
  }
  echo "$shard: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
done

phase "done"
if [ "$failed" -ne 0 ]; then echo "failed: ${failed_suites[*]} (logs in $log)"; else rm -rf "$log"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
