#!/usr/bin/env bash
# HTTP benchmark of the foundation: wrk (-t2 -c64 -d10s) against GET /api/v1/health and an
# authenticated GET /api/v1/auth/me, and against nginx serving static files of the same sizes on
# loopback in the same run; also start-up time and idle memory. Prints figures, never fails on them.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kredo="${KREDO_BINARY:-$repo/build/kredo}"
duration="${BENCH_DURATION:-10s}"
tmp="$(mktemp -d /tmp/kredo-bench.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

db="sqlite:$tmp/kredo.db"
"$kredo" demo --db "$db" >/dev/null
port=$(free_port)
start=$(now_ms)
KREDO_LOG_LEVEL=warn "$kredo" serve --db "$db" --listen "127.0.0.1:$port" --web-root "$repo/web/dist" >"$tmp/serve.log" 2>&1 &
kpid=$!; pids+=("$kpid")
until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do sleep 0.005; done
ready=$(( $(now_ms) - start ))
sleep 1
rss_idle=$(awk '/VmRSS/ {print $2}' /proc/$kpid/status)

# A logged-in session for /auth/me.
login=$(curl -s -D "$tmp/h" -H 'Content-Type: application/json' \
  -d '{"username":"koordinator","password":"Demo-heslo-2026"}' "http://127.0.0.1:$port/api/v1/auth/login")
cookie=$(grep -i '^Set-Cookie:' "$tmp/h" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/' | tr -d '\r')

# nginx with the same bodies as static files.
mkdir -p "$tmp/static" "$tmp/nginx"
chmod 755 "$tmp" "$tmp/static"   # nginx workers run as www-data
curl -s "http://127.0.0.1:$port/api/v1/health" >"$tmp/static/health.json"
curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/auth/me" >"$tmp/static/me.json"
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
/usr/sbin/nginx -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" &
pids+=("$!")
for _ in $(seq 1 500); do curl -sf "http://127.0.0.1:$nport/health.json" >/dev/null && break; sleep 0.01; done
curl -sf "http://127.0.0.1:$nport/health.json" >/dev/null || { echo "nginx does not serve the reference file" >&2; cat "$tmp/nginx/error.log" >&2; exit 1; }

# wrk prints "Requests/sec: N" and, with --latency, "99% Xms".
run_wrk() {
  local out
  # A short warm-up first: connection set-up and lazily opened database readers are not the steady state.
  wrk -t2 -c64 -d2s "$@" >/dev/null 2>&1
  out=$(wrk -t2 -c64 -d"$duration" --latency "$@" 2>&1)
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$rps ${p99:-?} ${non2xx:-0}"
}

echo "KREDO HTTP benchmark (wrk -t2 -c64 -d$duration, loopback, 2 cores shared by server and load)"
printf '%-28s %12s %10s %8s\n' "target" "req/s" "p99" "non-2xx"
read -r h_rps h_p99 h_err < <(run_wrk "http://127.0.0.1:$port/api/v1/health")
printf '%-28s %12s %10s %8s\n' "kredo /api/v1/health" "$h_rps" "$h_p99" "$h_err"
read -r n_rps n_p99 n_err < <(run_wrk "http://127.0.0.1:$nport/health.json")
printf '%-28s %12s %10s %8s\n' "nginx same-size static" "$n_rps" "$n_p99" "$n_err"
read -r m_rps m_p99 m_err < <(run_wrk -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/auth/me")
printf '%-28s %12s %10s %8s\n' "kredo /api/v1/auth/me" "$m_rps" "$m_p99" "$m_err"
read -r nm_rps nm_p99 nm_err < <(run_wrk "http://127.0.0.1:$nport/me.json")
printf '%-28s %12s %10s %8s\n' "nginx same-size static" "$nm_rps" "$nm_p99" "$nm_err"
rss_after=$(awk '/VmRSS/ {print $2}' /proc/$kpid/status)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a" }'; }
echo
echo "health vs nginx:        $(ratio "$h_rps" "$n_rps") of nginx's req/s (target >= 50 %), p99 $h_p99 (target < 20 ms)"
echo "auth/me vs nginx:       $(ratio "$m_rps" "$nm_rps") of nginx's req/s"
echo "ready after start:      ${ready} ms (target < 500 ms; demo database)"
echo "resident memory idle:   $((rss_idle / 1024)) MB (target < 60 MB); after load $((rss_after / 1024)) MB"
