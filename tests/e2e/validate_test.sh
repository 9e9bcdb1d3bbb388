# rcc validate: every planted error reported with its place, exit 2, nothing written.
source "$(dirname "$0")/lib.sh" "$@"

cp -r "$SRC/tests/data/planted-errors" "$WORK/ds"
before=$(cd "$WORK" && find ds -type f -exec sha256sum {} + | sort)

expect_exit 2 "$RCC" validate "$WORK/ds"
expect_in "$WORK/out" "5 errors, 0 warnings"
expect_in "$WORK/err" "ds/engineers.csv:5: error: column \"skills\": unknown skill \"ran.6g\""
expect_in "$WORK/err" "ds/engineers.csv:9: error: column \"leave\": leave ends (2027-06-02) before it starts (2027-06-14)"
expect_in "$WORK/err" "ds/clients.json:/clients/0/timezone: error: \"Asia/Riad\" is not a time zone of the tz database"
expect_in "$WORK/err" "ds/projects.json:/projects/0/roles/0/min_level: error: 7 is outside 1..5"
expect_in "$WORK/err" "ds/calendars/sa.json:/holidays/0/date: error: \"2027-02-30\" is not a date (YYYY-MM-DD)"
[ "$(grep -c ': error: ' "$WORK/err")" -eq 5 ] || fail "expected exactly 5 error lines"

expect_exit 2 "$RCC" validate --json "$WORK/ds"
python3 - "$WORK/out" <<'PY' || fail "validate --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["valid"] is False and d["errors"] == 5, d
places = sorted((x["file"].split("/ds/")[1], x.get("line"), x.get("path")) for x in d["diagnostics"])
assert places == [
    ("calendars/sa.json", None, "/holidays/0/date"),
    ("clients.json", None, "/clients/0/timezone"),
    ("engineers.csv", 5, None),
    ("engineers.csv", 9, None),
    ("projects.json", None, "/projects/0/roles/0/min_level"),
], places
PY

after=$(cd "$WORK" && find ds -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "validate changed the dataset folder"

# A syntax error is reported with line and column, and the other files are still checked.
printf '{"clients": [\n  {"id": "x",,}\n]}\n' >"$WORK/ds/clients.json"
expect_exit 2 "$RCC" validate "$WORK/ds"
expect_in "$WORK/err" "ds/clients.json:2:14: error: syntax error"
expect_in "$WORK/err" "ds/engineers.csv:5:"

expect_exit 0 "$RCC" validate "$SRC/data/sample"
finish
