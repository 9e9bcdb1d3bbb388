# rcc plan --out DIR: the workbook read back with openpyxl and the roster calendars with libical,
# both compared with plan.json; a re-published roster keeps UIDs and raises SEQUENCE where a shift
# changed; a folder that cannot be written gets nothing half-written.
source "$(dirname "$0")/lib.sh"
ICS_CHECK="$(dirname "$RCC")/tests/rcc-ics-check"
CENTER="$SRC/data/sample/center.json"
# A stand-in for the built page (web/dist-plan/plan.html): the slot rcc fills is under test here,
# the page itself in the browser tests.
printf '<!doctype html><script type="application/json" id="rcc-plan">__RCC_PLAN_JSON__</script>\n' \
  >"$WORK/template.html"
export RCC_PLAN_TEMPLATE="$WORK/template.html"
plan() {  # plan MOVES DIR
  "$RCC" plan --data "$SRC/data/sample" --roster-weeks 2 --roster-moves "$1" --out "$2"
}

expect_exit 0 plan 200000 "$WORK/plan"
expect_in "$WORK/out" "rcc plan: wrote $WORK/plan: plan.json, plan.html, plan.xlsx"
/usr/bin/python3 - "$WORK/plan/plan.html" "$WORK/plan/plan.json" <<'PY' || fail "plan.html does not hold plan.json"
import json, re, sys
page = open(sys.argv[1]).read()
body = re.search(r'<script type="application/json" id="rcc-plan">(.*)</script>', page, re.S).group(1)
assert "<" not in body, "a '<' inside the embedded JSON could end the script"
embedded, plan = json.loads(body), json.load(open(sys.argv[2]))
assert embedded == plan, "the embedded plan differs from plan.json"
PY
for f in plan.json plan.html plan.xlsx rosters; do
  [ -e "$WORK/plan/$f" ] || fail "no $f"
done
[ -z "$(find "$WORK/plan" -name '.rcc-plan-*')" ] || fail "staging folder left behind"
/usr/bin/python3 "$SRC/tests/e2e/check_plan_xlsx.py" "$WORK/plan/plan.json" \
  "$WORK/plan/plan.xlsx" "$CENTER" >"$WORK/xlsx" || fail "plan.xlsx differs from plan.json"
"$ICS_CHECK" "$WORK/plan/plan.json" "$CENTER" "$WORK/plan/rosters" >"$WORK/ics" ||
  fail "roster calendars differ from plan.json"

# The checker itself fails on a calendar whose shift is an hour off.
cp -r "$WORK/plan" "$WORK/tampered"
calendars=("$WORK/tampered/rosters"/*.ics)
first=$(basename "${calendars[0]}")
sed -i '0,/^DTSTART;TZID=Asia\/Karachi:\(........T\)06/s//DTSTART;TZID=Asia\/Karachi:\107/' \
  "$WORK/tampered/rosters/$first"
sed -i '0,/^DTSTART;TZID=Asia\/Karachi:\(........T\)09/s//DTSTART;TZID=Asia\/Karachi:\110/' \
  "$WORK/tampered/rosters/$first"
cmp -s "$WORK/plan/rosters/$first" "$WORK/tampered/rosters/$first" && fail "tampering did nothing"
"$ICS_CHECK" "$WORK/plan/plan.json" "$CENTER" "$WORK/tampered/rosters" >/dev/null 2>&1 &&
  fail "the calendar check accepts a moved shift"

# Re-publishing a different roster into the same folder updates the events.
cp -r "$WORK/plan/rosters" "$WORK/before"
expect_exit 0 plan 100000 "$WORK/plan"
"$ICS_CHECK" "$WORK/plan/plan.json" "$CENTER" "$WORK/plan/rosters" --previous "$WORK/before" \
  >"$WORK/ics" || fail "re-published calendars: UIDs or SEQUENCE wrong"
/usr/bin/python3 "$SRC/tests/e2e/check_plan_xlsx.py" "$WORK/plan/plan.json" \
  "$WORK/plan/plan.xlsx" "$CENTER" >/dev/null || fail "re-published plan.xlsx"

# Publishing the same roster again changes no SEQUENCE.
cp -r "$WORK/plan/rosters" "$WORK/again"
expect_exit 0 plan 100000 "$WORK/plan"
expect_in "$WORK/out" "(0 events new or changed since the last publication)"

# Without a built page, everything but plan.html, and a word why.
RCC_PLAN_TEMPLATE="$WORK/none.html" expect_exit 0 plan 1000 "$WORK/no-page"
[ -e "$WORK/no-page/plan.html" ] && fail "plan.html without a template"
expect_in "$WORK/err" "plan.html not written: the web front end is not built"

# A folder that cannot be written: exit 2, named, nothing written.
touch "$WORK/a-file"
expect_exit 2 plan 1000 "$WORK/a-file/plan"
expect_in "$WORK/err" "--out $WORK/a-file/plan"
# A file that cannot replace what is there (a folder named plan.xlsx): nothing moved in.
mkdir -p "$WORK/blocked/plan.xlsx"
expect_exit 2 plan 1000 "$WORK/blocked"
expect_in "$WORK/err" "is a folder"
[ -z "$(ls -A "$WORK/blocked" | grep -v '^plan.xlsx$')" ] || fail "blocked: something was written"
[ -z "$(ls -A "$WORK/blocked/plan.xlsx")" ] || fail "blocked: plan.xlsx folder was written into"
finish
