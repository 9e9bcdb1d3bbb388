# rcc serve over HTTP on loopback: tokens and roles, two clients isolated from each other, the
# ticket lifecycle with live dispatch to the published roster, and a catalogue of invalid requests
# that must each get its 4xx in the one error shape without harming the server.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"

serve_generated_center 120 3 11

# --- Center data and tokens -------------------------------------------------------------------
api GET /api/v1/clients "$ADMIN"
CLIENT_A=$(field '.items[0].id')
CLIENT_B=$(field '.items[1].id')
token() {  # token ROLE [client|engineer ID]
  local body="{\"role\":\"$1\""
  [ $# -ge 3 ] && body+=",\"$2\":\"$3\""
  api POST /api/v1/tokens "$ADMIN" "$body}"
  expect_status 201 "admin creates a $1 token"
  field .token
}
PLANNER=$(token planner)
LEAD=$(token lead)
TOKEN_A=$(token client client "$CLIENT_A")
TOKEN_B=$(token client client "$CLIENT_B")

# A roster that keeps every engineer on shift now.
on_shift_roster "$ADMIN"
SKILL=$(jq -r '.shifts[0].skill' "$WORK/roster.json")
api POST /api/v1/rosters "$LEAD" "$(cat "$WORK/roster.json")"
expect_error 403 "a lead may not publish a roster"
api POST /api/v1/rosters "$PLANNER" "$(cat "$WORK/roster.json")"
expect_status 201 "planner publishes the roster"
api GET "/api/v1/engineers?on_shift=true&skill=$SKILL" "$LEAD"
expect_status 200 "lead lists engineers on shift"
[ "$(field '.items | length')" -gt 0 ] || fail "nobody with $SKILL on shift after publishing"

# --- Ticket lifecycle ---------------------------------------------------------------------------
api POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P2\",\"title\":\"Link down\"}"
expect_status 201 "client A creates a ticket"
T1=$(field .id)
ENGINEER=$(field .engineer)
[ "$(field .status)" = assigned ] || fail "a new ticket with engineers on shift is assigned: $(field .status)"
[ "$(field .client)" = "$CLIENT_A" ] || fail "the ticket belongs to client A"
[ "$(field '.response_due.utc')" != null ] || fail "the ticket has a response deadline"
ENG_TOKEN=$(token engineer engineer "$ENGINEER")

api POST /api/v1/tickets "$TOKEN_B" "{\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"Slow core\"}"
expect_status 201 "client B creates a ticket"
T2=$(field .id)

# Isolation: another client's ticket does not exist for you.
api GET "/api/v1/tickets/$T1" "$TOKEN_B"
expect_error 404 "client B cannot see client A's ticket"
api GET "/api/v1/tickets/$T1/events" "$TOKEN_B"
expect_error 404 "client B cannot see client A's events"
api POST "/api/v1/tickets/$T1/comments" "$TOKEN_B" '{"body":"hello"}'
expect_error 404 "client B cannot comment on client A's ticket"
api POST "/api/v1/tickets/$T1/close" "$TOKEN_B"
expect_error 404 "client B cannot close client A's ticket"
api GET "/api/v1/clients/$CLIENT_A" "$TOKEN_B"
expect_error 404 "client B cannot see client A"
api GET /api/v1/tickets "$TOKEN_B"
[ "$(field '[.items[].client] | unique | join(",")')" = "$CLIENT_B" ] ||
  fail "client B's list holds only its own tickets: $(field '[.items[].client]')"
api GET "/api/v1/tickets?client=$CLIENT_A" "$TOKEN_B"
expect_error 404 "client B cannot filter on client A"
api GET /api/v1/tickets "$TOKEN_A"
[ "$(field '[.items[].id] | index('"$T2"')')" = null ] || fail "client A's list shows B's ticket"

# The engineer works the ticket; the client answers a question; it is resolved and closed.
api POST "/api/v1/tickets/$T1/resolve" "$ENG_TOKEN"
expect_error 409 "resolve before accept is a conflict"
api POST "/api/v1/tickets/$T1/accept" "$ENG_TOKEN"
expect_status 200 "the engineer accepts"
[ "$(field .status)" = in_progress ] || fail "accepted ticket is in progress"
api POST "/api/v1/tickets/$T1/accept" "$ENG_TOKEN"
expect_error 409 "accepting twice is a conflict"
api POST "/api/v1/tickets/$T1/wait-on-client" "$ENG_TOKEN"
expect_status 200 "the engineer waits on the client"
api GET "/api/v1/tickets/$T1/sla" "$TOKEN_A"
expect_status 200 "client A reads the SLA clocks"
[ "$(field .resolution.paused)" = true ] || fail "the resolution clock is paused while waiting"
[ "$(field .response.met)" = true ] || fail "the response SLA was met on accept"
api POST "/api/v1/tickets/$T1/comments" "$TOKEN_A" '{"body":"Rebooted the router, it is back."}'
expect_status 201 "client A comments"
api POST "/api/v1/tickets/$T1/resume" "$TOKEN_A"
expect_status 200 "client A resumes"
api POST "/api/v1/tickets/$T1/resolve" "$ENG_TOKEN"
expect_status 200 "the engineer resolves"
api POST "/api/v1/tickets/$T1/close" "$TOKEN_A"
expect_status 200 "client A closes"
[ "$(field .status)" = closed ] || fail "closed ticket: $(field .status)"
api GET "/api/v1/tickets/$T1/events" "$TOKEN_A"
[ "$(field '[.items[].kind] | join(",")')" = \
  "created,assigned,accepted,waiting_on_client,commented,resumed,resolved,closed" ] ||
  fail "audit trail: $(field '[.items[].kind] | join(",")')"
[ "$(field '[.items[] | select(.actor == null or .at == null)] | length')" = 0 ] ||
  fail "every event says who and when"
api GET "/api/v1/tickets/$T1/comments" "$ENG_TOKEN"
[ "$(field '.items[0].body')" = "Rebooted the router, it is back." ] || fail "comment stored"

# The engineer sees own tickets only, and own roster.
api GET "/api/v1/tickets/$T2" "$ENG_TOKEN"
if [ "$(jq -r .engineer <(curl -s -H "Authorization: Bearer $ADMIN" \
  "http://127.0.0.1:$PORT/api/v1/tickets/$T2"))" != "$ENGINEER" ]; then
  expect_error 404 "an engineer cannot see a ticket of someone else"
fi
api GET /api/v1/rosters/current "$ENG_TOKEN"
expect_status 200 "an engineer reads the roster"
[ "$(field '[.shifts[].engineer] | unique | join(",")')" = "$ENGINEER" ] ||
  fail "an engineer's roster holds only own shifts"

# Lead reassigns; cursor pagination walks every ticket once.
for i in 1 2 3 4 5; do
  api POST /api/v1/tickets "$LEAD" "{\"client\":\"$CLIENT_B\",\"skill\":\"$SKILL\",\"priority\":\"P4\",\"title\":\"t$i\"}"
  expect_status 201 "lead creates a ticket for client B"
done
seen=0
cursor=""
for _ in $(seq 1 10); do
  api GET "/api/v1/tickets?limit=2${cursor:+&cursor=$cursor}" "$ADMIN"
  expect_status 200 "page of tickets"
  seen=$((seen + $(field '.items | length')))
  cursor=$(field '.next_cursor // empty')
  [ -n "$cursor" ] || break
done
[ "$seen" -eq 7 ] || fail "pagination saw $seen tickets, expected 7"

# --- Role x endpoint matrix ---------------------------------------------------------------------
# Each line: METHOD PATH then the status for admin planner lead engineer client(A).
declare -A TOKENS=([admin]=$ADMIN [planner]=$PLANNER [lead]=$LEAD [engineer]=$ENG_TOKEN [client]=$TOKEN_A)
ROLES=(admin planner lead engineer client)
while read -r method path body want_admin want_planner want_lead want_engineer want_client; do
  [ -n "$method" ] || continue
  path=${path//@T1/$T1}
  path=${path//@ENG/$ENGINEER}
  path=${path//@A/$CLIENT_A}
  body=${body//@ENG/$ENGINEER}
  wants=("$want_admin" "$want_planner" "$want_lead" "$want_engineer" "$want_client")
  for i in 0 1 2 3 4; do
    [ "$body" = - ] && b="" || b=$body
    api "$method" "$path" "${TOKENS[${ROLES[$i]}]}" "$b"
    [ "$STATUS" = "${wants[$i]}" ] ||
      fail "matrix: ${ROLES[$i]} $method $path: $STATUS, expected ${wants[$i]}: $(head -c 200 "$WORK/body")"
  done
done <<MATRIX
GET /metrics - 200 403 403 403 403
GET /api/v1/engineers - 200 200 200 200 403
GET /api/v1/engineers/@ENG - 200 200 200 200 403
GET /api/v1/engineers/@ENG/roster - 200 200 200 200 403
GET /api/v1/clients - 200 200 200 200 200
GET /api/v1/clients/@A - 200 200 200 200 200
GET /api/v1/projects - 200 200 200 403 200
GET /api/v1/rosters/current - 200 200 200 200 403
GET /api/v1/plan-runs - 200 200 200 403 403
GET /api/v1/tickets - 200 200 200 200 200
GET /api/v1/tickets/@T1 - 200 200 200 200 200
GET /api/v1/tickets/@T1/events - 200 200 200 200 200
GET /api/v1/tickets/@T1/sla - 200 200 200 200 200
GET /api/v1/tickets/@T1/comments - 200 200 200 200 200
GET /api/v1/sla - 200 200 200 403 200
GET /api/v1/tokens - 200 403 403 403 403
POST /api/v1/tickets/@T1/assign {"engineer":"@ENG"} 409 403 409 403 403
POST /api/v1/tickets/@T1/accept - 409 403 409 409 403
POST /api/v1/tickets/@T1/resume - 409 403 409 409 409
POST /api/v1/tickets/@T1/close - 409 403 409 403 409
POST /api/v1/tickets/@T1/comments {"body":"x"} 201 403 201 201 201
POST /api/v1/plan-runs {"roster_weeks":9} 400 400 403 403 403
POST /api/v1/tokens {"role":"bogus"} 400 403 403 403 403
MATRIX

# --- Catalogue of invalid requests --------------------------------------------------------------
{ printf '{"title":"'; head -c 1500000 /dev/zero | tr '\0' 'a'; printf '"}'; } >"$WORK/big.json"
DEEP=$(printf '[%.0s' $(seq 1 40))$(printf ']%.0s' $(seq 1 40))
GOOD="\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"x\""
n=0
bad() {  # bad STATUS DESCRIPTION METHOD PATH TOKEN [BODY [TYPE]]
  local want=$1 what=$2
  shift 2
  api "$@"
  expect_error "$want" "invalid request: $what"
  n=$((n + 1))
}
api DELETE "/api/v1/tokens/$(jq -r '.items[] | select(.role=="planner") | .id' <(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/api/v1/tokens"))" "$ADMIN"
expect_status 200 "admin revokes the planner token"
bad 401 "no token" GET /api/v1/tickets ""
bad 401 "wrong scheme" GET /api/v1/tickets "" && true
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Basic abc" "http://127.0.0.1:$PORT/api/v1/tickets")
expect_error 401 "basic auth is not a bearer token"
bad 401 "unknown token" GET /api/v1/tickets "rcc_not-a-token"
bad 401 "revoked token" GET /api/v1/tickets "$PLANNER"
bad 400 "malformed JSON" POST /api/v1/tickets "$LEAD" '{"client":'
[ "$(field .details.position)" -gt 0 ] || fail "malformed JSON names its byte position"
bad 400 "JSON too deep" POST /api/v1/tickets "$LEAD" "$DEEP"
bad 400 "unknown field" POST /api/v1/tickets "$TOKEN_A" "{$GOOD,\"colour\":\"red\"}"
[ "$(field .details.field)" = /colour ] || fail "unknown field is named: $(field .details.field)"
bad 400 "missing title" POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P3\"}"
bad 400 "empty title" POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"\"}"
bad 400 "title too long" POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"$(head -c 201 /dev/zero | tr '\0' t)\"}"
bad 400 "priority P9" POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P9\",\"title\":\"x\"}"
bad 400 "unknown skill" POST /api/v1/tickets "$TOKEN_A" '{"skill":"no.such","priority":"P3","title":"x"}'
bad 400 "unknown client" POST /api/v1/tickets "$LEAD" "{$GOOD,\"client\":\"nobody\"}"
bad 400 "lead without client" POST /api/v1/tickets "$LEAD" "{$GOOD}"
bad 400 "min_level 9" POST /api/v1/tickets "$TOKEN_A" "{$GOOD,\"min_level\":9}"
bad 400 "min_level as text" POST /api/v1/tickets "$TOKEN_A" "{$GOOD,\"min_level\":\"3\"}"
bad 400 "min_level huge" POST /api/v1/tickets "$TOKEN_A" "{$GOOD,\"min_level\":99999999999999999999}"
bad 400 "body is an array" POST /api/v1/tickets "$TOKEN_A" '[1,2]'
bad 400 "empty body" POST /api/v1/tickets "$TOKEN_A"
bad 400 "invalid UTF-8" POST /api/v1/tickets "$TOKEN_A" "$(printf '{"title":"\xff\xfe"}')"
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN_A" \
  -H "Content-Type: application/json" --data-binary @"$WORK/big.json" "http://127.0.0.1:$PORT/api/v1/tickets")
expect_error 413 "invalid request: body over the limit"
n=$((n + 1))
bad 415 "not JSON" POST /api/v1/tickets "$TOKEN_A" "$GOOD" text/plain
bad 403 "client creates for another client" POST /api/v1/tickets "$TOKEN_A" "{$GOOD,\"client\":\"$CLIENT_B\"}"
bad 403 "engineer creates a ticket" POST /api/v1/tickets "$ENG_TOKEN" "{$GOOD}"
bad 404 "unknown ticket" GET /api/v1/tickets/999999 "$ADMIN"
bad 404 "ticket id not a number" GET /api/v1/tickets/abc "$ADMIN"
bad 404 "unknown action" POST "/api/v1/tickets/$T2/explode" "$ADMIN"
bad 405 "wrong method" DELETE /api/v1/tickets "$ADMIN"
bad 404 "unknown path" GET /api/v2/tickets "$ADMIN"
bad 409 "close an open ticket" POST "/api/v1/tickets/$T2/close" "$LEAD"
bad 409 "resolve a ticket nobody accepted" POST "/api/v1/tickets/$T2/resolve" "$LEAD"
bad 400 "assign to an unknown engineer" POST "/api/v1/tickets/$T2/assign" "$LEAD" '{"engineer":"E99999"}'
bad 400 "assign without engineer" POST "/api/v1/tickets/$T2/assign" "$LEAD"
bad 400 "accept with an engineer" POST "/api/v1/tickets/$T2/accept" "$LEAD" "{\"engineer\":\"$ENGINEER\"}"
bad 400 "limit 0" GET "/api/v1/tickets?limit=0" "$ADMIN"
bad 400 "garbage cursor" GET "/api/v1/tickets?cursor=zz" "$ADMIN"
bad 400 "unknown query parameter" GET "/api/v1/tickets?colour=red" "$ADMIN"
bad 400 "unknown status" GET "/api/v1/tickets?status=bogus" "$ADMIN"
bad 400 "roster with unknown engineer" POST /api/v1/rosters "$ADMIN" '{"shifts":[{"engineer":"E99999","date":"2027-01-04","shift":"M","skill":"x"}]}'
[ "$(field .details.field)" = /shifts/0/engineer ] || fail "roster error names /shifts/0/engineer"
bad 400 "roster with a bad date" POST /api/v1/rosters "$ADMIN" "{\"shifts\":[{\"engineer\":\"$ENGINEER\",\"date\":\"2027-02-30\",\"shift\":\"M\",\"skill\":\"$SKILL\"}]}"
bad 400 "roster with both shifts and plan run" POST /api/v1/rosters "$ADMIN" '{"shifts":[],"plan_run":"x"}'
bad 400 "roster from an unknown plan run" POST /api/v1/rosters "$ADMIN" '{"plan_run":"run_none"}'
bad 400 "plan run with too many weeks" POST /api/v1/plan-runs "$ADMIN" '{"roster_weeks":99}'
[ "$(field .details.field)" = /roster_weeks ] || fail "plan run error names /roster_weeks"
bad 400 "plan run with an unknown option" POST /api/v1/plan-runs "$ADMIN" '{"weeks":1}'
bad 400 "plan run with a fractional move budget" POST /api/v1/plan-runs "$ADMIN" '{"roster_moves":5000.5}'
bad 400 "plan run with unknown shift patterns" POST /api/v1/plan-runs "$ADMIN" '{"shift_patterns":"some"}'
bad 400 "token for an unknown client" POST /api/v1/tokens "$ADMIN" '{"role":"client","client":"nobody"}'
bad 404 "revoke an unknown token" DELETE /api/v1/tokens/tok_nothing "$ADMIN"
bad 404 "unknown plan run" GET /api/v1/plan-runs/run_none "$ADMIN"
[ "$n" -ge 30 ] || fail "the catalogue has only $n invalid requests"

api GET /healthz ""
expect_status 200 "the server is healthy after the catalogue"

# --- Plan run as a background job, then published ----------------------------------------------
api POST /api/v1/plan-runs "$ADMIN" '{"roster_weeks":1,"roster_moves":20000}'
expect_status 202 "a plan run starts"
RUN=$(field .id)
wait_for_plan_run "$ADMIN" "/api/v1/plan-runs/$RUN"
[ "$(field .status)" = succeeded ] || fail "plan run: $(field .status) $(field .error)"
[ "$(field .result.roster.shifts)" -gt 0 ] || fail "the plan run rostered shifts"
[ "$(field '.result.stages | map(.status) | unique | join(",")')" = ok ] || fail "every stage of the plan run is ok"
[ "$(field '.result.roster | has("assignments")')" = false ] || fail "the roster's shifts only with ?include=roster"
api GET "/api/v1/plan-runs/$RUN?include=roster" "$ADMIN"
[ "$(field '.result.roster.assignments | length')" = "$(field .result.roster.shifts)" ] ||
  fail "?include=roster gives every shift"
api POST /api/v1/rosters "$ADMIN" "{\"plan_run\":\"$RUN\"}"
expect_status 201 "the plan run's roster is published"

api GET /metrics "$ADMIN"
grep -q '^rcc_http_requests_total{route="/api/v1/tickets",method="POST",status="4xx"}' "$WORK/body" ||
  fail "metrics count rejected ticket creations"
grep -q '^rcc_tickets{status="closed"} 1' "$WORK/body" || fail "metrics count the closed ticket"

# Tokens are stored as hashes only: no secret is anywhere in the database files.
for secret in "$ADMIN" "$LEAD" "$TOKEN_A"; do
  if cat "$WORK"/rcc.db* | grep -qaF -- "$secret"; then fail "a token secret is stored in clear"; fi
done

stop_server
grep -q "rcc serve: stopped" "$WORK/server.log" || fail "graceful stop on SIGTERM"
finish
