# rcc report jobs: its totals equal the staffing of `rcc plan` with the same options, in every
# format; bad options and unwritable files exit 2 with nothing written.
source "$(dirname "$0")/lib.sh"
OPTIONS=(--data "$SRC/data/sample" --roster-weeks 1 --roster-moves 100000)

expect_exit 0 "$RCC" plan "${OPTIONS[@]}" --json
cp "$WORK/out" "$WORK/plan.json"
expect_exit 0 "$RCC" report jobs "${OPTIONS[@]}" --format json
cp "$WORK/out" "$WORK/jobs.json"
expect_exit 0 "$RCC" report jobs "${OPTIONS[@]}" --format csv --out "$WORK/jobs.csv"
expect_exit 0 "$RCC" report jobs "${OPTIONS[@]}" --format xlsx --out "$WORK/jobs.xlsx"
expect_in "$WORK/err" "rcc report jobs: wrote $WORK/jobs.xlsx"
expect_exit 0 "$RCC" report jobs "${OPTIONS[@]}" --out "$WORK/jobs.html"
expect_in "$WORK/jobs.html" "<h1>Jobs created: Regional Competence Center Pakistan</h1>"
grep -q "<script" "$WORK/jobs.html" && fail "jobs.html runs script"

/usr/bin/python3 - "$WORK/plan.json" "$WORK/jobs.json" "$WORK/jobs.csv" "$WORK/jobs.xlsx" \
  "$WORK/jobs.html" <<'PY' || fail "jobs report differs from the staffing plan"
import collections, csv, json, sys
import openpyxl
staffing = json.load(open(sys.argv[1]))["staffing"]
jobs = json.load(open(sys.argv[2]))
totals = jobs["totals"]
assert staffing["jobs_created"] > 0, "the sample creates no jobs: the test proves nothing"
assert totals["jobs_created"] == staffing["jobs_created"] == len(jobs["hires"])
assert totals["role_heads_by_source"] == staffing["slots_by_source"]
assert totals["fill_rate"] == staffing["fill_rate"]
assert jobs["hires_by"]["city"] == staffing["jobs_by_city"]
assert jobs["hires_by"]["project"] == staffing["jobs_by_project"]
assert jobs["hires_by"]["client_country"] == staffing["jobs_by_client_country"]
for key, counts in jobs["hires_by"].items():
    assert sum(counts.values()) == staffing["jobs_created"], key
sources = staffing["slots_by_source"]
assert totals["engineers_upskilled"] == sources.get("upskill", 0)
assert totals["engineers_retrained"] == sources.get("retrain", 0)
trained = [s for s in staffing["slots"] if s["source"] in ("upskill", "retrain")]
assert [(t["engineer"], t["role_head"]) for t in jobs["training"]] == \
    [(s["engineer"], s["slot"]) for s in trained]
by_skill = collections.Counter(h["skill"] for h in staffing["hires"])
assert jobs["hires_by"]["skill"] == dict(by_skill)
rows = list(csv.DictReader(open(sys.argv[3])))
kinds = collections.Counter(r["kind"] for r in rows)
assert kinds["hire"] == staffing["jobs_created"], kinds
assert kinds["upskill"] == sources.get("upskill", 0) and kinds["retrain"] == sources.get("retrain", 0)
book = openpyxl.load_workbook(sys.argv[4])
head = {r[0]: r[1] for r in book["Totals"].iter_rows(values_only=True) if r[0]}
assert head["Jobs created"] == staffing["jobs_created"], head
assert book["Hires"].max_row - 1 == staffing["jobs_created"]
assert book["Training"].max_row - 1 == len(trained)
assert book["Hires"].freeze_panes == "A2" and book["Hires"].auto_filter.ref
assert f'<b>{staffing["jobs_created"]}</b>Jobs created' in open(sys.argv[5]).read()
PY

expect_exit 2 "$RCC" report jobs "${OPTIONS[@]}" --format xlsx
expect_in "$WORK/err" "--format xlsx needs --out FILE"
expect_exit 2 "$RCC" report jobs "${OPTIONS[@]}" --out "$WORK/no/such/folder/jobs.html"
expect_in "$WORK/err" "no folder"
expect_exit 2 "$RCC" report jobs "${OPTIONS[@]}" --format pdf
expect_exit 2 "$RCC" report jobs --data "$WORK/missing" --format json
[ -z "$(ls -A "$WORK" | grep '^\.jobs')" ] || fail "a temporary file was left behind"
finish
