"""Reads plan.xlsx back with openpyxl and compares its cells with plan.json: every roster cell,
every role head, every hire, the totals, the simulated SLA, and the coverage gaps recomputed
here from the roster's shifts and the center's shift types. Also that cells have real types
(dates are dates, counts are numbers), headers are frozen and tables filtered.

    python3 check_plan_xlsx.py PLAN_JSON PLAN_XLSX CENTER_JSON
"""
import collections
import datetime
import json
import sys

import openpyxl

plan = json.load(open(sys.argv[1]))
book = openpyxl.load_workbook(sys.argv[2])
center = json.load(open(sys.argv[3]))
failures = []


def check(ok, what):
    if not ok and len(failures) < 30:
        failures.append(what)


def rows(sheet):
    values = list(book[sheet].iter_rows(values_only=True))
    return values[0], values[1:]


def month(cell):
    check(isinstance(cell, datetime.datetime), f"{cell!r} is not a date cell")
    return cell.strftime("%Y-%m") if isinstance(cell, datetime.datetime) else None


def table_sheet(sheet, freeze):
    ws = book[sheet]
    check(ws.freeze_panes == freeze, f"{sheet}: frozen at {ws.freeze_panes}, not {freeze}")
    check(ws.auto_filter.ref is not None, f"{sheet}: no autofilter")


# Roster: every non-empty cell but leave is one shift of plan.json, and every shift is a cell.
roster = plan["roster"]
header, body = rows("Roster")
first = datetime.datetime.fromisoformat(roster["first_day"])
days = header[3:]
check(len(days) == roster["weeks"] * 7, "roster: one column per day")
for d, cell in enumerate(days):
    check(cell == first + datetime.timedelta(days=d), f"roster column {d} is {cell!r}")
cells = collections.Counter()
for row in body:
    for d, cell in enumerate(row[3:]):
        if cell is None or cell == "leave":
            continue
        shift, skill = cell.split(" ")
        cells[(row[0], days[d].date().isoformat(), shift, skill)] += 1
want = collections.Counter(
    (a["engineer"], a["date"], a["shift"], a["skill"]) for a in roster["assignments"])
check(cells == want, f"roster cells {sum(cells.values())} differ from the "
      f"{sum(want.values())} shifts of plan.json")
table_sheet("Roster", "D2")

# Staffing: one row per role head, in order.
staffing = plan["staffing"]
_, body = rows("Staffing")
check(len(body) == len(staffing["slots"]), "staffing: one row per role head")
for row, slot in zip(body, staffing["slots"]):
    got = (row[0], row[1], row[3], row[4], month(row[6]), month(row[7]), row[8], row[9], row[12])
    want = (slot["slot"], slot["project"], slot["skill"], slot["min_level"], slot["from"],
            slot["to"], slot["source"], slot["engineer"], slot["cost"])
    check(got == want, f"staffing row {got} != {want}")
    check(row[10].date().isoformat() == slot["ready"], f"{slot['slot']}: ready {row[10]}")
table_sheet("Staffing", "A2")

# Hiring: one row per hire, in order.
_, body = rows("Hiring")
check(len(body) == len(staffing["hires"]), "hiring: one row per hire")
for row, hire in zip(body, staffing["hires"]):
    got = (row[0], row[1], month(row[2]), month(row[3]), row[4], row[5], row[6] or "",
           row[9].split(", "))
    want = (hire["skill"], hire["level"], hire["joins"], hire["recruit_from"], hire["site"],
            hire["city"], hire["preferred_city"], hire["slots"])
    check(got == want, f"hire {got} != {want}")
table_sheet("Hiring", "A2")

