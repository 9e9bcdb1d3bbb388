# rcc plan: the pipeline stages that exist, as a table or JSON, from a folder or the store.
source "$(dirname "$0")/lib.sh" "$@"

expect_exit 0 "$RCC" plan --roster-moves 300000 --data "$SRC/data/sample"
for text in "load       ok" "validate   ok" "capacity   ok" "forecast   ok" "shifts     ok" "roster     ok" "staffing   ok" "simulate   ok" \
            "Engineers by city" "Islamabad" "Lahore" "Karachi" "Headcount by skill and level" \
            "ran.5g" "Project demand / qualified supply per month" \
            "Engineers needed on shift per hour" "SLA attainment (response) per client and priority"; do
  expect_in "$WORK/out" "$text"
done

expect_exit 0 "$RCC" plan --roster-moves 300000 --data "$SRC/data/sample" --json
cp "$WORK/out" "$WORK/from-folder.json"
python3 - "$WORK/out" <<'PY' || fail "plan --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert [s["stage"] for s in d["stages"]] == ["capacity", "forecast", "shifts", "roster", "staffing", "simulate"], d["stages"]
assert all(s["status"] == "ok" for s in d["stages"]), d["stages"]
assert d["input"]["source"].endswith("data/sample") and "0 errors" in d["input"]["validation"]
assert d["options"]["roster_moves"] == 300000 and d["options"]["roster_weeks"] == 4
ro = d["roster"]
assert ro["engineers"] > 100 and ro["violations"] == 0, ro
sim = d["simulation"]
assert sim["tickets"] > 1000, sim["tickets"]
assert sum(x["tickets"] for x in sim["by_client_priority"]) == sim["tickets"]
assert {x["client"] for x in sim["by_client_priority"]} == {"najd", "emirlink", "dohawave", "muscatnet", "kuwaitconnect", "dilmun", "rafidain", "petra", "hejaz"}
cap = d["capacity"]
assert cap["engineers"] == 850
assert sum(cap["engineers_by_city"].values()) == 850
assert set(cap["engineers_by_city"]) == {"Islamabad", "Lahore", "Karachi"}
for row in cap["headcount"]:
    assert sum(row["by_level"]) == row["total"] == sum(row["by_city"].values()), row
for b in cap["demand_vs_supply"]:
    assert abs(b["gap_fte"] - max(0, b["demand_fte"] - b["supply_fte"])) < 0.011, b
PY

expect_exit 0 "$RCC" import "$SRC/data/sample" --db "$WORK/rcc.db"
expect_exit 0 "$RCC" plan --roster-moves 300000 --db "$WORK/rcc.db" --json
python3 - "$WORK/from-folder.json" "$WORK/out" <<'PY' || fail "plan --db differs from plan --data"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["capacity"] == b["capacity"]
assert a["forecast"] == b["forecast"]
assert a["shift_design"] == b["shift_design"]
assert a["roster"] == b["roster"]  # a move budget, not a clock: the same roster
assert a["simulation"] == b["simulation"]  # same seed, same center: same simulation
PY

expect_exit 2 "$RCC" plan --data "$SRC/tests/data/planted-errors"
expect_in "$WORK/err" "input rejected (5 errors)"
finish
