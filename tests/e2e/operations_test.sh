# rcc capacity and rcc simulate on the sample center.
source "$(dirname "$0")/lib.sh" "$@"

expect_exit 0 "$RCC" capacity --data "$SRC/data/sample"
expect_in "$WORK/out" "Engineers needed on shift per hour"
expect_in "$WORK/out" "noc.incident"
expect_in "$WORK/out" "Short of engineers"
expect_in "$WORK/out" "Shift design (set-covering MIP, CBC)"
expect_in "$WORK/out" "noc.incident              22:00 +9h"

expect_exit 0 "$RCC" capacity --data "$SRC/data/sample" --json --service-level 0.9 --shrinkage 0.2
python3 - "$WORK/out" <<'PY' || fail "capacity --json"
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["skills"]:
    assert len(s["engineers_needed"]) == 168 and len(s["arrivals_per_hour"]) == 168
    # Wherever tickets arrive someone must be on shift.
    assert all(n > 0 for n, a in zip(s["engineers_needed"], s["arrivals_per_hour"]) if a > 0)
for g in d["shortfalls"]:
    assert g["engineers_short"] > 0 and 1 <= g["hours"] <= 168
# The designed shifts cover every hour's need, and CBC proved them optimal.
for design, skill in zip(d["shift_design"], d["skills"]):
    assert design["skill"] == skill["skill"] and design["status"] == "optimal", design["status"]
    cover = [0] * 168
    day = {"Mon": 0, "Tue": 1, "Wed": 2, "Thu": 3, "Fri": 4, "Sat": 5, "Sun": 6}
    for s in design["shifts"]:
        start = day[s["weekday"]] * 24 + int(s["start"][:2])
        for k in range(s["minutes"] // 60):
            cover[(start + k) % 168] += s["engineers"]
    assert all(c >= n for c, n in zip(cover, skill["engineers_needed"]))
PY
expect_exit 2 "$RCC" capacity --data "$SRC/data/sample" --service-level 1.5

expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --weeks 2 --seed 3 --json --patience-minutes 60
cp "$WORK/out" "$WORK/a.json"
expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --weeks 2 --seed 3 --json --patience-minutes 60
python3 - "$WORK/a.json" "$WORK/out" <<'PY' || fail "simulate is not deterministic per seed"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
a.pop("elapsed_ms"); b.pop("elapsed_ms")
assert a == b
assert a["weeks"] == 2 and a["tickets"] > 8000
assert sum(x["abandoned"] for x in a["by_client_priority"]) > 0
for x in a["by_client_priority"]:
    assert 0 <= x["attainment"] <= 1
    assert x["answered"] + x["abandoned"] <= x["tickets"]
    r = x["resolution"]
    assert r["resolved"] <= x["answered"] and r["waited_on_client"] <= x["tickets"]
    assert r["resolved_in_target"] + sum(r["breaches"].values()) == r["resolved"]
# The default share of tickets waiting on the client (0.15) is what the run shows.
waited = sum(x["resolution"]["waited_on_client"] for x in a["by_client_priority"])
assert 0.12 < waited / a["tickets"] < 0.18, waited / a["tickets"]
PY
expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --json --client-wait-share 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(x["resolution"]["waited_on_client"] == 0 and x["resolution"]["breaches"]["waiting_on_client"] == 0 for x in d["by_client_priority"])' "$WORK/out" ||
  fail "simulate --client-wait-share 0"
expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --client-wait-minutes 600
expect_in "$WORK/out" "SLA attainment (resolution; time waiting on the client is off the clock)"
expect_exit 2 "$RCC" simulate --data "$SRC/data/sample" --client-wait-share 1.5
expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --roster coverage
expect_in "$WORK/out" "roster coverage"
expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --roster engine --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["roster"] == "engine" and d["rostered_shifts"] > 500, d["rostered_shifts"]' "$WORK/out" ||
  fail "simulate --roster engine"
expect_exit 0 "$RCC" capacity --data "$SRC/data/sample" --shift-patterns any
for policy in longest-idle least-loaded sla-risk-first; do
  expect_exit 0 "$RCC" simulate --data "$SRC/data/sample" --policy "$policy"
  expect_in "$WORK/out" "policy $policy"
done
expect_exit 2 "$RCC" simulate --data "$SRC/data/sample" --policy random
expect_exit 2 "$RCC" simulate --data "$SRC/data/sample" --weeks 0
finish
