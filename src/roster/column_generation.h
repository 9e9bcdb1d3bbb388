// Column generation for the roster problem: a master LP over whole rows (one convexity row per
// employee, one cover row per day and shift with under/over slacks) solved with CLP, priced by
// the exact row programme (row_dp.h) against the cover duals, then the master solved as a MIP
// over the generated rows with CBC (price-and-branch). The LP value plus every employee's most
// negative reduced cost is a valid lower bound on the objective, usually far tighter than the
// compact LP relaxation's.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct ColumnGenerationOptions {
  double time_limit_seconds = 10;
  double mip_share = 0.4;         // of the time limit, kept for the MIP over the rows
  const Roster* start = nullptr;  // a roster whose rows seed the master and start the MIP
  std::uint64_t seed = 1;         // for the dives after the first
  // Prices of the cover rows to start from (the compact LP relaxation's duals), if any.
  const std::vector<double>* start_duals = nullptr;
  // Weight of the best prices so far against the master's in the prices the rows are sought at
  // (0: at the master's duals alone).
  double smoothing = 0;
  // Caps of the pricing programme (row_dp.h); 0 prices exactly, the only way to a bound.
  int label_cap = 0;
  int group_cap = 0;
  bool cap_slow_pricing = false;  // cap pricing once an exact round takes long
  // Dives and the MIP over the rows after the root LP; without them the result is the root's
  // bound and its rounding (lp_rounding), for the local search to go on from.
  bool branch = true;
};

struct ColumnGenerationResult {
  std::optional<Roster> roster;       // the MIP's best roster, if any
  std::optional<double> lower_bound;  // Lagrangian bound, when pricing ran to the end of a round
  // Each employee's row of most weight in the root LP: a roster near the LP's optimum that may
  // break cover, for the local search to mend.
  std::optional<Roster> lp_rounding;
  bool lp_optimal = false;  // exact pricing found no row with a negative reduced cost
  double root_seconds = 0;  // to the LP optimum (or the time limit)
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
