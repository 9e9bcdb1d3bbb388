// Roster solver. Rows are built and re-planned by the exact row programme (row_dp.h), so every
// employee's contract holds throughout; a large-neighbourhood search alternates those moves
// (one employee's window re-planned against everybody else's cover; a few employees' windows
// ruined and rebuilt; a few employees' windows re-planned together by a small column generation,
// aimed at cells short of cover) with cheap annealed moves (change a cell, swap two employees'
// days), each priced from the rows it touches. Instances small enough get column generation between
// a first search and a polishing one: it often proves the roster optimal and gives a bound.
// Deterministic for a seed, a thread count and an iteration budget.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "lp/status.h"
#include "roster/column_generation.h"
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
  // Called about every thousand moves with the moves the search has made (progress bars).
  std::function<void(long)> moves_made;
  // Minimal-change replanning: add `change_penalty` to the cost of every cell that differs
  // from the published roster (the reported objective stays the benchmark's; the number of
  // changes is reported beside it). Under an iteration budget, or on problems too large for
  // column generation, the search starts from the published roster.
  const Roster* published = nullptr;
  int change_penalty = 0;
};

// optimal: the roster's objective meets the lower bound found; feasible: every hard rule holds;
// time_limit_without_solution: the limit came before a roster keeping every hard rule (the best
// roster found is still returned, with its violations).
using lp::SolveStatus;

struct SolveResult {
  SolveStatus status = SolveStatus::time_limit_without_solution;
  Roster roster;
  Evaluation evaluation;  // exact evaluation of `roster`
  double seconds_to_best = 0;
  long iterations = 0;
  int changed_cells = 0;  // cells that differ from the published roster, when one was given
  // A replan's own cost, objective + change penalties, and (column generation) its bound.
  std::optional<long> replan_cost;
  std::optional<double> replan_lower_bound;
  std::optional<double> lower_bound;                        // from column generation, when it ran
  std::optional<ColumnGenerationResult> column_generation;  // what it did, when it ran
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
