"""The peer of bench/roster: a Curtois & Qu instance as one compact MIP (the rules of
shared/benchdata/curtois/BEST_KNOWN.md section 2.2, border exemptions included), solved by HiGHS
through scipy.optimize.milp with a time limit. Its own parser, so it checks rcc's reading too.
Usage: roster_highs.py INSTANCE_FILE TIME_LIMIT_SECONDS. Prints one JSON line."""
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def read(path):
    sections, current = {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            current = sections.setdefault(line, [])
            continue
        current.append(line.split(","))
    return sections


def main():
    path, limit = sys.argv[1], float(sys.argv[2])
    s = read(path)
    H = int(s["SECTION_HORIZON"][0][0])
    shifts = [r[0] for r in s["SECTION_SHIFTS"]]
    T = len(shifts)
    sidx = {t: k for k, t in enumerate(shifts)}
    length = [int(r[1]) for r in s["SECTION_SHIFTS"]]
    banned = [[sidx[u] for u in r[2].split("|") if u] if len(r) > 2 else [] for r in s["SECTION_SHIFTS"]]
    staff = s["SECTION_STAFF"]
    E = len(staff)
    eidx = {r[0]: k for k, r in enumerate(staff)}

    nvar = 0

    def new(count):
        nonlocal nvar
        first = nvar
        nvar += count
        return first

    x0 = new(E * H * T)  # x[i][d][t]

    def x(i, d, t):
        return x0 + (i * H + d) * T + t

    weeks = H // 7
    y0 = new(E * weeks)  # weekend worked
    u0 = new(H * T)  # cover under
    o0 = new(H * T)  # cover over
    cost = np.zeros(nvar)
    upper = np.ones(nvar)
    upper[u0:] = np.inf
    integral = np.ones(nvar)
    integral[u0:] = 0
    constant = 0.0
    rows, cols, vals, lo, hi = [], [], [], [], []

    def add(terms, low, high):
        r = len(lo)
        for c, v in terms:
            rows.append(r)
            cols.append(c)
            vals.append(v)
        lo.append(low)
        hi.append(high)

    def w(i, d):  # terms of "i works on day d"
        return [(x(i, d, t), 1.0) for t in range(T)]

    for i, r in enumerate(staff):
        maxs = {kv.split("=")[0]: int(kv.split("=")[1]) for kv in r[1].split("|")}
        maxmin, minmin, maxcons, mincons, minoff, maxwe = map(int, r[2:8])
        for d in range(H):
            add(w(i, d), 0, 1)
            if d + 1 < H:
                for t in range(T):
                    for u in banned[t]:
                        add([(x(i, d, t), 1.0), (x(i, d + 1, u), 1.0)], 0, 1)
        for t in range(T):
            add([(x(i, d, t), 1.0) for d in range(H)], 0, maxs[shifts[t]])
        add([(x(i, d, t), float(length[t])) for d in range(H) for t in range(T)], minmin, maxmin)
        for d in range(H - maxcons):  # any maxcons+1 consecutive days hold a day off
            add([term for k in range(maxcons + 1) for term in w(i, d + k)], 0, maxcons)
        # Interior runs: off d-1, work d..d+k-1, off d+k is forbidden for k < mincons, and the
        # mirror for days off; runs touching the horizon are exempt.
        for k in range(1, mincons):
            for d in range(1, H - k):
                terms = [(c, -v) for c, v in w(i, d - 1)] + [tm for j in range(d, d + k) for tm in w(i, j)]
                terms += [(c, -v) for c, v in w(i, d + k)]
                add(terms, -np.inf, k - 1)
        for k in range(1, minoff):
            for d in range(1, H - k):
                terms = w(i, d - 1) + [(c, -v) for j in range(d, d + k) for c, v in w(i, j)] + w(i, d + k)
                add(terms, -np.inf, 1)
        for k in range(weeks):
            y = y0 + i * weeks + k
            for d in (7 * k + 5, 7 * k + 6):
                add([(y, 1.0)] + [(c, -v) for c, v in w(i, d)], 0, np.inf)
        add([(y0 + i * weeks + k, 1.0) for k in range(weeks)], 0, maxwe)
    for r in s.get("SECTION_DAYS_OFF", []):
        i = eidx[r[0]]
        for d in r[1:]:
            for t in range(T):
                upper[x(i, int(d), t)] = 0
    for r in s.get("SECTION_SHIFT_ON_REQUESTS", []):
        i, d, t, q = eidx[r[0]], int(r[1]), sidx[r[2]], float(r[3])
        constant += q
        cost[x(i, d, t)] -= q
    for r in s.get("SECTION_SHIFT_OFF_REQUESTS", []):
        i, d, t, q = eidx[r[0]], int(r[1]), sidx[r[2]], float(r[3])
        cost[x(i, d, t)] += q
    for r in s.get("SECTION_COVER", []):
        d, t, req, wu, wo = int(r[0]), sidx[r[1]], int(r[2]), float(r[3]), float(r[4])
        cost[u0 + d * T + t] = wu
        cost[o0 + d * T + t] = wo
        add([(x(i, d, t), 1.0) for i in range(E)] + [(u0 + d * T + t, 1.0), (o0 + d * T + t, -1.0)], req, req)

    a = coo_matrix((vals, (rows, cols)), shape=(len(lo), nvar)).tocsr()
    started = time.perf_counter()
    res = milp(cost, constraints=LinearConstraint(a, np.array(lo), np.array(hi)), integrality=integral,
               bounds=Bounds(np.zeros(nvar), upper), options={"time_limit": limit, "disp": False})
    seconds = time.perf_counter() - started
    bound = getattr(res, "mip_dual_bound", None)
    print(json.dumps({"solver": "highs", "instance": path, "variables": nvar, "constraints": len(lo),
                      "status": "optimal" if res.status == 0 else str(res.message),
                      "objective": None if res.x is None else round(float(res.fun) + constant),
                      "bound": None if bound is None else round(float(bound) + constant, 1),
                      "seconds": round(seconds, 2)}))


main()
