#!/usr/bin/env bash
# The dashboard's browser tests against the real server, driving Debian's chromium through
# playwright-core: dashboard.test.mjs on the sample center (a plan run stored and its roster
# published, one user per role); resilience.test.mjs on a copy of that store with a server of its
# own that it stops and starts; roster_scale.test.mjs on a generated center of 1,000 engineers
# with a 13-week roster; plan_page.test.mjs on the plan.html `rcc plan --out` writes. Screenshots,
# PDFs and measurements go to $RCC_WEB_OUT (default build/web-test).
# Usage: web/tests/run.sh RCC_BINARY
set -euo pipefail
RCC=$(realpath "$1")
WEB=$(cd "$(dirname "$0")/.." && pwd)
SRC=$(dirname "$WEB")
OUT=${RCC_WEB_OUT:-$SRC/build/web-test}
WORK=$(mktemp -d)
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill -9 "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
export RCC_WEB_OUT=$OUT RCC_PASSWORD="test password"
rm -rf "$OUT" && mkdir -p "$OUT"

"$RCC" import "$SRC/data/sample" --db "$WORK/rcc.db" >/dev/null
ADMIN=$("$RCC" token create --db "$WORK/rcc.db" --role admin --label browser-tests 2>/dev/null)
user() { printf '%s\n' "test password" | "$RCC" user create "$@" --db "${USER_DB:-$WORK/rcc.db}" >/dev/null; }
people() {
  user admin.t --role admin
  user planner.t --role planner
  user lead.t --role lead
  user client.najd --role client --client najd
  user client.emirlink --role client --client emirlink
  user engineer.t --role engineer --engineer E00003
}
people

# serve DB LOG: start rcc serve on DB in the background, set SERVER_PID and BASE.
serve() {
  rm -f "$WORK/port"
  "$RCC" serve --db "$1" --port 0 --port-file "$WORK/port" --web "$WEB/dist" \
    --max-body 67108864 --tick-ms 200 >"$2" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  BASE="http://127.0.0.1:$(cat "$WORK/port")"
}
stop() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}
auth=(-H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json")

serve "$WORK/rcc.db" "$OUT/server.log"
run=$(curl -sf "${auth[@]}" -d '{"roster_moves":100000}' "$BASE/api/v1/plan-runs" | jq -r .id)
for _ in $(seq 1 600); do
  status=$(curl -sf "${auth[@]}" "$BASE/api/v1/plan-runs/$run" | jq -r .status)
  [ "$status" = succeeded ] && break
  [ "$status" = failed ] && { echo "the sample plan run failed" >&2; exit 1; }
  sleep 0.2
done
curl -sf "${auth[@]}" -d "{\"plan_run\":\"$run\"}" "$BASE/api/v1/rosters" >/dev/null

RCC_BASE=$BASE RCC_ADMIN_TOKEN=$ADMIN node --test --test-concurrency=1 "$WEB/tests/dashboard.test.mjs"
stop

"$RCC" import "$SRC/data/sample" --db "$WORK/resilience.db" >/dev/null
USER_DB="$WORK/resilience.db" people
ADMIN=$("$RCC" token create --db "$WORK/resilience.db" --role admin --label browser-tests 2>/dev/null)
RCC_BINARY=$RCC RCC_RESILIENCE_DB="$WORK/resilience.db" RCC_WEB_DIST="$WEB/dist" RCC_ADMIN_TOKEN=$ADMIN \
  node --test --test-concurrency=1 "$WEB/tests/resilience.test.mjs"

"$RCC" generate --engineers 1000 --seed 3 --out "$WORK/big" >/dev/null
"$RCC" import "$WORK/big" --db "$WORK/big.db" >/dev/null
ADMIN=$("$RCC" token create --db "$WORK/big.db" --role admin --label browser-tests 2>/dev/null)
USER_DB="$WORK/big.db" user planner.t --role planner
node "$WEB/tests/synthetic_roster.mjs" "$WORK/big" 13 >"$WORK/big-roster.json"
serve "$WORK/big.db" "$OUT/server-1000.log"
curl -sf -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" \
  --data-binary @"$WORK/big-roster.json" "$BASE/api/v1/rosters" >/dev/null
RCC_BASE=$BASE node --test --test-concurrency=1 "$WEB/tests/roster_scale.test.mjs"
stop

RCC_PLAN_TEMPLATE="$WEB/dist-plan/plan.html" "$RCC" plan --data "$SRC/data/sample" \
  --roster-weeks 1 --roster-moves 100000 --out "$WORK/plan" >/dev/null
RCC_PLAN_DIR="$WORK/plan" node --test --test-concurrency=1 "$WEB/tests/plan_page.test.mjs"
