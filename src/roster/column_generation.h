// Column generation for the roster problem: a master LP over whole rows (one convexity row per
// employee, one cover row per day and shift with under/over slacks) solved with CLP, priced by
// the exact row programme (row_dp.h) against the cover duals, then the master solved as a MIP
// over the generated rows with CBC (price-and-branch). The LP value plus every employee's most
// negative reduced cost is a valid lower bound on the objective, usually far tighter than the
// compact LP relaxation's.
#pragma once

#include <cstdint>
#include <optional>

#include "roster/problem.h"

namespace rcc::roster {

struct ColumnGenerationOptions {
  double time_limit_seconds = 10;
  double mip_share = 0.4;         // of the time limit, kept for the MIP over the rows
  const Roster* start = nullptr;  // a roster whose rows seed the master and start the MIP
  std::uint64_t seed = 1;         // for the dives after the first
  // Caps of the pricing programme (row_dp.h); 0 prices exactly, the only way to a bound.
  int label_cap = 0;
  int group_cap = 0;
};

struct ColumnGenerationResult {
  std::optional<Roster> roster;       // the MIP's best roster, if any
  std::optional<double> lower_bound;  // Lagrangian bound, when pricing ran to the end of a round
  bool lp_optimal = false;            // no row with a negative reduced cost was left
  double root_seconds = 0;            // to the LP optimum (or the time limit)
  double dive_seconds = 0;
  bool dive_complete = false;  // a dive fixed a row for every employee and beat the start
  int dives = 0;
  int rounds = 0;
  int columns = 0;
};

// Needs a start roster whose rows all keep the hard rules (the master has no other way to
// cover an employee). Problems with fairness or change penalties are not modelled here.
ColumnGenerationResult price_and_branch(const Problem& problem,
                                        const ColumnGenerationOptions& options);

}  // namespace rcc::roster
