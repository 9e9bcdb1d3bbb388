# rcc roster check / explain on the public benchmark.
source "$(dirname "$0")/lib.sh" "$@"
inst="$SRC/tests/data/curtois/Instance1.txt"

for _ in 1 2 3 4 5 6 7 8; do printf '\t\t\t\t\t\t\t\t\t\t\t\t\t\n'; done >"$WORK/off.txt"
expect_exit 3 "$RCC" roster check "$inst" "$WORK/off.txt"
expect_in "$WORK/out" "objective 7137 (INFEASIBLE)"
expect_in "$WORK/out" "min total minutes: employee A: 0 minutes, at least 3360"

expect_exit 3 "$RCC" roster explain "$inst" "$WORK/off.txt" --json
python3 - "$WORK/out" <<'PY' || fail "roster explain --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["objective"] == 7137 and not d["feasible"]
assert d["breakdown"] == {"shift_on_requests": 37, "shift_off_requests": 0, "cover_under": 7100, "cover_over": 0}
assert sum(p["penalty"] for p in d["penalties"]) == 7137
assert len(d["violations"]) == 8
PY

printf 'D\tD\n' >"$WORK/short.txt"
expect_exit 2 "$RCC" roster check "$inst" "$WORK/short.txt"
expect_in "$WORK/err" "short.txt:1: error: expected 14 tab-separated days, found 2"
printf 'SECTION_HORIZON\nfourteen\n' >"$WORK/bad.txt"
expect_exit 2 "$RCC" roster check "$WORK/bad.txt" "$WORK/off.txt"
expect_in "$WORK/err" "bad.txt:2: error: SECTION_HORIZON must hold one positive number of days"
# Solve Instance1 briefly: a feasible roster that check agrees with.
expect_exit 0 "$RCC" --json roster solve "$inst" --time 120 --moves 3000000 --seed 3 --out "$WORK/sol.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert 0 < d["bound"] <= 607 <= d["objective"], d' "$WORK/out" ||
  fail "solve --json: bound beside the objective"
expect_exit 0 "$RCC" roster check "$inst" "$WORK/sol.txt" --json
python3 - "$WORK/out" <<'PY' || fail "solved roster"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["feasible"] and 607 <= d["objective"] <= 800, d["objective"]
PY
expect_exit 2 "$RCC" roster solve "$inst" --time 0

# Sick leave: the first employee working day 6 gets it as a day off; replanning from the published
# roster changes a few cells, frees that day and says what changed.
python3 - "$inst" "$WORK/sol.txt" "$WORK/sick.txt" <<'PY' || fail "could not plant sick leave"
import sys
inst, sol, out = sys.argv[1:]
rows = [l.rstrip("\r\n").split("\t") for l in open(sol) if l.strip("\r\n")]
lines = open(inst, newline="").read().split("\r\n")
staff = [l.split(",")[0] for l in lines[lines.index("SECTION_STAFF") + 2:] if l and "," in l][:len(rows)]
sick = next(staff[i] for i, r in enumerate(rows) if r[6])
at = lines.index("SECTION_DAYS_OFF")
for k in range(at, len(lines)):
    if lines[k].startswith(sick + ","):
        lines[k] += ",6"
        break
open(out, "w", newline="").write("\r\n".join(lines))
open(out + ".who", "w").write(sick)
PY
expect_exit 3 "$RCC" roster check "$WORK/sick.txt" "$WORK/sol.txt"
expect_exit 0 "$RCC" --json roster solve "$WORK/sick.txt" --published "$WORK/sol.txt" --time 120 --moves 500000 --out "$WORK/replanned.txt"
python3 - "$WORK/out" "$WORK/sick.txt.who" <<'PY' || fail "replanning"
import json, sys
d = json.load(open(sys.argv[1])); who = open(sys.argv[2]).read()
assert d["feasible"], d
assert 0 < d["changed_cells"] <= 20, d["changed_cells"]
assert {"employee": who, "day": 6, "from": "D", "to": "off"} in d["changes"], d["changes"]
PY
# A move budget makes a seed reproducible.
expect_exit 0 "$RCC" roster solve "$inst" --time 120 --moves 200000 --seed 9 --out "$WORK/a.txt"
expect_exit 0 "$RCC" roster solve "$inst" --time 120 --moves 200000 --seed 9 --out "$WORK/b.txt"
cmp -s "$WORK/a.txt" "$WORK/b.txt" || fail "same seed and move budget gave different rosters"
finish
