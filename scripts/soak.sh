#!/usr/bin/env bash
# Soak (tests/reliability/soak.py): a mixed workload at 64 connections against `kredo serve` on a throw-away SQLite
# database with demo data. Zero 5xx, p99 per endpoint printed, resident memory drift under 10 %.
#   SOAK_SECONDS      duration (default 600)
#   SOAK_SCALE        demo dataset: national (default; ~1 minute to load) or small
#   SOAK_CONNECTIONS  keep-alive connections (default 64)
#   SOAK_WARMUP       seconds of load before the first memory sample (default a quarter of SOAK_SECONDS)
#   SOAK_MAX_DRIFT    allowed resident-memory growth after the warm-up, per cent (default 10)
# Exit status 0 when every condition holds.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="${KREDO_BUILD_DIR:-build}"
seconds="${SOAK_SECONDS:-600}"
scale="${SOAK_SCALE:-national}"
conns="${SOAK_CONNECTIONS:-64}"
[ -x "$build/kredo" ] || { echo "soak: no $build/kredo (run make build)"; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/kredo-soak.XXXXXX")"
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }
  rm -rf "$tmp"
}
trap cleanup EXIT
db="sqlite:$tmp/kredo.db"
"$build/kredo" keys generate --out "$tmp/data.key" >/dev/null || exit 1
echo "soak: loading the $scale demo dataset"
"$build/kredo" demo --db "$db" --key-file "$tmp/data.key" --scale "$scale" >"$tmp/demo.log" 2>&1 ||
  { cat "$tmp/demo.log"; echo "soak: kredo demo failed"; exit 1; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$build/kredo" serve --db "$db" --key-file "$tmp/data.key" --listen "127.0.0.1:$port" --web-root "$tmp" \
  >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log"; echo "soak: kredo serve exited"; exit 1; }
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.1
done
python3 tests/reliability/soak.py --base "http://127.0.0.1:$port" --pid "$server_pid" --seconds "$seconds" \
  --connections "$conns" ${SOAK_WARMUP:+--warmup "$SOAK_WARMUP"} \
  --max-drift "${SOAK_MAX_DRIFT:-10}"
status=$?
kill -0 "$server_pid" 2>/dev/null || { echo "soak: the server died"; tail -20 "$tmp/server.log"; status=1; }
exit "$status"
