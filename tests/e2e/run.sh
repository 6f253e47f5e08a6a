#!/usr/bin/env bash
# End-to-end tests: the real kredo binary over a throw-away SQLite database with demo data,
# driven in Debian's Chromium by playwright-core (web/e2e/*.test.mjs, node's test runner).
#   KREDO_BINARY         the binary to test (default: <repo>/build/kredo)
#   CHROMIUM             the browser (default: /usr/bin/chromium)
#   KREDO_E2E_ARTIFACTS  where screenshots of failing pages go (default: a new temp dir, kept on failure)
#   E2E_ONLY             run only these test files (paths relative to web/, e.g. e2e/auth.test.mjs)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KREDO_BINARY="${KREDO_BINARY:-$repo/build/kredo}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
web="$repo/web"

die() { echo "e2e: $*" >&2; exit 2; }
[ -x "$KREDO_BINARY" ] || die "no kredo binary at $KREDO_BINARY (build it, or set KREDO_BINARY)"
[ -x "$CHROMIUM" ] || die "no Chromium at $CHROMIUM (apt-get install chromium)"
[ -d "$web/node_modules/playwright-core" ] || die "web/node_modules is missing: run 'npm ci' in web/"
if [ ! -f "$web/dist/index.html" ]; then
  echo "e2e: web/dist is missing, building it"
  (cd "$web" && npm run build)
fi

tmp="$(mktemp -d -t kredo-e2e.XXXXXX)"
artifacts="${KREDO_E2E_ARTIFACTS:-$(mktemp -d -t kredo-e2e-artifacts.XXXXXX)}"
export KREDO_E2E_ARTIFACTS="$artifacts"
server_pid=""
status=1

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$tmp/server.log" ]; then
    echo "e2e: last lines of the server log:" >&2
    tail -n 40 "$tmp/server.log" >&2 || true
  fi
  rm -rf "$tmp"
  if [ "$status" -eq 0 ] || [ -z "$(ls -A "$artifacts" 2>/dev/null)" ]; then
    rm -rf "$artifacts"
  else
    echo "e2e: screenshots kept in $artifacts" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
db="sqlite:$tmp/kredo.db"

"$KREDO_BINARY" demo --db "$db" >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; die "kredo demo failed"; }
"$KREDO_BINARY" serve --db "$db" --listen "127.0.0.1:$port" --web-root "$web/dist" >"$tmp/server.log" 2>&1 &
server_pid=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; die "kredo serve exited early"; }
  if node -e "fetch('$base/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then
    break
  fi
  sleep 0.2
done
node -e "fetch('$base/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" || die "kredo serve did not answer /api/v1/health at $base"

export KREDO_BASE_URL="$base"
set +e
(cd "$web" && node --test --test-concurrency=1 ${E2E_ONLY:-e2e/*.test.mjs})
status=$?
set -e
exit "$status"
