"""Test data and an independent check for `rcc report sla`.

    python3 sla_month.py write DB CLIENT ENGINEER SKILL   three months of tickets and events
    python3 sla_month.py check DB CLIENT TIMEZONE MONTH REPORT_JSON

`write` stores tickets of CLIENT opened from September to November 2026 (some answered late,
some never, some resolved late, some waiting on the client, some handed over, some opened
within an hour of a month's end in the client's zone) straight into the store's tables.
`check` recomputes the report's figures from those rows alone and compares.
"""
import datetime
import json
import random
import sqlite3
import sys
import zoneinfo

TARGETS = {0: (15, 240), 1: (30, 480), 2: (120, 1440), 3: (480, 4800)}  # minutes, by priority


def write(db, client, engineer, skill):
    rng = random.Random(7)
    con = sqlite3.connect(db)
    start = int(datetime.datetime(2026, 9, 1, tzinfo=datetime.timezone.utc).timestamp())
    end = int(datetime.datetime(2026, 11, 30, 20, tzinfo=datetime.timezone.utc).timestamp())
    opened_at = sorted(rng.randrange(start, end) for _ in range(240))
    # Within an hour of the end of October in Riyadh (UTC+3): 31 Oct 21:00Z is 1 Nov 00:00.
    opened_at += [int(datetime.datetime(2026, 10, 31, h, m, tzinfo=datetime.timezone.utc)
                      .timestamp()) for h, m in ((20, 30), (21, 30))]
    events = []
    for ticket, opened in enumerate(opened_at, start=1):
        priority = rng.randrange(4)
        response_target, resolution_target = (m * 60 for m in TARGETS[priority])
        response_due = opened + response_target
        resolution_due = opened + response_target + resolution_target
        fate = rng.random()
        responded = resolved = paused = None
        assigned = [opened + rng.randrange(0, response_target * 2)]
        if fate < 0.05:
            assigned = []  # never answered
        else:
            responded = assigned[0] + rng.randrange(30, response_target)
            if fate < 0.75:
                resolved = responded + rng.randrange(60, int(resolution_target * 1.3))
            elif fate < 0.85:
                paused = responded + 600  # still waiting on the client
            if 0.6 < fate < 0.75:
                assigned.append(responded + 1200)  # handed over
        status = ("resolved" if resolved else "waiting_on_client" if paused else
                  "in_progress" if responded else "open")
        con.execute(
            "INSERT INTO tickets VALUES (?,?,?,1,'',?,?,'',?,?,?,?,?,0,?,?,?,?,NULL,'none',1)",
            (ticket, client, skill, priority, f"ticket {ticket}", status,
             engineer if assigned else None, opened, response_due, resolution_due,
             responded or opened, paused, responded, resolved))
        ev = [(opened, "created")] + [(a, "assigned") for a in assigned]
        if responded:
            ev.append((responded, "accepted"))
            if resolved and fate < 0.3:  # waited on the client for an hour, then resumed
                ev += [(responded + 300, "waiting_on_client"), (responded + 3900, "resumed")]
        if paused:
            ev.append((paused, "waiting_on_client"))
        if resolved:
            ev.append((resolved, "resolved"))
        events += [(at, "system", "ticket", str(ticket), kind, "{}") for at, kind in sorted(ev)]
    con.executemany("INSERT INTO events (at, actor, entity, entity_id, kind, detail) "
                    "VALUES (?,?,?,?,?,?)", events)
    con.commit()


def check(db, client, zone, month, report_file):
    report = json.load(open(report_file))
    tz = zoneinfo.ZoneInfo(zone)
    now = datetime.datetime.fromisoformat(report["generated"].replace("Z", "+00:00")).timestamp()
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, priority, opened, response_due, resolution_due, paused_at, "
                       "responded_at, resolved_at FROM tickets WHERE client_id = ?", (client,))
    mine = [r for r in rows
            if datetime.datetime.fromtimestamp(r[2], tz).strftime("%Y-%m") == month]
    assert mine, "no tickets in the month: the check proves nothing"
    failures = []
    for p in range(4):
        want = {"tickets": 0, "rm": 0, "rb": 0, "sm": 0, "sb": 0, "wait": 0}
        for (tid, prio, opened, rdue, sdue, paused, responded, resolved) in mine:
            if prio != p:
                continue
            want["tickets"] += 1
            if responded is not None:
                want["rm" if responded <= rdue else "rb"] += 1
            elif now > rdue:
                want["rb"] += 1
            if paused is None:
                if resolved is not None:
                    want["sm" if resolved <= sdue else "sb"] += 1
                elif now > sdue:
                    want["sb"] += 1
            since = None
            for at, kind in con.execute("SELECT at, kind FROM events WHERE entity = 'ticket' AND "
                                        "entity_id = ? ORDER BY id", (str(tid),)):
                if kind == "waiting_on_client" and since is None:
                    since = at
                elif since is not None and kind in ("resumed", "resolved", "closed"):
                    want["wait"] += at - since
                    since = None
            if since is not None:
                want["wait"] += int(now) - since
        got = report["priorities"][p]
        have = {"tickets": got["tickets"], "rm": got["response"]["met"],
                "rb": got["response"]["breached"], "sm": got["resolution"]["met"],
                "sb": got["resolution"]["breached"], "wait": got["waiting_on_client_seconds"]}
        if have != want:
            failures.append(f"P{p + 1}: report {have}, recomputed {want}")
        for clock, met, breached in (("response", "rm", "rb"), ("resolution", "sm", "sb")):
            decided = want[met] + want[breached]
            expected = want[met] / decided if decided else None
            if got[clock]["attainment"] != expected:
                failures.append(f"P{p + 1} {clock} attainment {got[clock]['attainment']} != "
                                f"{expected}")
    breaches = sum(report["priorities"][p][c]["breached"] for p in range(4)
                   for c in ("response", "resolution"))
    if breaches != len(report["breaches"]):
        failures.append(f"{len(report['breaches'])} breaches listed, {breaches} counted")
    if breaches == 0 or not all(b["cause"] for b in report["breaches"]):
        failures.append("no breach, or one without a cause: the check proves little")
    if report["trend"][-1]["month"] != month or len(report["trend"]) != 6:
        failures.append("the trend ends with the report's month after five before it")
    if failures:
        sys.exit("\n".join(failures))
    print(json.dumps({"tickets": len(mine), "breaches": breaches}))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(*sys.argv[2:6])
    else:
        check(*sys.argv[2:7])
