# rcc staff: the project staffing plan on the sample center, exported as JSON and CSV and kept in
# the store; bad project data is refused with places.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$RCC" staff --data "$SRC/data/sample" --out "$WORK/staff"
expect_in "$WORK/out" "role heads, optimal"
expect_in "$WORK/out" "Jobs created:"
for f in staffing.json assignments.csv hires.csv; do
  [ -s "$WORK/staff/$f" ] || fail "rcc staff --out wrote no $f"
done
heads=$(grep -c '' "$WORK/staff/assignments.csv")
[ "$heads" -eq 185 ] || fail "assignments.csv has $heads lines, expected 184 role heads + header"
head -1 "$WORK/staff/hires.csv" | grep -q '^skill,level,joins,recruit_from,site,city,preferred_city,slots$' ||
  fail "hires.csv header"

expect_exit 0 "$RCC" --json staff --data "$SRC/data/sample"
if command -v jq >/dev/null; then
  [ "$(jq -r .status "$WORK/out")" = optimal ] || fail "status $(jq -r .status "$WORK/out")"
  [ "$(jq '.jobs_created == (.hires | length)' "$WORK/out")" = true ] || fail "jobs = hires"
  [ "$(jq '[.slots[] | select(.source == "unfilled" and (.why | length) == 0)] | length' "$WORK/out")" = 0 ] ||
    fail "every unfilled head says why"
fi

"$RCC" import "$SRC/data/sample" --db "$WORK/rcc.db" >/dev/null
expect_exit 0 "$RCC" staff --db "$WORK/rcc.db"
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$WORK/rcc.db" "SELECT COUNT(*) FROM results WHERE kind = 'staffing'")" = 1 ] ||
    fail "the staffing plan is kept in the store"
fi

# Bad project data: every error with its JSON path, exit 2.
cp -r "$SRC/data/sample" "$WORK/bad"
sed -i '0,/"headcount": [0-9]*/s//"headcount": -3/' "$WORK/bad/projects.json"
expect_exit 2 "$RCC" staff --data "$WORK/bad"
expect_in "$WORK/err" "projects.json:/projects/0/roles/0/headcount"
# A site's talent supply naming an unknown skill is refused with its JSON path.
cp -r "$SRC/data/sample" "$WORK/bad2"
sed -i '0,/"skill": "cloud.k8s"/s//"skill": "cloud.k9s"/' "$WORK/bad2/center.json"
expect_exit 2 "$RCC" staff --data "$WORK/bad2"
expect_in "$WORK/err" "/talent/0/skill"
finish
