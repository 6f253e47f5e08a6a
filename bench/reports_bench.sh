#!/usr/bin/env bash
# The full indicator set for the whole project period on the national demo dataset, on SQLite and on
# PostgreSQL, against the same aggregations written by hand (bench/reports_indicators.sql) and run in
# the sqlite3 / psql shells in the same run. Prints times and ratios (target: <= 1.5x and < 2 s);
# never fails on a time.
#   bash bench/reports_bench.sh [BUILD_DIR]      (REPORTS_BENCH_PG=0 skips PostgreSQL)
set -euo pipefail
BUILD=${1:-build}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KREDO=$(realpath "$BUILD/kredo")
SQL="$repo/bench/reports_indicators.sql"
RUNS=${RUNS:-5}
tmp=$(mktemp -d /tmp/kredo-reports-bench.XXXXXX)
# As root, PostgreSQL runs as the postgres user: it must be able to enter $tmp to reach its cluster
# directory and to read the SQL file (mktemp makes the directory 0700).
chmod 755 "$tmp"
pgdir=""
cleanup() {
  [ -n "$pgdir" ] && bash "$repo/scripts/pg-test-cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }

# Best of RUNS CPU milliseconds (user + system) of a command: on a shared, loaded machine the wall
# clock mostly measures the other jobs, the CPU time what the command itself costs. (For PostgreSQL
# this is the client's CPU only: the query runs in the server, so compare wall times there.)
best_cpu_ms() {
  local best="" d
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$tmp/cpu.txt" -f '%U %S' "$@" >/dev/null 2>/dev/null || true
    d=$(tail -n 1 "$tmp/cpu.txt" | awk '{printf "%.1f", ($1 + $2) * 1000}')
    if [ -z "$best" ] || awk -v d="$d" -v b="$best" 'BEGIN {exit !(d < b)}'; then best=$d; fi
  done
  echo "$best"
}

# Best of RUNS wall-clock milliseconds of a command.
best_ms() {
  local best="" t0 t1 d
  for _ in $(seq "$RUNS"); do
    t0=$(now_ms)
    "$@" >/dev/null 2>&1
    t1=$(now_ms)
    d=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
    if [ -z "$best" ] || awk -v d="$d" -v b="$best" 'BEGIN {exit !(d < b)}'; then best=$d; fi
  done
  echo "$best"
}

# The engine's own timing (in-process, best of RUNS), from `kredo indicators`.
engine_ms() {
  "$KREDO" indicators --db "$1" --repeat "$RUNS" 2>&1 >/dev/null | awk '/ ms$/ {print $(NF-1)}'
}

report() {
  local name=$1 engine=$2 handsql=$3 process=$4 pcpu=$5 hcpu=$6
  awk -v n="$name" -v e="$engine" -v h="$handsql" -v p="$process" -v pc="$pcpu" -v hc="$hcpu" 'BEGIN {
    printf "%-11s wall: engine %8.1f ms in-process, whole `kredo indicators` %8.1f ms | hand-written SQL in the shell %8.1f ms | ratio %.2fx (process %.2fx)\n", n, e, p, h, e / h, p / h
    printf "%-11s CPU (user+sys): whole `kredo indicators` %8.1f ms | shell %8.1f ms | ratio %.2fx   (target <= 1.5x and < 2000 ms)\n", n, pc, hc, pc / hc }'
  if [ -r /proc/loadavg ]; then echo "            load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"; fi
}

run_backend() {
  local name=$1 url=$2
  shift 2
  local engine process handsql pcpu hcpu
  engine=$(engine_ms "$url")
  process=$(best_ms "$KREDO" indicators --db "$url")
  handsql=$(best_ms "$@")
  pcpu=$(best_cpu_ms "$KREDO" indicators --db "$url")
  hcpu=$(best_cpu_ms "$@")
  report "$name" "$engine" "$handsql" "$process" "$pcpu" "$hcpu"
}

