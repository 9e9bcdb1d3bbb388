// A lower bound on the roster objective from the LP relaxation of the benchmark model (CLP),
// with the minimum-run rules left out (dropping constraints keeps it a valid bound). Printed
// beside the solver's objective so a planner sees how far from optimal a roster can be.
#pragma once

#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct BoundOptions {
  double time_limit_seconds = 10;
  long max_variables = 200000;  // above this the bound is not attempted
};

struct LpRelaxation {
  long bound = 0;
  // The duals of the cover rows, [day * shifts + shift]: what one more person on that shift
  // is worth. They start column generation's prices near the optimum instead of at the
  // degenerate duals of a master with one row per employee.
  std::vector<double> cover_duals;
};

// nullopt when the model is too large, the LP did not finish, or it proved the relaxation
// infeasible (then no roster satisfies even the relaxed rules).
std::optional<LpRelaxation> lp_relaxation(const Problem& problem, const BoundOptions& options = {});
std::optional<long> lp_lower_bound(const Problem& problem, const BoundOptions& options = {});

}  // namespace rcc::roster