# Jobs created: the headline and every breakdown equal plan.json's totals.
_, body = rows("Jobs created")
jobs = {"": {}}
section = ""
jobs[""]["Jobs created"] = book["Jobs created"]["B1"].value
for row in body:
    if row[0] is None:
        continue
    if row[1] in ("Jobs", "Heads"):
        section = row[0]
        jobs[section] = {}
    elif section and isinstance(row[1], (int, float)) and row[2] is None:
        jobs[section][row[0]] = row[1]
    elif not section:
        jobs[""][row[0]] = row[1]
check(jobs[""]["Jobs created"] == staffing["jobs_created"], "jobs created total")
check(abs(jobs[""]["Project fill rate"] - staffing["fill_rate"]) < 1e-12, "fill rate")
check(jobs["City"] == staffing["jobs_by_city"], f"jobs by city {jobs['City']}")
check(jobs["Project"] == staffing["jobs_by_project"], "jobs by project")
check(jobs["Client country"] == staffing["jobs_by_client_country"], "jobs by country")
check(jobs["Role heads filled by"] == staffing["slots_by_source"], "heads by source")
check(sum(jobs["Skill"].values()) == staffing["jobs_created"], "jobs by skill add up")

# Summary totals.
summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r[0]}
check(summary["Roster shifts"] == roster["shifts"], "summary: roster shifts")
check(summary["Roster places unfilled"] == roster["unfilled"], "summary: unfilled")
check(summary["Jobs created"] == staffing["jobs_created"], "summary: jobs")
check(summary["Engineers in the pool"] == plan["capacity"]["engineers"], "summary: engineers")
check(isinstance(summary["Plan from"], datetime.datetime), "summary: plan start is a date")

# SLA of the simulated week: every client and priority with tickets.
_, body = rows("SLA simulated week")
want = [s for s in plan["simulation"]["by_client_priority"] if s["tickets"] > 0]
check(len(body) == len(want), "sla: one row per client and priority with tickets")
for row, s in zip(body, want):
    got = (row[0], row[1], row[2], row[3], row[4], round(row[5], 12))
    expect = (s["client"], s["priority"], s["tickets"], s["answered"], s["answered_in_target"],
              round(s["attainment"], 12))
    check(got == expect, f"sla row {got} != {expect}")
table_sheet("SLA simulated week", "A2")
check(len(book["SLA simulated week"].conditional_formatting) > 0, "sla: no conditional format")

# Coverage: need from the forecast; rostered recomputed here from the roster's shifts.
types = {t["id"]: (int(t["start"][:2]) * 60 + int(t["start"][3:]), t["minutes"])
         for t in center["shift_types"]}
weeks = roster["weeks"]
on_shift = collections.defaultdict(lambda: [[0] * 168 for _ in range(weeks)])
for a in roster["assignments"]:
    day = (datetime.date.fromisoformat(a["date"]) - first.date()).days
    start, minutes = types[a["shift"]]
    begin = day * 1440 + start
    for m in range((begin + 59) // 60 * 60, begin + minutes, 60):
        hour = (m // 60) % (weeks * 168)
        on_shift[a["skill"]][hour // 168][hour % 168] += 1
_, body = rows("Coverage")
need = {s["skill"]: s["engineers_needed"] for s in plan["forecast"]["skills"]}
check(len(body) == 168 * len(need), "coverage: 168 hours per skill")
gaps = 0
for i, row in enumerate(body):
    skill, hour = row[0], i % 168
    fewest = min(week[hour] for week in on_shift[skill])
    check(row[3] == need[skill][hour], f"coverage {skill} hour {hour}: need {row[3]}")
    check(row[4] == fewest, f"coverage {skill} hour {hour}: rostered {row[4]} != {fewest}")
    check(row[5] == max(0, need[skill][hour] - fewest), f"coverage {skill} hour {hour}: gap")
    gaps += row[5] > 0
table_sheet("Coverage", "A2")

if failures:
    print("\n".join("FAIL: " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print(json.dumps({"roster_cells": sum(cells.values()), "role_heads": len(staffing["slots"]),
                  "hires": len(staffing["hires"]), "coverage_hours_short": gaps}))
