# Helpers for end-to-end tests of `rcc serve`: a server on a free loopback port, and `api` calls
# that keep the status in $STATUS and the body in $WORK/body. Source after lib.sh.

SERVER_PID=""

# start_server DB [ARGS...]: starts the server and waits until /healthz answers.
start_server() {
  local db=$1
  shift
  rm -f "$WORK/port"
  "$RCC" serve --db "$db" --port 0 --port-file "$WORK/port" --tick-ms 200 "$@" \
    >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if [ -s "$WORK/port" ] && curl -s -o /dev/null "http://127.0.0.1:$(cat "$WORK/port")/healthz"; then
      PORT=$(cat "$WORK/port")
      return 0
    fi
    sleep 0.1
  done
  echo "server did not start:" >&2
  cat "$WORK/server.log" >&2
  return 1
}

stop_server() {  # graceful: SIGTERM, then wait for the process to end
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Never leave a server behind, whatever happens to the test.
trap 'if [ -n "$SERVER_PID" ]; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

# api METHOD PATH TOKEN [BODY [CONTENT_TYPE]]
api() {
  local method=$1 path=$2 token=$3 body=${4-} type=${5:-application/json}
  local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method" --max-time 20)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  if [ -n "$body" ]; then
    args+=(-H "Content-Type: $type" --data-binary "$body")
  elif [ "$method" = POST ]; then
    args+=(-H "Content-Length: 0")
  fi
  STATUS=$(curl "${args[@]}" "http://127.0.0.1:$PORT$path")
}

# expect_status WANT DESCRIPTION: checks the last call.
expect_status() {
  if [ "$STATUS" != "$1" ]; then
    fail "$2: status $STATUS, expected $1: $(head -c 300 "$WORK/body")"
  fi
}

# expect_error WANT DESCRIPTION: the last call failed with WANT and the one error shape.
expect_error() {
  expect_status "$1" "$2"
  if ! jq -e 'has("code") and has("message") and has("details") and (.code|type=="string")' \
    "$WORK/body" >/dev/null 2>&1; then
    fail "$2: not the error shape: $(head -c 300 "$WORK/body")"
  fi
}

field() { jq -r "$1" "$WORK/body"; }  # field JQ_FILTER: from the last body

# wait_for_plan_run TOKEN PATH: polls the plan run at PATH (for two minutes at most) until it has
# succeeded or failed; its last answer is the last body.
wait_for_plan_run() {
  for _ in $(seq 1 600); do
    api GET "$2" "$1"
    case $(field .status) in succeeded | failed) return 0 ;; esac
    sleep 0.2
  done
}

# serve_generated_center ENGINEERS CLIENTS SEED: a generated center imported into $WORK/rcc.db, an
# admin token in $ADMIN, the server started; $CLIENT, $ENGINEER and $SKILL (that engineer's first
# skill) name the first of each.
serve_generated_center() {
  "$RCC" generate --engineers "$1" --clients "$2" --seed "$3" --out "$WORK/center" >/dev/null
  "$RCC" import "$WORK/center" --db "$WORK/rcc.db" >/dev/null
  ADMIN=$("$RCC" token create --db "$WORK/rcc.db" --role admin --label e2e 2>/dev/null)
  start_server "$WORK/rcc.db"
  api GET /api/v1/clients "$ADMIN"
  expect_status 200 "admin lists clients"
  CLIENT=$(field '.items[0].id')
  api GET /api/v1/engineers "$ADMIN"
  ENGINEER=$(field '.items[0].id')
  SKILL=$(field '.items[0].skills[0].skill')
}

# on_shift_roster TOKEN: writes $WORK/roster.json, a roster that keeps every engineer on shift now
# (yesterday's night and all of today, Pakistan time, in their first skill).
on_shift_roster() {
  api GET /api/v1/engineers "$1"
  jq -c --arg y "$(TZ=Asia/Karachi date -d yesterday +%F)" --arg t "$(TZ=Asia/Karachi date +%F)" \
    '{shifts: [.items[] | . as $e | ($e.skills[0].skill) as $s |
       ({engineer: $e.id, date: $y, shift: "N", skill: $s},
        ({engineer: $e.id, date: $t, skill: $s} + (["M", "E", "N"][] | {shift: .})))]}' \
    "$WORK/body" >"$WORK/roster.json"
}
