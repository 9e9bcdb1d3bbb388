// Roster solver: a construction followed by simulated annealing over small moves (change one
// cell, swap two employees on a day, set or swap a block of days), each priced incrementally from
// the employees and days it touches. Hard constraints are penalised heavily during the search so
// it can cross infeasible regions; the best feasible roster is kept. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "roster/evaluator.h"
#include "roster/problem.h"

namespace rcc::roster {

struct SolveOptions {
  double time_limit_seconds = 10;
  std::uint64_t seed = 1;
  // Searches run side by side with seeds derived from `seed`; the best roster wins. Column
  // generation, when the problem is small enough for it, runs on the calling thread.
  int threads = 1;
  long max_iterations = 0;  // 0: until the time limit; otherwise also stop here (tests)
  // Called now and then with (seconds, best objective) when the best roster improves.
  std::function<void(double, long)> progress;
  // Minimal-change replanning: start from the published roster and add `change_penalty` to the
  // search cost for every cell that differs from it (the reported objective stays the
  // benchmark's; the number of changes is reported beside it).
  const Roster* published = nullptr;
  int change_penalty = 0;
};

enum class SolveStatus { feasible, infeasible, time_limit_without_feasible };

struct SolveResult {
  SolveStatus status = SolveStatus::infeasible;
  Roster roster;
  Evaluation evaluation;  // exact evaluation of `roster`
  double seconds_to_best = 0;
  long iterations = 0;
  int changed_cells = 0;  // cells that differ from the published roster, when one was given
  std::optional<double> lower_bound;  // from column generation, when it ran
};

SolveResult solve(const Problem& problem, const SolveOptions& options);

// Cost of one employee's row: hard-constraint violation amount (0 when all hold) and the
// weighted shift-on/off request penalty. Exposed for tests of the incremental pricing.
struct RowCost {
  long hard = 0;
  long requests = 0;
};
RowCost row_cost(const Problem& problem, int employee, const std::vector<ShiftIdx>& row);

}  // namespace rcc::roster
