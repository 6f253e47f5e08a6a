#!/usr/bin/env bash
# Issue 3: GET /api/v1/families?q=<term> (50 rows a page) on the national dataset (kredo demo --scale
# national: 100,000 children), with wrk -t2 -c64, on SQLite and on PostgreSQL, beside nginx serving a
# static file of the same size in the same run. Targets: p99 < 50 ms and >= 25 % of nginx's req/s.
# Prints figures, never fails on them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kredo="${KREDO_BINARY:-$repo/build/kredo}"
duration="${BENCH_DURATION:-10s}"
term="${BENCH_TERM:-chvostik}"
tmp="$(mktemp -d /tmp/kredo-search-bench.XXXXXX)"
chmod 755 "$tmp"
pids=()
pgdir="$tmp/pg"
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -d "$pgdir" ] && bash "$repo/scripts/pg-test-cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_s() { date +%s.%N; }

# The load generator shares the two cores with the server: at equal priority the 64 server threads
# crowd wrk out, and its own scheduling delays show as the server's latency tail (measured: p99
# 210 ms at equal priority, 26 ms with wrk at nice -10, same server). wrk therefore runs at a higher
# priority when we may raise it, for nginx and KREDO alike.
wrk_cmd=(wrk)
if [ "$(id -u)" = 0 ]; then wrk_cmd=(nice -n -10 wrk); fi

run_wrk() {
  "${wrk_cmd[@]}" -t2 -c64 -d2s "$@" >/dev/null 2>&1
  local out rps p99 non2xx
  out=$("${wrk_cmd[@]}" -t2 -c64 -d"$duration" --latency "$@" 2>&1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$rps ${p99:-?} ${non2xx:-0}"
}

# Serves DB, measures the search, writes the reply body to $tmp/static/<name>.json.
measure() {
  local name="$1" db="$2" port kpid cookie
  port=$(free_port)
  KREDO_LOG_LEVEL=warn "$kredo" serve --db "$db" --listen "127.0.0.1:$port" >"$tmp/$name.log" 2>&1 &
  kpid=$!; pids+=("$kpid")
  until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do sleep 0.05; done
  curl -s -D "$tmp/h" -o /dev/null -H 'Content-Type: application/json' \
    -d '{"username":"koordinator","password":"Demo-heslo-2026"}' "http://127.0.0.1:$port/api/v1/auth/login"
  cookie=$(grep -i '^Set-Cookie:' "$tmp/h" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/' | tr -d '\r')
  local url="http://127.0.0.1:$port/api/v1/families?q=$term&page_size=50"
  # The first answer is computed; the following ones come from the list cache until the registry
  # changes (domain::ListCache). Both costs are printed.
  local first
  first=$(curl -s -o "$tmp/static/$name.json" -w '%{time_total}' -H "Cookie: $cookie" "$url")
  echo "kredo $name: first (computed) answer $(awk -v t="$first" 'BEGIN {printf "%.1f ms", t * 1000}')" >&2
  local total
  total=$(python3 -c "import json,sys; d=json.load(open('$tmp/static/$name.json')); print(d.get('total','?'), len(d.get('items',[])))")
  read -r rps p99 err < <(run_wrk -H "Cookie: $cookie" "$url")
  printf '%-34s %10s %10s %8s   (matches, rows on the page: %s)\n' "kredo $name families?q=$term" "$rps" "$p99" "$err" "$total"
  kill "$kpid"; wait "$kpid" 2>/dev/null || true
  eval "${name}_rps=$rps"
  eval "${name}_p99=$p99"
}

mkdir -p "$tmp/static" "$tmp/nginx"
echo "Registry search benchmark (national dataset; ${wrk_cmd[*]} -t2 -c64 -d$duration; 2 cores shared by server and load)"
# BENCH_SQLITE_DB=sqlite:PATH and BENCH_PG_DSN=postgresql://… reuse databases already loaded with the
# national dataset (and migrated) instead of loading both again (about 2 + 6 minutes).
sqlite_db="${BENCH_SQLITE_DB:-}"
pg_dsn="${BENCH_PG_DSN:-}"
t0=$(now_s)
if [ -z "$sqlite_db" ]; then
  sqlite_db="sqlite:$tmp/kredo.db"
  "$kredo" demo --scale national --db "$sqlite_db" >/dev/null
fi
t1=$(now_s)
if [ -z "$pg_dsn" ]; then
  pg_dsn=$(bash "$repo/scripts/pg-test-cluster.sh" start "$pgdir")
  "$kredo" demo --scale national --db "$pg_dsn" >/dev/null
fi
t2=$(now_s)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "national demo load: SQLite %.1f s, PostgreSQL %.1f s (0 when reused)\n", b - a, c - b }'
printf '%-34s %10s %10s %8s\n' "target" "req/s" "p99" "non-2xx"
measure sqlite "$sqlite_db"
measure postgresql "$pg_dsn"

nport=$(free_port)
cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  server { listen 127.0.0.1:$nport; root $tmp/static; }
}
CONF
chmod 755 "$tmp/static"; chmod 644 "$tmp/static"/*.json
/usr/sbin/nginx -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" &
pids+=("$!")
for _ in $(seq 1 500); do curl -sf "http://127.0.0.1:$nport/sqlite.json" >/dev/null && break; sleep 0.01; done
read -r n_rps n_p99 n_err < <(run_wrk "http://127.0.0.1:$nport/sqlite.json")
printf '%-34s %10s %10s %8s   (%s bytes)\n' "nginx same-size static" "$n_rps" "$n_p99" "$n_err" "$(stat -c %s "$tmp/static/sqlite.json")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a" }'; }
echo
echo "SQLite:     $(ratio "$sqlite_rps" "$n_rps") of nginx's req/s (target >= 25 %), p99 $sqlite_p99 (target < 50 ms)"
echo "PostgreSQL: $(ratio "$postgresql_rps" "$n_rps") of nginx's req/s (target >= 25 %), p99 $postgresql_p99 (target < 50 ms)"
