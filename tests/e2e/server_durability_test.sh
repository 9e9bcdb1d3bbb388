# Durability of rcc serve: tickets acknowledged with 201 while the server is killed with -9 are
# all there after a restart, each with its events; open tickets come back to their owners.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"

serve_generated_center 40 2 3

# Four writers create tickets as fast as they can; the server is killed under them.
writer() {
  local k=$1
  for i in $(seq 1 400); do
    code=$(curl -s -o "$WORK/w$k.body" -w '%{http_code}' --max-time 5 \
      -H "Authorization: Bearer $ADMIN" -H "Content-Type: application/json" \
      --data-binary "{\"client\":\"$CLIENT\",\"skill\":\"$SKILL\",\"priority\":\"P2\",\"title\":\"w$k-$i\"}" \
      "http://127.0.0.1:$PORT/api/v1/tickets") || true
    if [ "$code" = 201 ]; then
      jq -r .id "$WORK/w$k.body" >>"$WORK/acked"
    elif [ "$code" = 000 ]; then
      return 0  # the server is gone
    fi
  done
}
: >"$WORK/acked"
for k in 1 2 3 4; do writer "$k" & done
# Kill once a good number of tickets were acknowledged (or after 10 s at the latest).
for _ in $(seq 1 100); do
  [ "$(wc -l <"$WORK/acked")" -ge 150 ] && break
  sleep 0.1
done
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait
ACKED=$(wc -l <"$WORK/acked")
[ "$ACKED" -ge 50 ] || fail "only $ACKED tickets acknowledged before the kill"

start_server "$WORK/rcc.db"
missing=0
no_events=0
while read -r id; do
  api GET "/api/v1/tickets/$id" "$ADMIN"
  [ "$STATUS" = 200 ] || missing=$((missing + 1))
  api GET "/api/v1/tickets/$id/events" "$ADMIN"
  [ "$(field '[.items[].kind] | index("created")')" = 0 ] || no_events=$((no_events + 1))
done <"$WORK/acked"
[ "$missing" -eq 0 ] || fail "$missing of $ACKED acknowledged tickets lost by kill -9"
[ "$no_events" -eq 0 ] || fail "$no_events of $ACKED acknowledged tickets lost their events"
echo "kill -9: $ACKED tickets acknowledged, all present with their events after restart"

# A ticket accepted before a graceful restart keeps its engineer when the roster keeps them on.
on_shift_roster "$ADMIN"
api POST /api/v1/rosters "$ADMIN" "$(cat "$WORK/roster.json")"
expect_status 201 "roster published"
api POST /api/v1/tickets "$ADMIN" "{\"client\":\"$CLIENT\",\"skill\":\"$SKILL\",\"priority\":\"P1\",\"title\":\"keep\"}"
KEEP=$(field .id)
# Every engineer with the skill is busy with the tickets queued above: the lead assigns it.
api GET "/api/v1/engineers?skill=$SKILL&on_shift=true" "$ADMIN"
OWNER=$(field '.items[0].id')
api POST "/api/v1/tickets/$KEEP/assign" "$ADMIN" "{\"engineer\":\"$OWNER\"}"
expect_status 200 "the lead assigns the ticket"
api POST "/api/v1/tickets/$KEEP/accept" "$ADMIN"
expect_status 200 "accepted on behalf of the engineer"
stop_server
start_server "$WORK/rcc.db"
api GET "/api/v1/tickets/$KEEP" "$ADMIN"
[ "$(field .engineer)" = "$OWNER" ] || fail "after restart the owner is $(field .engineer), not $OWNER"
[ "$(field .status)" = in_progress ] || fail "after restart the status is $(field .status)"
stop_server
finish
