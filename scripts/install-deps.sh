#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run, test and benchmark KREDO:
# Debian packages (only the missing ones; apt-get update once, only when something is missing)
# and the web app's npm packages (npm ci, only when package-lock.json changed). Idempotent.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  nlohmann-json3-dev libfmt-dev libspdlog-dev libcli11-dev
  libsodium-dev libsqlite3-dev sqlite3 libpqxx-dev libpq-dev postgresql-15
  libicu-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core libxlsxwriter-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium poppler-utils wrk nginx-light
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi

# npm ci when node_modules is missing or older than the lock file. With Node.js already here it runs
# while apt installs (both wait on the network and the disk more than on the CPU).
stamp="$repo/web/node_modules/.package-lock.json"
npm_ci() {
  echo "install-deps: npm ci in web/"
  (cd "$repo/web" && npm ci --no-audit --no-fund --loglevel=error)
}
npm_needed=0
if [ ! -f "$stamp" ] || [ "$repo/web/package-lock.json" -nt "$stamp" ]; then npm_needed=1; fi
npm_pid=""
if [ "$npm_needed" -eq 1 ] && command -v node >/dev/null 2>&1 &&
  [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ]; then
  npm_ci &
  npm_pid=$!
  npm_needed=0
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "install-deps: Node.js $(node --version) is too old for the web app's build tools (need 20.19 or newer)" >&2
  exit 1
fi

if [ -n "$npm_pid" ]; then wait "$npm_pid"; fi
if [ "$npm_needed" -eq 1 ]; then npm_ci; fi
