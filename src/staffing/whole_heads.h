// The bound with whole heads and the master over engineers' whole heads (Dantzig-Wolfe). Relax
// the role rows at prices (each head of a role earns its price) and every engineer takes the best
// *whole* heads that fit in every month: the LP lets an engineer of 1.0 FTE take a 0.6 head and
// 0.8 of a 0.5 one, here it is one or the other. Each engineer's choice is found by a small
// depth-first search over the candidates priced below zero. With the LP's duals as prices this is
// already a bound; the best prices come from a master LP whose columns are such choices
// ("patterns": an engineer's whole heads, at most one pattern per engineer) beside hiring and
// leaving unfilled, grown by the patterns each round's prices find until none prices below its
// engineer's convexity dual. Each round's prices give a bound (the Lagrangian), and the last one
// is the master's optimum; the master solved in integers is also a plan (docs/staffing.md).
// Internal to staffing. No I/O.
#pragma once

#include <utility>
#include <vector>

#include "lp/model.h"
#include "lp/simplex.h"
#include "staffing/plans.h"

namespace rcc::staffing {

struct Pattern {
  model::EngineerIdx engineer = -1;        // -1: a hire or unfilled candidate, any number of heads
  std::vector<std::pair<int, int>> units;  // (candidate, heads)
};

class WholeHeads {
 public:
  WholeHeads(Search& search, FillableFree& fillable_free);

  // The bound at the LP's duals (the LP optimal); its patterns start the master.
  double bound_at_lp_duals();
  // The master's rounds from the greedy plan, the LP's patterns and solution; raises the
  // search's bound, to the master's optimum when the rounds converge.
  void solve_master(const std::vector<int>& greedy);
  // The master in integers, offered to the search; its heads per candidate (none without a plan).
  Units plan_in_integers();

  int rounds = 0;
  long patterns() const { return static_cast<long>(patterns_.size()); }
  double objective_in_integers = 0;  // 0 when it did not plan

 private:
  void add_pattern(Pattern p);
  void add_lp_patterns();
  double price(const double* role_duals, bool lp_fallback, std::vector<Pattern>& found);
  double master_patterns(const double* at, const double* prices, std::vector<Pattern>& found);

  Search& search_;
  const Candidates& model_;
  FillableFree& fillable_free_;
  std::vector<Pattern> patterns_;  // the master's columns
  std::vector<Pattern> first_patterns_;
  std::vector<int> convexity_row_;
  StaffingMip master_;  // kept for the master in integers
  std::vector<double> master_upper_;
  lp::Simplex simplex_;
  bool exact_ = true;  // the last pricing searched every engineer to the end
};

}  // namespace rcc::staffing