# Reuse an already loaded national dataset (loading takes minutes on a shared machine):
#   REPORTS_BENCH_SQLITE=/path/national.db       a SQLite file made by `kredo demo --scale national`
#   REPORTS_BENCH_PG_DIR=DIR KREDO_PG_PORT=N     a running scripts/pg-test-cluster.sh cluster holding it
# (KREDO_DATA_KEY_FILE must then name the key it was loaded with). Both are migrated first.
# REPORTS_BENCH_SQLITE=skip measures PostgreSQL only (with REPORTS_BENCH_PG_DIR).
cp "$SQL" "$tmp/reference.sql"
SQL="$tmp/reference.sql"
chmod 644 "$SQL"
if [ "${REPORTS_BENCH_SQLITE:-}" = "skip" ]; then
  echo "SQLite skipped"
elif [ -n "${REPORTS_BENCH_SQLITE:-}" ]; then
  sqlite_db=$REPORTS_BENCH_SQLITE
  echo "using the loaded national dataset $sqlite_db (SQLite)"
  "$KREDO" migrate --db "sqlite:$sqlite_db" >/dev/null
else
  sqlite_db="$tmp/national.db"
  echo "loading the national demo dataset (SQLite)"
  t0=$(now_ms)
  "$KREDO" demo --scale national --db "sqlite:$sqlite_db" >/dev/null
  t1=$(now_ms)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "  loaded in %.1f s\n", (b - a) / 1000}'
fi
if [ "${REPORTS_BENCH_SQLITE:-}" != "skip" ]; then
  people=$(sqlite3 "$sqlite_db" "SELECT COUNT(*) FROM people")
  parts=$(sqlite3 "$sqlite_db" "SELECT COUNT(*) FROM participations")
  att=$(sqlite3 "$sqlite_db" "SELECT COUNT(*) FROM attendance")
  echo "  $people people, $parts participations, $att attendance rows"
  "$KREDO" indicators --db "sqlite:$sqlite_db" > "$tmp/engine.txt" 2>/dev/null
  echo "  unavailable indicators (tables not in this build): $(grep -c unavailable "$tmp/engine.txt" || true)"
  run_backend sqlite "sqlite:$sqlite_db" sqlite3 "$sqlite_db" ".read $SQL"
fi

if [ "${REPORTS_BENCH_PG:-1}" = "1" ]; then
  export KREDO_PG_PORT=${KREDO_PG_PORT:-5447}
  if [ -n "${REPORTS_BENCH_PG_DIR:-}" ]; then
    pg=$REPORTS_BENCH_PG_DIR
    dsn="postgresql://postgres@/kredo_test?host=$pg&port=$KREDO_PG_PORT"
    echo "using the loaded national dataset in the cluster $pg (PostgreSQL)"
    "$KREDO" migrate --db "$dsn" >/dev/null
  else
    pgdir="$tmp/pg"
    pg=$pgdir
    # No SQLite file to put the development key beside: the SQLite run's key, from the temp dir.
    export KREDO_DATA_KEY_FILE=${KREDO_DATA_KEY_FILE:-"$tmp/national.key"}
    [ -f "$KREDO_DATA_KEY_FILE" ] || cp "$(dirname "$sqlite_db")/kredo-data.key" "$KREDO_DATA_KEY_FILE"
    chmod 600 "$KREDO_DATA_KEY_FILE"
    dsn=$(bash "$repo/scripts/pg-test-cluster.sh" start "$pgdir")
    echo "loading the national demo dataset (PostgreSQL)"
    "$KREDO" demo --scale national --db "$dsn" >/dev/null
  fi
  psql_cmd=(psql -X -q -h "$pg" -p "$KREDO_PG_PORT" -U postgres -d kredo_test -f "$SQL")
  if [ "$(id -u)" -eq 0 ]; then psql_cmd=(runuser -u postgres -- "${psql_cmd[@]}"); fi
  # VACUUM as autovacuum would soon after a bulk load: sets the visibility map, so that index-only
  # scans (the support-minutes aggregate's key includes its minutes) skip the heap, for both sides.
  psql -X -q -h "$pg" -p "$KREDO_PG_PORT" -U postgres -d kredo_test -c "VACUUM ANALYZE" >/dev/null 2>&1 || true
  run_backend postgresql "$dsn" "${psql_cmd[@]}"
fi
