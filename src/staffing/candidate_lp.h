// The LP relaxation over every candidate, solved by row and column generation: the plan's first
// lower bound, its duals (which price every later phase) and the fractional plan they round.
// Internal to staffing. No I/O.
#pragma once

#include <algorithm>
#include <vector>

#include "staffing/candidates.h"

namespace rcc::staffing {

struct CandidateLp {
  bool optimal = false;  // over every candidate, not only those it holds
  // Its optimum when optimal; else the best Lagrangian bound of the duals of its rounds.
  double bound = 0;
  int rounds = 0;
  int rows = 0;
  std::vector<int> row_of;        // engineer-month (Candidates::em) -> capacity row, or -1
  std::vector<double> row_upper;  // of the capacity rows, which follow the n_groups role rows
  std::vector<int> columns;       // LP column -> candidate
  std::vector<char> in;           // per candidate: one of the LP's columns
  std::vector<double> value;      // per candidate: its value (0 outside the LP)
  std::vector<double> duals;      // per row; empty when the LP never finished a solve

  // Capacity duals are clamped to their sign: what the simplex leaves within tolerance above
  // zero would otherwise let a reduced cost drop below the slot bound used to stop pricing.
  double capacity_dual(int row) const { return std::min(duals[row], 0.0); }
  double reduced_cost(const Candidates& model, int c) const;
};

// Starts from the greedy plan's candidates (a candidate per slot) and stops at the deadline.
CandidateLp solve_candidate_lp(const Candidates& model, FillableFree& fillable_free,
                               const std::vector<int>& greedy, const Deadline& deadline);

}  // namespace rcc::staffing
