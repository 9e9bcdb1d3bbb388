// The neighbourhoods of SplitResolver and their widening (resolve.h).
#include <algorithm>

#include "staffing/resolve.h"

namespace rcc::staffing {
namespace {

// A neighbourhood grows from a role costing more than its LP share, through the engineers its
// candidates share with other roles, in random order (seeded: the same plan every run when no
// time limit cuts in), up to this many roles and candidates.
constexpr size_t kHoodRoles = 24, kHoodCandidates = 3000;
// Candidates per role that widening adds: the cheapest whose reduced cost is below the gap.
constexpr int kWidenedCandidates = 50;

}  // namespace

std::vector<int> SplitResolver::grow_hood(int seed, int round) {
  const auto& columns = model_.columns;
  std::vector<int> hood{seed};
  in_hood_[seed] = round;
  size_t size = open_of_group_[seed].size();
  for (size_t q = 0; q < hood.size() && hood.size() < kHoodRoles; ++q) {
    std::vector<int> next;
    for (int c : open_of_group_[hood[q]]) {
      if (columns[c].engineer < 0) continue;
      for (int d : open_of_engineer_[columns[c].engineer]) next.push_back(columns[d].group);
    }
    std::shuffle(next.begin(), next.end(), rng_);
    for (int t : next) {
      if (in_hood_[t] == round || hood.size() == kHoodRoles ||
          size + open_of_group_[t].size() > kHoodCandidates) {
        continue;
      }
      in_hood_[t] = round;
      hood.push_back(t);
      size += open_of_group_[t].size();
    }
  }
  return hood;
}

// A seed is drawn by how much it costs above its LP share, less often each time its
// neighbourhood gained nothing: the plan's unfilled heads go first, and a split that no
// neighbourhood mends does not take every round.
SplitResolver::Step SplitResolver::neighbourhood(int round) {
  const auto& columns = model_.columns;
  const int n_groups = model_.n_groups();
  std::vector<double> share(n_groups, 0.0);
  for (const auto& [c, count] : units_) share[columns[c].group] += columns[c].cost * count;
  double total = 0;
  for (int g = 0; g < n_groups; ++g) {
    if (demand_[g] > 0) total += std::max(0.0, share[g] - lp_share_[g] - 1e-6) * chance_[g];
  }
  if (total <= 0) return Step::stop;
  double pick = std::uniform_real_distribution<double>(0.0, total)(rng_);
  int seed = -1;
  for (int g = 0; g < n_groups && seed < 0; ++g) {
    if (demand_[g] == 0) continue;
    pick -= std::max(0.0, share[g] - lp_share_[g] - 1e-6) * chance_[g];
    if (pick <= 0 && share[g] > lp_share_[g] + 1e-6) seed = g;
  }
  if (seed < 0) return Step::skipped;
  const auto hood = grow_hood(seed, round);
  std::vector<int> set;
  Units before;
  for (int g : hood) {
    for (int c : open_of_group_[g]) {
      set.push_back(c);
      if (const auto it = units_.find(c); it != units_.end()) before.insert(*it);
    }
  }
  for (const auto& [c, count] : before) take(c, -count);
  Units after;
  sub_mip_.solve(set, room_, demand_, before, std::min(search_.seconds_left(), 1.0), after);
  const double gain = after.empty() ? 0.0 : cost_of(model_, before) - cost_of(model_, after);
  const auto& chosen = gain > tolerance(now_) ? after : before;
  for (const auto& [c, count] : chosen) take(c, count);
  if (gain > tolerance(now_)) {
    now_ -= gain;
    for (int g : hood) chance_[g] = 1;
    return Step::gained;
  }
  chance_[seed] *= 0.25;
  return Step::idle;
}

// Once the neighbourhoods gain nothing more (or the heads re-solved are at their optimum), time
// is left and the branch and bound could not take the whole, the heads the plan keeps from the
// LP on engineers the re-solved heads could use are released too, and candidates below the gap
// join, so that neighbourhoods can move them: re-solved heads at their own optimum can still sit
// well above their share of the LP. False when there is nothing left to add.
bool SplitResolver::widen() {
  const auto& columns = model_.columns;
  // Where the branch and bound can take the whole, it proves what widening cannot.
  if (can_branch(branch_set(model_, lp_, now_ - target_).size(), search_.deadline)) return false;
  std::vector<int> widened;  // roles that now re-solve heads they did not
  int released = 0;
  for (auto it = kept_.begin(); it != kept_.end();) {
    const int c = it->first;
    const auto e = columns[c].engineer;
    if (e < 0 || open_of_engineer_[e].empty()) {
      ++it;
      continue;
    }
    const int g = columns[c].group;
    const int count = it->second;
    if (demand_[g] == 0) widened.push_back(g);
    demand_[g] += count;
    lp_share_[g] += columns[c].cost * count;
    // From kept to re-solved: what the engineer has left for the re-solved heads grows by what
    // the head takes, and `room_` stays as it is, the head now among `units_`.
    reserve(model_.slot_of(g), left_[e], -count);
    units_[c] += count;
    now_ += columns[c].cost * count;
    released += count;
    if (!is_open_[c]) open_candidate(c);
    it = kept_.erase(it);
  }
  // Every candidate of a re-solved role whose reduced cost is below the plan's gap may be in a
  // better plan (the branch and bound looks at the same ones over every role).
  target_ = lp_.bound - cost_of(model_, kept_);
  const double gap_now = now_ - target_;
  int added = 0;
  for (int g = 0; g < model_.n_groups(); ++g) {
    if (demand_[g] == 0) continue;
    int offered = 0;
    for (int c : model_.by_group[g]) {
      if (columns[c].cost - lp_.duals[g] >= gap_now - 1e-6 || offered == kWidenedCandidates) break;
      const auto e = columns[c].engineer;
      if (is_open_[c] || e < 0 || lp_.reduced_cost(model_, c) >= gap_now - 1e-6 ||
          heads_fitting(model_.slot_of(g), room_[e], 1) == 0)
        continue;
      open_candidate(c);
      ++offered;
      ++added;
    }
  }
  if (released == 0 && added == 0) return false;
  for (int g : widened) open_role(g);
  settled_ = false;
  std::fill(chance_.begin(), chance_.end(), 1.0);
  return true;
}

}  // namespace rcc::staffing
