# Runs every x-rcc-example of docs/openapi.json against a real server: the documented request, with
# a token of the documented role, must get the documented status and carry the documented members.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"
SPEC=$SRC/docs/openapi.json

serve_generated_center 60 2 7
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

substitute() {
  sed -e "s/@CLIENT/$CLIENT/g" -e "s/@SKILL/$SKILL/g" -e "s/@ENGINEER/$ENGINEER/g" \
    -e "s/@TICKET/$TICKET/g" -e "s/@TODAY/$(TZ=Asia/Karachi date +%F)/g" \
    -e "s/@YESTERDAY/$(TZ=Asia/Karachi date -d yesterday +%F)/g"
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
  count=$((count + 1))
done < <(jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[] |
  select(.value["x-rcc-example"]) | [$p, .key, (.value["x-rcc-example"] | tojson)] | @tsv' "$SPEC")
[ "$count" -ge 20 ] || fail "only $count examples in the OpenAPI file"
echo "$count OpenAPI examples run"
stop_server
finish
