// The heads the LP splits, solved again exactly; the others keep the LP's whole heads, except the
// heads of engineers the LP also gives a share of a split role: those are released and solved
// again too. Without the release the LP's own solution would not fit in what is left (an engineer
// half on a split 1.0-FTE role and whole on a 0.5-FTE one cannot take the split role whole), and
// the sub-MIP would sit far above the bound. Candidates: those of zero reduced cost (only those
// fit in a plan that costs the LP bound) that fit, hiring and leaving unfilled, and a released
// head's own engineer. A plan that then costs the LP bound is optimal.
//
// The heads to solve again: CBC solves them at once when they are few; otherwise the master over
// engineers' whole heads plans first, and neighbourhoods improve the plan, a few dozen roles tied
// by their engineers at a time, each solved exactly with the rest held. Internal to staffing.
#pragma once

#include <random>
#include <vector>

#include "staffing/sub_mip.h"
#include "staffing/whole_heads.h"

namespace rcc::staffing {

class SplitResolver {
 public:
  SplitResolver(Search& search, SubMip& sub_mip, WholeHeads& whole_heads);

  // Offers the plan to the search; returns the best plan's cost then.
  double run(const std::vector<int>& greedy);

 private:
  void release();
  void offer_released();
  void start();
  void serve_greedily(const std::vector<int>& order);
  void solve_again(const std::vector<int>& greedy);
  void restart_from_master();
  enum class Step { stop, gained, idle, skipped };
  Step neighbourhood(int round);
  std::vector<int> grow_hood(int seed, int round);
  bool widen();
  void open_candidate(int c);
  void open_role(int g);
  void take(int c, int count);  // count < 0 gives heads back
  const std::vector<int>& zero_rc_of(int g);

  Search& search_;
  const Candidates& model_;
  const CandidateLp& lp_;
  SubMip& sub_mip_;
  WholeHeads& whole_heads_;

  std::vector<char> split_;                // per role: the LP splits its heads
  std::vector<std::vector<int>> zero_rc_;  // per role, when asked
  std::vector<int> demand_;                // per role: heads solved again
  std::vector<std::vector<double>> left_;  // what the kept heads leave of each engineer-month
  Units kept_;                             // the LP's whole heads, kept
  std::vector<int> open_;                  // candidates of the heads solved again
  std::vector<char> is_open_;
  std::vector<std::vector<int>> open_of_group_, open_of_engineer_;
  Units units_;                            // heads per candidate of `open_`
  std::vector<std::vector<double>> room_;  // what kept and re-solved heads leave
  double target_ = 0;     // the re-solved heads' share of the LP bound: no plan of them costs less
  double now_ = 0;        // what the re-solved heads cost
  bool settled_ = false;  // the heads re-solved are at their optimum
  Units from_master_;     // the master's plan, every head
  std::vector<double> lp_share_;  // per role: its share of the LP's cost
  std::mt19937 rng_{1};
  std::vector<int> in_hood_;
  std::vector<double> chance_;
};

}  // namespace rcc::staffing
