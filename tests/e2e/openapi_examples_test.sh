# Runs every x-rcc-example of docs/openapi.json against a real server: the documented request, with
# a token of the documented role, must get the documented status, carry the documented members and
# match the schema the spec declares for that answer. Every operation has an id and an example.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"
SPEC=$SRC/docs/openapi.json

serve_generated_center 60 2 7
# The user of the login example; the running server sees it at its next tick.
printf 'example password\n' | "$RCC" user create example.lead --role lead --db "$WORK/rcc.db" >/dev/null
sleep 0.5
declare -A TOKENS=([admin]=$ADMIN)
for role in planner lead client engineer; do
  case $role in
    client) body="{\"role\":\"client\",\"client\":\"$CLIENT\"}" ;;
    engineer) body="{\"role\":\"engineer\",\"engineer\":\"$ENGINEER\"}" ;;
    *) body="{\"role\":\"$role\"}" ;;
  esac
  api POST /api/v1/tokens "$ADMIN" "$body"
  TOKENS[$role]=$(field .token)
done
api POST /api/v1/tickets "${TOKENS[client]}" "{\"skill\":\"$SKILL\",\"priority\":\"P3\",\"title\":\"example\"}"
TICKET=$(field .id)
api GET /api/v1/projects "$ADMIN"
PROJECT=$(field '.items[0].id')
api POST /api/v1/plan-runs "$ADMIN" '{"roster_weeks":1,"roster_moves":1000}'
PLAN_RUN=$(field .id)
api POST /api/v1/tokens "$ADMIN" '{"role":"planner","label":"to revoke"}'
REVOKED_TOKEN=$(field .id)

api GET "/api/v1/clients/$CLIENT" "$ADMIN"
CLIENT_ZONE=$(field .timezone)

substitute() {
  sed -e "s/@CLIENT/$CLIENT/g" -e "s/@SKILL/$SKILL/g" -e "s/@ENGINEER/$ENGINEER/g" \
    -e "s/@TICKET/$TICKET/g" -e "s/@PROJECT/$PROJECT/g" -e "s/@PLAN_RUN/$PLAN_RUN/g" \
    -e "s/@REVOKED_TOKEN/$REVOKED_TOKEN/g" -e "s/@TODAY/$(TZ=Asia/Karachi date +%F)/g" \
    -e "s/@YESTERDAY/$(TZ=Asia/Karachi date -d yesterday +%F)/g" \
    -e "s/@MONTH/$(TZ="$CLIENT_ZONE" date +%Y-%m)/g"
}
count=0
while IFS=$'\t' read -r path method example; do
  ex=$(substitute <<<"$example")
  role=$(jq -r '.as // empty' <<<"$ex")
  target=$(jq -r --arg p "$path" '.path // $p' <<<"$ex")
  body=$(jq -c '.body // empty' <<<"$ex")
  api "${method^^}" "$target" "${role:+${TOKENS[$role]}}" "$body"
  expect_status "$(jq -r .status <<<"$ex")" "openapi example $method $path"
  for key in $(jq -r '.keys // [] | .[]' <<<"$ex"); do
    jq -e --arg k "$key" 'has($k)' "$WORK/body" >/dev/null 2>&1 ||
      fail "openapi example $method $path: the answer lacks $key"
  done
  /usr/bin/python3 "$SRC/tests/e2e/openapi_validate.py" "$SPEC" "$method" "$path" "$STATUS" \
    "$WORK/body" || fail "openapi example $method $path: the answer does not match its schema"
  count=$((count + 1))
done < <(jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[] |
  select(.value["x-rcc-example"]) | [$p, .key, (.value["x-rcc-example"] | tojson)] | @tsv' "$SPEC")
operations=$(jq '[.paths[] | to_entries[] | select(.key | test("^(get|post|put|patch|delete)$"))] | length' "$SPEC")
[ "$count" -eq "$operations" ] || fail "$count examples for $operations operations in the OpenAPI file"
without_id=$(jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[] |
  select(.key | test("^(get|post|put|patch|delete)$")) | select(.value.operationId == null) |
  "\(.key) \($p)"' "$SPEC")
[ -z "$without_id" ] || fail "operations without an operationId: $without_id"
echo "$count OpenAPI examples run"
stop_server
finish
