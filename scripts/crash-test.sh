#!/usr/bin/env bash
# Crash consistency (tests/reliability/crash_test.py) on SQLite and on PostgreSQL: concurrent writers through the
# API, the server killed with SIGKILL at random moments, every acknowledged write checked after each restart.
#   crash-test.sh [--kills N] [--pg-dsn URL]   (default 20 kills per database)
# Without --pg-dsn a throw-away PostgreSQL cluster is started (port KREDO_PG_PORT, default 5449).
# Prints one "crash test (<db>): ... N failures" line per database; exit status 0 when both pass.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="${KREDO_BUILD_DIR:-build}"
kills=20
pg_dsn=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --pg-dsn) pg_dsn="$2"; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
[ -x "$build/kredo" ] || { echo "crash-test: no $build/kredo (run make build)"; exit 2; }

pgdir=""
cleanup() { [ -z "$pgdir" ] || bash "$repo/scripts/pg-test-cluster.sh" stop "$pgdir"; }
trap cleanup EXIT
if [ -z "$pg_dsn" ]; then
  pgdir="$(mktemp -d /tmp/kredo-crash-pg.XXXXXX)"
  pg_dsn="$(KREDO_PG_PORT="${KREDO_PG_PORT:-5449}" bash scripts/pg-test-cluster.sh start "$pgdir")" ||
    { echo "crash-test: PostgreSQL did not start"; exit 1; }
fi

status=0
# Both databases side by side: the writers wait on the server, not on the CPU.
python3 tests/reliability/crash_test.py --kredo "$build/kredo" --db sqlite --kills "$kills" "${extra[@]}" &
p1=$!
python3 tests/reliability/crash_test.py --kredo "$build/kredo" --db pg --pg-dsn "$pg_dsn" --kills "$kills" "${extra[@]}" &
p2=$!
wait "$p1" || status=1
wait "$p2" || status=1
exit "$status"
