// The assignment MIP over a set of candidates, solved exactly by CBC from a start: the whole when
// it is small enough, else neighbourhood by neighbourhood. Internal to staffing. No I/O.
#pragma once

#include <vector>

#include "staffing/plans.h"

namespace rcc::staffing {

class SubMip {
 public:
  explicit SubMip(const Candidates& model) : model_(model) {}

  // The MIP over `set` with the given capacities and heads to serve per role (`demand`),
  // started from `start` (heads per candidate, where it lies in the set), within `seconds`. On a
  // solution, `units` holds the heads per candidate; returns whether it is proven optimal.
  bool solve(const std::vector<int>& set, const std::vector<std::vector<double>>& capacity,
             const std::vector<int>& demand, const Units& start, double seconds, Units& units);

  // Of the last model solved, and how many were.
  int variables = 0, constraints = 0;
  int solved = 0;

 private:
  const Candidates& model_;
};

// The candidates of the branch and bound over the whole: the LP's and every one whose reduced
// cost is below the gap between a plan and the LP bound, since a plan with any other costs at
// least the LP bound plus that reduced cost, no less than the plan.
std::vector<int> branch_set(const Candidates& model, const CandidateLp& lp, double gap);

// Whether CBC can take a model of that many candidates in the time left.
bool can_branch(size_t candidates, const Deadline& deadline);

}  // namespace rcc::staffing
