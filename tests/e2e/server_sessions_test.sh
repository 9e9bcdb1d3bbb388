# People logging in to the real server: `rcc user` from the command line, the session cookie and
# its flags, CSRF on changes, a client user fenced into its own client, revocation from another
# process reaching a running server, logout, and the dashboard's files with their headers.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"

# A stand-in for the built dashboard: the server's file serving, not the front end, is under test.
mkdir -p "$WORK/web/assets"
echo '<!doctype html><title>rcc</title><script type="module" src="/assets/app-1a2b.js"></script>' \
  >"$WORK/web/index.html"
echo 'console.log("rcc")' >"$WORK/web/assets/app-1a2b.js"

"$RCC" generate --engineers 60 --clients 2 --seed 5 --out "$WORK/center" >/dev/null
"$RCC" import "$WORK/center" --db "$WORK/rcc.db" >/dev/null
DB=$WORK/rcc.db

# --- rcc user ---------------------------------------------------------------------------------
printf 'lead password 1\n' | expect_exit 0 "$RCC" user create lead.sana --role lead --db "$DB"
expect_in "$WORK/out" "user lead.sana (lead) created"
printf 'lead password 1\n' | expect_exit 2 "$RCC" user create lead.sana --role lead --db "$DB"
expect_in "$WORK/err" "exists already"
printf 'short\n' | expect_exit 2 "$RCC" user create weak --role lead --db "$DB"
expect_in "$WORK/err" "at least 10 characters"
printf 'client password\n' | expect_exit 2 "$RCC" user create c.x --role client --client nope --db "$DB"
expect_in "$WORK/err" "known client id"
expect_exit 0 "$RCC" user list --db "$DB" --json
[ "$(jq -r '.[0].name' "$WORK/out")" = lead.sana ] || fail "user list names lead.sana"
grep -q argon2 "$WORK/out" && fail "user list shows a password hash"
sqlite3 "$DB" "SELECT password_hash FROM users" | grep -q '^\$argon2id\$' ||
  fail "the store keeps an Argon2id hash"
sqlite3 "$DB" "SELECT password_hash FROM users" | grep -q 'lead password' &&
  fail "the store keeps the password itself"

start_server "$DB" --web "$WORK/web"
ADMIN=$("$RCC" token create --db "$DB" --role admin 2>/dev/null)
sleep 0.5
api GET /api/v1/clients "$ADMIN"
CLIENT_A=$(field '.items[0].id')
CLIENT_B=$(field '.items[1].id')
printf 'client password\n' | "$RCC" user create noc.a --role client --client "$CLIENT_A" --db "$DB" >/dev/null
sleep 0.5  # the running server reads new users at its next tick

# login JAR NAME PASSWORD: keeps the cookie in JAR, the answer in $WORK/body.
login() {
  STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -c "$1" \
    -H 'Content-Type: application/json' \
    --data-binary "{\"name\":\"$2\",\"password\":\"$3\"}" "http://127.0.0.1:$PORT/api/v1/session")
}
# browser METHOD PATH JAR [CSRF [BODY]]: a call with the session cookie.
browser() {
  local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
  [ -n "${4-}" ] && args+=(-H "X-CSRF-Token: $4")
  [ -n "${5-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$5")
  STATUS=$(curl "${args[@]}" "http://127.0.0.1:$PORT$2")
}

# --- Login and the cookie ---------------------------------------------------------------------
login "$WORK/lead.jar" lead.sana 'wrong password'
expect_error 401 "a wrong password"
login "$WORK/lead.jar" lead.sana 'lead password 1'
expect_status 200 "lead.sana logs in"
LEAD_CSRF=$(field .csrf_token)
cookie=$(grep -i '^set-cookie:' "$WORK/headers")
for flag in HttpOnly SameSite=Strict Path=/ Max-Age=; do
  grep -q "$flag" <<<"$cookie" || fail "the session cookie lacks $flag: $cookie"
done
browser GET /api/v1/session "$WORK/lead.jar"
expect_status 200 "the cookie authenticates"
[ "$(field .user)" = lead.sana ] && [ "$(field .role)" = lead ] || fail "who am I: $(cat "$WORK/body")"

