# The live stream (Server-Sent Events) of a real server: a change reaches the streams that may see
# it within a second, and never a stream of another client; an unauthenticated stream is refused;
# a stopping server ends its streams instead of waiting for them.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"

serve_generated_center 60 2 9
api GET /api/v1/clients "$ADMIN"
CLIENT_A=$(field '.items[0].id')
CLIENT_B=$(field '.items[1].id')
token() {
  api POST /api/v1/tokens "$ADMIN" "$1"
  field .token
}
LEAD=$(token '{"role":"lead"}')
TOKEN_A=$(token "{\"role\":\"client\",\"client\":\"$CLIENT_A\"}")
TOKEN_B=$(token "{\"role\":\"client\",\"client\":\"$CLIENT_B\"}")

# listen NAME TOKEN: the stream as TOKEN sees it, in $WORK/NAME.sse, until the test ends it.
STREAMS=()
listen() {
  curl -s -N -H "Authorization: Bearer $2" "http://127.0.0.1:$PORT/api/v1/stream" >"$WORK/$1.sse" &
  STREAMS+=($!)
}
listen lead "$LEAD"
listen a "$TOKEN_A"
listen b "$TOKEN_B"
for name in lead a b; do
  for _ in $(seq 1 50); do grep -q 'event: hello' "$WORK/$name.sse" 2>/dev/null && break; sleep 0.1; done
  grep -q 'event: hello' "$WORK/$name.sse" || fail "the $name stream opened"
done

api POST /api/v1/tickets "$TOKEN_A" "{\"skill\":\"$SKILL\",\"priority\":\"P2\",\"title\":\"stream me\"}"
expect_status 201 "client A opens a ticket"
ID=$(field .id)
started=$(date +%s%N)
arrived=""
for _ in $(seq 1 100); do
  if grep -q "\"id\":$ID," "$WORK/a.sse" && grep -q "\"id\":$ID," "$WORK/lead.sse"; then
    arrived=$(date +%s%N)
    break
  fi
  sleep 0.01
done
[ -n "$arrived" ] || fail "ticket $ID reached client A's and the lead's streams"
[ -n "$arrived" ] && echo "ticket event on the streams $(((arrived - started) / 1000000)) ms after its answer"
[ -n "$arrived" ] && [ $(((arrived - started) / 1000000)) -lt 1000 ] || fail "within a second"
sleep 0.3
grep -q "\"id\":$ID," "$WORK/b.sse" && fail "client B's stream carried client A's ticket"
grep "^data: " "$WORK/b.sse" | grep -q "\"client\":\"$CLIENT_A\"" && fail "client B saw client A"
grep "^data: {\"id\"" "$WORK/a.sse" | jq -e -R 'sub("^data: ";"") | fromjson | .status' >/dev/null ||
  fail "the stream's data is the ticket as JSON"

STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/api/v1/stream")
expect_error 401 "a stream without credentials"

# A revoked token's stream is ended with a last session-ended message, within a second or so.
api GET /api/v1/tokens "$ADMIN"
B_ID=$(jq -r --arg c "$CLIENT_B" '.items[] | select(.client == $c) | .id' "$WORK/body")
api DELETE "/api/v1/tokens/$B_ID" "$ADMIN"
for _ in $(seq 1 30); do grep -q 'event: session-ended' "$WORK/b.sse" && break; sleep 0.1; done
grep -q 'event: session-ended' "$WORK/b.sse" || fail "the revoked token's stream was ended"
grep -q 'event: session-ended' "$WORK/a.sse" && fail "another client's stream was ended too"

# Stopping with streams open: the server ends them and exits promptly.
began=$(date +%s)
stop_server
(($(date +%s) - began <= 5)) || fail "the server stopped within 5 s with streams open"
for pid in "${STREAMS[@]}"; do wait "$pid" 2>/dev/null || true; done
finish
