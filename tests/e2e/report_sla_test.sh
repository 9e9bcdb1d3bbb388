# rcc report sla: a client's month from the store's tickets, its figures recomputed independently
# from the rows (tests/e2e/sla_month.py); HTML without script or external file, rendered by
# headless chromium to PNG (kept in build/report-test) and PDF; bad client, month and folder.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/server_lib.sh"
OUT_DIR="$(dirname "$RCC")/report-test"
mkdir -p "$OUT_DIR"
"$RCC" generate --engineers 40 --clients 2 --seed 7 --out "$WORK/center" >/dev/null
"$RCC" import "$WORK/center" --db "$WORK/rcc.db" >/dev/null
CLIENT=$(jq -r '.clients[0].id' "$WORK/center/clients.json")
ZONE=$(jq -r '.clients[0].timezone' "$WORK/center/clients.json")
ENGINEER=$(sed -n 2p "$WORK/center/engineers.csv" | cut -d, -f1)
SKILL=$(sed -n 2p "$WORK/center/engineers.csv" | cut -d, -f6 | cut -d: -f1)
/usr/bin/python3 "$SRC/tests/e2e/sla_month.py" write "$WORK/rcc.db" "$CLIENT" "$ENGINEER" "$SKILL"

for month in 2026-10 2026-11; do
  expect_exit 0 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month "$month" \
    --format json
  /usr/bin/python3 "$SRC/tests/e2e/sla_month.py" check "$WORK/rcc.db" "$CLIENT" "$ZONE" \
    "$month" "$WORK/out" >/dev/null || fail "$month: the report differs from the tickets"
  cp "$WORK/out" "$WORK/$month.json"
done
# The recomputation tells months apart: November's report is not October's.
/usr/bin/python3 "$SRC/tests/e2e/sla_month.py" check "$WORK/rcc.db" "$CLIENT" "$ZONE" 2026-10 \
  "$WORK/2026-11.json" >/dev/null 2>&1 && fail "the check accepts another month's report"

expect_exit 0 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-10 \
  --out "$WORK/sla.html"
expect_in "$WORK/sla.html" "<h1>SLA report 2026-10: "
grep -Eiq '<script|<link|<img|src=|https?://' "$WORK/sla.html" &&
  fail "the SLA page loads something"
chromium --headless --no-sandbox --disable-gpu --window-size=1240,1754 \
  --screenshot="$OUT_DIR/sla-report.png" "file://$WORK/sla.html" >/dev/null 2>&1 ||
  fail "chromium cannot render the SLA page"
[ -s "$OUT_DIR/sla-report.png" ] || fail "no PNG of the SLA page"
expect_exit 0 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-10 \
  --format pdf --out "$OUT_DIR/sla-report.pdf"
[ "$(head -c 5 "$OUT_DIR/sla-report.pdf")" = "%PDF-" ] || fail "sla-report.pdf is no PDF"
expect_exit 0 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-10 \
  --format xlsx --out "$WORK/sla.xlsx"
/usr/bin/python3 - "$WORK/sla.xlsx" "$WORK/2026-10.json" <<'PY' || fail "sla.xlsx differs from the report"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
report = json.load(open(sys.argv[2]))
rows = list(book["By priority"].iter_rows(min_row=2, values_only=True))
assert [(r[0], r[3], r[4], r[5], r[7], r[8]) for r in rows] == [
    (p["priority"], p["tickets"], p["response"]["met"], p["response"]["breached"],
     p["resolution"]["met"], p["resolution"]["breached"]) for p in report["priorities"]], rows
assert book["Breaches"].max_row - 1 == len(report["breaches"])
assert book["By priority"].freeze_panes == "A2"
PY

# The same report to the client's own users in the API; another client's is 404.
OTHER=$(jq -r '.clients[1].id' "$WORK/center/clients.json")
ADMIN=$("$RCC" token create --db "$WORK/rcc.db" --role admin 2>/dev/null)
start_server "$WORK/rcc.db"
api POST /api/v1/tokens "$ADMIN" "{\"role\": \"client\", \"client\": \"$CLIENT\"}"
MINE=$(field .token)
api GET "/api/v1/clients/$CLIENT/sla-report?month=2026-10" "$MINE"
expect_status 200 "the client's own SLA report"
# Apart from the time it was made (and so the waits still running).
same='del(.generated) | del(.. | .waiting_on_client_seconds?)'
jq -S "$same" "$WORK/body" >"$WORK/api.json"
jq -S "$same" "$WORK/2026-10.json" >"$WORK/cli.json"
cmp -s "$WORK/api.json" "$WORK/cli.json" || fail "the API's report differs from rcc report sla"
api GET "/api/v1/clients/$OTHER/sla-report?month=2026-10" "$MINE"
expect_error 404 "another client's SLA report"
api GET "/api/v1/clients/$CLIENT/sla-report?month=2026-1" "$MINE"
expect_error 400 "a malformed month"
api GET "/api/v1/clients/$CLIENT/sla-report?month=2025-01" "$MINE"
expect_error 404 "a month without tickets"
stop_server

# Bad input: exit 2, a clear message, nothing written.
expect_exit 2 "$RCC" report sla --db "$WORK/rcc.db" --client nobody --month 2026-10
expect_in "$WORK/err" "--client nobody: no such client"
expect_exit 2 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2025-01 \
  --out "$WORK/empty.html"
expect_in "$WORK/err" "has no ticket opened in 2025-01"
[ -e "$WORK/empty.html" ] && fail "a report of a month without tickets was written"
expect_exit 2 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-13
expect_in "$WORK/err" "--month must be YYYY-MM"
expect_exit 2 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-10 \
  --format pdf
expect_exit 2 "$RCC" report sla --db "$WORK/rcc.db" --client "$CLIENT" --month 2026-10 \
  --out "$WORK/no/such/dir/sla.html"
finish
