// Lower bounds on the roster objective, printed beside the solver's objective so a planner sees
// how far from optimal a roster can be: the LP relaxation of the benchmark model (CLP), with the
// minimum-run rules left out, and the weekends alone as a MIP (CBC). Dropping constraints or
// terms that cannot be negative keeps each a valid bound.
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

// The weekends alone: every employee's Saturdays and Sundays of the whole weekends, with the
// weekend limit, days off, the shift types they may work, forbidden successions from Saturday
// to Sunday, shift-type caps and the most minutes, priced by those days' requests and cover;
// every other day and rule is dropped (their terms are never negative). Where the weekend limit
// binds, the cover the weekends cannot get is most of what a roster costs, and this MIP is far
// smaller than the whole model, whose LP does not finish there: Instance 19 (4,800 binaries)
// 2,805 in under a second, Instance 13 (8,640) 811 within 10 s. CBC's best bound when it stops
// (solved or not), rounded up; nullopt where the model is large or CBC proved nothing.
std::optional<long> weekend_lower_bound(const Problem& problem, const BoundOptions& options = {});

}  // namespace rcc::roster
