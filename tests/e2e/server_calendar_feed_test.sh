# An engineer's secret calendar feed: issued by the engineer (or a planner), read without a token
# by a calendar app, parsed back with libical against the published roster; revoked, it is 404;
# another engineer's path with the same secret is 404; the store keeps only the secret's hash.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"
ICS_CHECK="$(dirname "$RCC")/tests/rcc-ics-check"

serve_generated_center 40 2 7
OTHER=$(jq -r '.items[1].id' "$WORK/body")
on_shift_roster "$ADMIN"
api POST /api/v1/rosters "$ADMIN" "$(cat "$WORK/roster.json")"
expect_status 201 "publish a roster"
api POST /api/v1/tokens "$ADMIN" "{\"role\": \"engineer\", \"engineer\": \"$ENGINEER\"}"
ME=$(field .token)
api POST /api/v1/tokens "$ADMIN" '{"role": "lead"}'
LEAD=$(field .token)

api POST "/api/v1/engineers/$OTHER/calendar-feed" "$ME"
expect_error 404 "an engineer cannot issue another engineer's feed"
api POST "/api/v1/engineers/$ENGINEER/calendar-feed" "$LEAD"
expect_error 403 "a lead issues no feeds"
api POST "/api/v1/engineers/$ENGINEER/calendar-feed" "$ME"
expect_status 201 "the engineer issues their feed"
URL=$(field .url)
SECRET=${URL#*key=}
[ "$(field .engineer)" = "$ENGINEER" ] || fail "feed names its engineer"
sqlite3 "$WORK/rcc.db" "SELECT hash FROM calendar_feeds" | grep -qF "$SECRET" &&
  fail "the store keeps the secret"
sqlite3 "$WORK/rcc.db" "SELECT count(*) FROM calendar_feeds WHERE revoked IS NULL" | grep -qx 1 ||
  fail "one feed in force"

# A calendar app: no token, the secret in the URL.
api GET "$URL" ""
expect_status 200 "the feed without a token"
curl -s -D "$WORK/headers" -o /dev/null "http://127.0.0.1:$PORT$URL"
grep -qi '^content-type: text/calendar' "$WORK/headers" || fail "feed is text/calendar"
mkdir -p "$WORK/feed"
cp "$WORK/body" "$WORK/feed/$ENGINEER.ics"
# Compare with the published roster, through libical and the tz database.
jq --arg e "$ENGINEER" '{roster: {assignments: [.shifts[] | select(.engineer == $e)]}}' \
  "$WORK/roster.json" >"$WORK/plan.json"
"$RCC" export --db "$WORK/rcc.db" --out "$WORK/exported" >/dev/null
"$ICS_CHECK" "$WORK/plan.json" "$WORK/exported/center.json" "$WORK/feed" >/dev/null ||
  fail "the feed differs from the published roster"

api GET "/api/v1/engineers/$OTHER/roster.ics?key=$SECRET" ""
expect_error 404 "another engineer's path with this secret"
api GET "/api/v1/engineers/$ENGINEER/roster.ics?key=wrong" ""
expect_error 404 "a wrong secret"
api GET "/api/v1/engineers/$ENGINEER/roster.ics" ""
expect_error 404 "no secret"

# A new URL ends the old one; revoking ends the new one.
api POST "/api/v1/engineers/$ENGINEER/calendar-feed" "$ADMIN"
expect_status 201 "an admin issues a new feed"
NEW_URL=$(field .url)
api GET "$URL" ""
expect_error 404 "the old URL after a new one"
api GET "$NEW_URL" ""
expect_status 200 "the new URL"
api DELETE "/api/v1/engineers/$ENGINEER/calendar-feed" "$ME"
expect_status 200 "the engineer revokes the feed"
[ "$(field .revoked)" != null ] || fail "revoked feed has its time"
api GET "$NEW_URL" ""
expect_error 404 "the feed after revocation"
api DELETE "/api/v1/engineers/$ENGINEER/calendar-feed" "$ME"
expect_error 404 "revoking twice"

# Revocation survives a restart.
stop_server
start_server "$WORK/rcc.db"
api GET "$NEW_URL" ""
expect_error 404 "the revoked feed after a restart"
stop_server
finish
