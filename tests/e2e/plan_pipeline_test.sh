# One pipeline: the same center, options and move budget give the same PlanResult through
# `rcc plan --json` and through a plan run over HTTP; and the options the CLI's flags and the
# API's plan-run body take come from one declaration.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"

"$RCC" generate --engineers 300 --clients 4 --seed 3 --out "$WORK/center" >/dev/null
"$RCC" import "$WORK/center" --db "$WORK/rcc.db" >/dev/null
ADMIN=$("$RCC" token create --db "$WORK/rcc.db" --role admin 2>/dev/null)

expect_exit 0 "$RCC" plan --db "$WORK/rcc.db" --roster-weeks 2 --roster-moves 60000 --seed 7 \
  --service-level 0.85 --json
cp "$WORK/out" "$WORK/cli.json"

start_server "$WORK/rcc.db"
api POST /api/v1/plan-runs "$ADMIN" \
  '{"roster_weeks":2,"roster_moves":60000,"seed":7,"service_level":0.85}'
expect_status 202 "the plan run starts"
RUN=$(field .id)
wait_for_plan_run "$ADMIN" "/api/v1/plan-runs/$RUN?include=roster"
[ "$(field .status)" = succeeded ] || fail "plan run: $(field .status) $(field .error)"
jq .result "$WORK/body" >"$WORK/http.json"

python3 - "$WORK/cli.json" "$WORK/http.json" <<'PY' || fail "rcc plan --json and the plan run differ"
import json, sys
TIMINGS = {"ms", "seconds", "seconds_by_step"}
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in TIMINGS}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
cli, http = (json.load(open(p)) for p in sys.argv[1:])
assert cli.pop("input")["source"].endswith("rcc.db")
assert [s["stage"] for s in cli["stages"]] == ["capacity", "forecast", "shifts", "roster", "staffing", "simulate"]
assert cli["options"] == {"service_level": 0.85, "shrinkage": 0.3, "shift_patterns": "center",
                          "roster_weeks": 2, "roster_moves": 60000, "seed": 7}, cli["options"]
assert len(cli["roster"]["assignments"]) == cli["roster"]["shifts"] > 0
for key in cli:
    assert strip(cli[key]) == strip(http.get(key)), key
assert set(cli) == set(http), set(cli) ^ set(http)
PY

# Each declared option: its flag and bounds in `rcc plan --help`, and just past its bound a 400
# that names it with the same bounds.
api GET /api/v1/plan-options "$ADMIN"
expect_status 200 "the plan options are listed"
cp "$WORK/body" "$WORK/options.json"
"$RCC" plan --help >"$WORK/help.txt"
n=0
while IFS=$'\t' read -r name type maximum unit; do
  flag="--${name//_/-}"
  expect_in "$WORK/help.txt" "$flag"
  [ "$type" = string ] && continue
  bounds=$(jq -r --arg n "$name" '.options[] | select(.name == $n) |
    "\(.minimum)..\(.maximum)" + (if .unit == "" then "" else " (\(.unit))" end)' "$WORK/options.json")
  expect_in "$WORK/help.txt" "[$bounds]"
  over=$(python3 -c "import sys; m=float(sys.argv[1]); print(int(m) + 1 if sys.argv[2] == 'integer' else m + 1)" "$maximum" "$type")
  api POST /api/v1/plan-runs "$ADMIN" "{\"$name\":$over}"
  expect_error 400 "$name past its bound"
  [ "$(field .details.field)" = "/$name" ] || fail "$name: the error names $(field .details.field)"
  grep -qF -- "$bounds" "$WORK/body" || fail "$name: the 400 lacks '$bounds': $(cat "$WORK/body")"
  expect_exit 2 "$RCC" plan --db "$WORK/rcc.db" "$flag" "$over"
  n=$((n + 1))
done < <(jq -r '.options[] | [.name, .type, (.maximum // ""), (.unit // "")] | @tsv' "$WORK/options.json")
[ "$n" -ge 5 ] || fail "only $n numeric options declared"

# The OpenAPI description of the plan-run body is the declaration too.
python3 - "$WORK/options.json" "$SRC/docs/openapi.json" <<'PY' || fail "docs/openapi.json and the declarations differ"
import json, sys
declared = json.load(open(sys.argv[1]))["options"]
spec = json.load(open(sys.argv[2]))
props = spec["paths"]["/api/v1/plan-runs"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]
assert list(props) == [o["name"] for o in declared], (list(props), declared)
for o in declared:
    p = props[o["name"]]
    assert p["type"] == o["type"] and p["default"] == o["default"], (p, o)
    if o["type"] == "string":
        assert p["enum"] == o["choices"], (p, o)
    else:
        assert p["minimum"] == o["minimum"] and p["maximum"] == o["maximum"], (p, o)
PY

stop_server
finish