# --- CSRF ---------------------------------------------------------------------------------------
api GET /api/v1/engineers "$ADMIN"
SKILL=$(field '.items[0].skills[0].skill')
TICKET="{\"client\":\"$CLIENT_A\",\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"from the browser\"}"
browser POST /api/v1/tickets "$WORK/lead.jar" "" "$TICKET"
expect_error 403 "a change with the cookie but no X-CSRF-Token"
[ "$(field .code)" = csrf ] || fail "the refusal names csrf: $(cat "$WORK/body")"
browser POST /api/v1/tickets "$WORK/lead.jar" "$LEAD_CSRF" "$TICKET"
expect_status 201 "a change with the session's X-CSRF-Token"
TICKET_A=$(field .id)
browser POST /api/v1/tickets "$WORK/lead.jar" "$LEAD_CSRF" \
  "{\"client\":\"$CLIENT_B\",\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"other client\"}"
TICKET_B=$(field .id)

# --- A client user sees its own client only ------------------------------------------------------
login "$WORK/noc.jar" noc.a 'client password'
expect_status 200 "the client user logs in"
[ "$(field .client)" = "$CLIENT_A" ] || fail "the client user is bound to $CLIENT_A"
browser GET "/api/v1/tickets/$TICKET_A" "$WORK/noc.jar"
expect_status 200 "the client user sees its own ticket"
browser GET "/api/v1/tickets/$TICKET_B" "$WORK/noc.jar"
expect_error 404 "the client user cannot see another client's ticket"
browser GET /api/v1/tickets "$WORK/noc.jar"
[ "$(jq "[.items[] | select(.client != \"$CLIENT_A\")] | length" "$WORK/body")" = 0 ] ||
  fail "the client user's ticket list holds another client's ticket"

# --- Revocation from another process ------------------------------------------------------------
expect_exit 0 "$RCC" user revoke noc.a --db "$DB"
sleep 0.6
browser GET /api/v1/session "$WORK/noc.jar"
expect_error 401 "a revoked user's session ends within a tick"
login "$WORK/noc.jar" noc.a 'client password'
expect_error 401 "a revoked user cannot log in"

# --- Failed logins slow down ----------------------------------------------------------------------
for i in 1 2 3 4; do login "$WORK/x.jar" lead.sana "guess $i"; done
login "$WORK/x.jar" lead.sana 'lead password 1'
expect_error 429 "after repeated failures even the right password waits"
grep -qi '^retry-after:' "$WORK/headers" || fail "429 carries Retry-After"

# --- Logout ---------------------------------------------------------------------------------------
browser DELETE /api/v1/session "$WORK/lead.jar" "$LEAD_CSRF"
expect_status 200 "logout"
browser GET /api/v1/session "$WORK/lead.jar"
expect_error 401 "after logout the cookie is cleared"

# --- The dashboard's files ------------------------------------------------------------------------
page() { STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "http://127.0.0.1:$PORT$1"); }
page /
expect_status 200 "the dashboard's index"
grep -qi "^content-security-policy:.*script-src 'self'" "$WORK/headers" || fail "index has a strict CSP"
grep -qi "unsafe-inline" "$WORK/headers" && fail "the CSP allows inline code"
grep -qi '^cache-control: no-cache' "$WORK/headers" || fail "index is revalidated"
page /board/P1
expect_status 200 "a route of the page loads the page"
expect_in "$WORK/body" "<title>rcc</title>"
page /assets/app-1a2b.js
grep -qi '^cache-control:.*immutable' "$WORK/headers" || fail "hashed assets are cached for good"
grep -qi '^content-type: text/javascript' "$WORK/headers" || fail "scripts are text/javascript"
page /assets/missing.js
[ "$STATUS" = 404 ] || fail "a missing asset is 404, not the page ($STATUS)"
page /api/v1/nothing
[ "$STATUS" = 404 ] || fail "an unknown API path stays a JSON 404"

stop_server
finish
