#!/usr/bin/env bash
# The dashboard's browser tests against the real server: the sample center imported, a plan run
# stored and its roster published, one user per role, then tests/dashboard.test.mjs drives Debian's
# chromium through playwright-core. Screenshots and measurements go to $RCC_WEB_OUT
# (default build/web-test). Usage: web/tests/run.sh RCC_BINARY
set -euo pipefail
RCC=$(realpath "$1")
WEB=$(cd "$(dirname "$0")/.." && pwd)
SRC=$(dirname "$WEB")
OUT=${RCC_WEB_OUT:-$SRC/build/web-test}
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"

"$RCC" import "$SRC/data/sample" --db "$WORK/rcc.db" >/dev/null
ADMIN=$("$RCC" token create --db "$WORK/rcc.db" --role admin --label browser-tests 2>/dev/null)
user() { printf '%s\n' "test password" | "$RCC" user create "$@" --db "$WORK/rcc.db" >/dev/null; }
user admin.t --role admin
user planner.t --role planner
user lead.t --role lead
user client.najd --role client --client najd
user client.emirlink --role client --client emirlink
user engineer.t --role engineer --engineer E00003

"$RCC" serve --db "$WORK/rcc.db" --port 0 --port-file "$WORK/port" --web "$WEB/dist" \
  --max-body 67108864 --tick-ms 200 >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$WORK/port")"
auth=(-H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json")
run=$(curl -sf "${auth[@]}" -d '{"roster_moves":100000}' "$BASE/api/v1/plan-runs" | jq -r .id)
for _ in $(seq 1 600); do
  status=$(curl -sf "${auth[@]}" "$BASE/api/v1/plan-runs/$run" | jq -r .status)
  [ "$status" = succeeded ] && break
  [ "$status" = failed ] && { echo "the sample plan run failed" >&2; exit 1; }
  sleep 0.2
done
curl -sf "${auth[@]}" -d "{\"plan_run\":\"$run\"}" "$BASE/api/v1/rosters" >/dev/null

RCC_BASE=$BASE RCC_ADMIN_TOKEN=$ADMIN RCC_WEB_OUT=$OUT RCC_PASSWORD="test password" \
  node --test --test-concurrency=1 "$WEB/tests/dashboard.test.mjs"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true
SERVER_PID=""
