#!/usr/bin/env bash
# `make bench`: every benchmark prints its figures and ratios against a reference measured in the
# same run. Benchmarks never pass or fail on a time.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build="${KREDO_BUILD_DIR:-build}"
[ -f web/dist/index.html ] || (cd web && npm run --silent build)
echo "### HTTP (issue 2)"
bash bench/http_bench.sh
for b in "$build"/*_bench; do
  [ -x "$b" ] || continue
  echo
  echo "### $(basename "$b") (Google Benchmark)"
  "$b" --benchmark_counters_tabular=true
done
for s in bench/*.sh; do
  case "$s" in bench/http_bench.sh) continue ;; esac
  echo
  echo "### $(basename "$s")"
  bash "$s"
done
