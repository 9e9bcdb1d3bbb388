"""The staffing MIP written by rcc-bench-staffing, solved by HiGHS through scipy.optimize.milp.
Usage: staffing_highs.py MODEL_FILE TIME_LIMIT_SECONDS. Prints one JSON line."""
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csc_matrix

path, limit = sys.argv[1], float(sys.argv[2])
with open(path) as f:
    n, m, nnz = map(int, f.readline().split())
    cost = np.array(f.readline().split(), dtype=float)
    lower = np.array(f.readline().split(), dtype=float)
    upper = np.array(f.readline().split(), dtype=float)
    starts = np.array(f.readline().split(), dtype=np.int64)
    rows = np.array(f.readline().split(), dtype=np.int64)
    values = np.array(f.readline().split(), dtype=float)
    column_upper = np.array(f.readline().split(), dtype=float)
lower[lower <= -1e29] = -np.inf
a = csc_matrix((values, rows, starts), shape=(m, n))
started = time.perf_counter()
res = milp(cost, constraints=LinearConstraint(a, lower, upper), integrality=np.ones(n),
           bounds=Bounds(0, column_upper), options={"time_limit": limit, "disp": False})
seconds = time.perf_counter() - started
print(json.dumps({"solver": "highs", "columns": n, "rows": m,
                  "status": "optimal" if res.status == 0 else res.message,
                  "objective": None if res.x is None else round(float(res.fun), 1),
                  "bound": getattr(res, "mip_dual_bound", None),
                  "seconds": round(seconds, 3)}))
