# rcc history: the real call-centre log, fitted and replayed.
source "$(dirname "$0")/lib.sh" "$@"
log="$SRC/tests/data/anonymous-bank/calls_990201.txt"

expect_exit 0 "$RCC" history "$log" --format anonymous-bank
expect_in "$WORK/out" "calls 1567: answered 1354, abandoned 197, phantom 16"
expect_in "$WORK/out" "Replay with the staffing the log shows (16 agents"
expect_in "$WORK/out" "mean absolute error per hour"

expect_exit 0 "$RCC" history "$log" --format anonymous-bank --json --seed 4
python3 - "$WORK/out" <<'PY' || fail "history --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["first_day"] == "1999-02-01" and d["days"] == 1
fit, rep = d["fit"], d["replay"]
assert abs(sum(fit["arrivals_per_hour_of_week"]) - 1567) < 1e-6
assert 150 < fit["handle_mean_s"] < 180
assert sum(h["calls"] for h in rep["by_hour"]) == 1567 - 16
assert 0 <= rep["simulated_abandon"] <= 1 and rep["wait_mae_s"] >= 0
PY

# rcc's own CSV format.
cat >"$WORK/h.csv" <<'CSV'
id,client,skill,priority,arrived,answered,abandoned,handle_seconds,engineer
T1,najd,core.ims,P1,2027-03-10T09:00:00+03:00,2027-03-10T09:02:00+03:00,,600,E00017
T2,najd,core.ims,P3,2027-03-10T09:30:00+03:00,,2027-03-10T09:40:00+03:00,,
T3,najd,core.ims,P2,2027-03-10T10:00:00+03:00,2027-03-10T10:00:30+03:00,,300,E00017
CSV
expect_exit 0 "$RCC" history "$WORK/h.csv" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["fit"]["calls"] == 3 and d["fit"]["abandoned"] == 1' "$WORK/out" ||
  fail "history rcc format"

printf 'id,client\nT1,najd\n' >"$WORK/bad.csv"
expect_exit 2 "$RCC" history "$WORK/bad.csv"
expect_in "$WORK/err" "bad.csv:1: error: missing column \"skill\""
expect_exit 2 "$RCC" history "$log"   # the bank log is not rcc's CSV
expect_exit 2 "$RCC" history "$WORK/h.csv" --format anonymous-bank
finish
