#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests, on a unix socket only (no TCP port is opened).
#   pg-test-cluster.sh start DIR   -> creates and starts it, prints the connection URL
#   pg-test-cluster.sh stop DIR    -> stops it and removes DIR
#   pg-test-cluster.sh createdb DIR NAME -> one more database in the running cluster
# As root the server runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bin/initdb" ] || { echo "pg-test-cluster: PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }
port="${KREDO_PG_PORT:-5439}"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_pg "$bin/createdb" -h "$dir" -p "$port" -U postgres kredo_test
    echo "postgresql://postgres@/kredo_test?host=$dir&port=$port"
    ;;
  createdb)
    # pg-test-cluster.sh createdb DIR NAME: one more database in the running cluster (e.g. for a test shard).
    as_pg "$bin/createdb" -h "$dir" -p "$port" -U postgres "${3:?database name}"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
