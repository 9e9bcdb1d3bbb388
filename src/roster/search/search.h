// The local search over rosters: simulated annealing over the small moves with exact moves
// interleaved (moves.h), the time shared between the two kinds by what each earns, weekend moves
// now and then, the best roster kept. Deterministic for a seed and an iteration budget. No I/O.
#pragma once

#include "roster/search/state.h"
#include "roster/solver.h"

namespace rcc::roster {

// How one stage of a solve runs: where its temperature starts, and how it reports progress when
// it searches a shaped copy of the problem or begins later in the run.
struct Stage {
  double start_temperature = 0;       // 0: the tuning's
  const Problem* reported = nullptr;  // progress gives this problem's objective, not the copy's
  double clock_offset = 0;            // seconds of the solve before the stage began
};

// One search from `start` (else the published roster, else a construction) for `seconds`.
SolveResult local_search(const Problem& problem, const SolveOptions& options, const Roster* start,
                         double seconds, bool weekend_moves, const Stage& stage);

}  // namespace rcc::roster
