#!/usr/bin/env bash
# Activities benchmark (issue 4). Prints figures and ratios, never fails on a time.
#  1. `kredo demo --scale national` into a temp SQLite database: load time and attendance rows.
#  2. Support hours of every participant: ActivityService::support_minutes_all (through our storage
#     adapter, via build/activities_bench) against the same aggregation as one SQL statement run in
#     the sqlite3 shell, in the same run, on the same file. Target: ratio <= 1.5.
#  3. Roll-call save of a 20-child session over HTTP under load: wrk -t2 -c8 PUT
#     /api/v1/activities/{id}/attendance (the same body again and again: safe to resend), p99.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KREDO_BUILD_DIR:-$repo/build}"
kredo="$build/kredo"
duration="${BENCH_DURATION:-10s}"
tmp="$(mktemp -d /tmp/kredo-activities-bench.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
db="$tmp/national.db"

echo "loading the national demo (100,000 children, ~5 million attendance rows) into $db"
start=$(date +%s.%N)
"$kredo" demo --db "sqlite:$db" --scale national | sed 's/^/  /'
end=$(date +%s.%N)
rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM attendance")
printf 'national demo load: %.1f s total, %s attendance rows\n' "$(echo "$end - $start" | bc)" "$rows"

sql="SELECT at.person_id, SUM(CASE WHEN at.status <> 'present' THEN 0 WHEN at.minutes IS NULL THEN COALESCE(t.counted_minutes, a.duration_minutes) WHEN t.counted_minutes IS NULL THEN at.minutes ELSE at.minutes * t.counted_minutes / a.duration_minutes END) FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN activity_types t ON t.id = a.type_id WHERE at.status = 'present' AND ('' = '' OR a.date >= '') AND ('' = '' OR a.date <= '') GROUP BY at.person_id"
sqlite3 "$db" "$sql" >/dev/null   # warm the page cache for both
best=""
for _ in 1 2 3; do
  s=$(date +%s%N); sqlite3 "$db" "$sql" >"$tmp/shell.out"; e=$(date +%s%N)
  t=$(( (e - s) / 1000000 ))
  if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
people=$(wc -l <"$tmp/shell.out")
KREDO_BENCH_DB="sqlite:$db" "$build/activities_bench" --benchmark_filter=SupportHoursAll --benchmark_repetitions=3 \
  --benchmark_format=json >"$tmp/gb.json" 2>/dev/null
cpp=$(python3 -c "
import json; d=json.load(open('$tmp/gb.json'))
print(min(b['real_time'] for b in d['benchmarks'] if b.get('run_type')=='iteration'))")
echo
echo "support hours of every participant ($people people, $rows attendance rows):"
printf '  sqlite3 shell, one SQL statement (best of 3): %8d ms\n' "$best"
printf '  kredo ActivityService::support_minutes_all:   %8.0f ms\n' "$cpp"
python3 -c "print('  ratio kredo / sqlite3 shell: %.2f x (target <= 1.5 x)' % ($cpp / max($best, 1)))"

# Roll-call over HTTP under load.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
KREDO_LOG_LEVEL=warn "$kredo" serve --db "sqlite:$db" --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
pids+=("$!")
until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do sleep 0.05; done
login=$(curl -s -D "$tmp/h" -H 'Content-Type: application/json' \
  -d '{"username":"koordinator","password":"Demo-heslo-2026"}' "http://127.0.0.1:$port/api/v1/auth/login")
cookie=$(grep -i '^Set-Cookie:' "$tmp/h" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/' | tr -d '\r')
csrf=$(echo "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
ids=$(sqlite3 "$db" "SELECT group_concat(id) FROM (SELECT id FROM people WHERE role = 'child' ORDER BY id LIMIT 20)")
activity=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"type\":\"child_group\",\"date\":\"2025-03-04\",\"start\":\"16:00\",\"end\":\"17:30\",\"participant_ids\":[$ids]}" \
  "http://127.0.0.1:$port/api/v1/activities" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
body=$(python3 -c "
ids=[int(x) for x in '$ids'.split(',')]
import json; print(json.dumps({'records':[{'person_id':p,'status':'present' if i%5 else 'absent'} for i,p in enumerate(ids)]}))")
cat >"$tmp/rollcall.lua" <<LUA
wrk.method = "PUT"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
LUA
url="http://127.0.0.1:$port/api/v1/activities/$activity/attendance"
wrk -t2 -c8 -d2s -s "$tmp/rollcall.lua" "$url" >/dev/null 2>&1
out=$(wrk -t2 -c8 -d"$duration" --latency -s "$tmp/rollcall.lua" "$url" 2>&1)
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p50=$(echo "$out" | awk '$1=="50%" {print $2}')
p99=$(echo "$out" | awk '$1=="99%" {print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
echo
echo "roll-call save, 20 children, PUT attendance over HTTP (wrk -t2 -c8 -d$duration, national database):"
echo "  $rps saves/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}"
stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM attendance WHERE activity_id = $activity")
echo "  attendance rows of the session after all the resends: $stored (20 expected: a resend never adds)"
