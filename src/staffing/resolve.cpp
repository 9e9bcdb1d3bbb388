#include "staffing/resolve.h"

#include <algorithm>
#include <cmath>

namespace rcc::staffing {
namespace {

// A released head's role offers at most this many other engineers: enough to move the head to
// someone free, few enough for CBC (a role of a common skill has hundreds at zero reduced cost).
constexpr int kReleasedCandidates = 20;
// CBC's first plans of the split roles come within a second; more time gained nothing.
constexpr double kSplitSeconds = 1.0;

}  // namespace

SplitResolver::SplitResolver(Search& search, SubMip& sub_mip, WholeHeads& whole_heads)
    : search_(search),
      model_(search.model),
      lp_(search.lp),
      sub_mip_(sub_mip),
      whole_heads_(whole_heads),
      split_(search.model.n_groups(), 0),
      zero_rc_(search.model.n_groups()),
      demand_(search.model.n_groups(), 0),
      left_(search.model.free),
      is_open_(search.model.columns.size(), 0),
      open_of_group_(search.model.n_groups()),
      open_of_engineer_(search.model.n_engineers),
      lp_share_(search.model.n_groups(), 0.0),
      in_hood_(search.model.n_groups(), -1),
      chance_(search.model.n_groups(), 1.0) {}

const std::vector<int>& SplitResolver::zero_rc_of(int g) {
  if (zero_rc_[g].empty()) {
    for (int c : model_.by_group[g]) {
      // By cost: no later one prices to zero.
      if (model_.columns[c].cost - lp_.duals[g] > 1e-6) break;
      if (model_.columns[c].engineer >= 0 && lp_.reduced_cost(model_, c) <= 1e-6) {
        zero_rc_[g].push_back(c);
      }
    }
  }
  return zero_rc_[g];
}

void SplitResolver::take(int c, int count) {
  if ((units_[c] += count) == 0) units_.erase(c);
  const auto e = model_.columns[c].engineer;
  if (e < 0) return;
  reserve(model_.slot_of(model_.columns[c].group), room_[e], count);
}

void SplitResolver::open_candidate(int c) {
  is_open_[c] = 1;
  open_.push_back(c);
  open_of_group_[model_.columns[c].group].push_back(c);
  if (model_.columns[c].engineer >= 0) open_of_engineer_[model_.columns[c].engineer].push_back(c);
}

// A role whose heads are re-solved from now on: hiring, leaving unfilled and its cheapest
// engineers of zero reduced cost that fit join the candidates.
void SplitResolver::open_role(int g) {
  for (int c : model_.by_group[g]) {
    if (model_.columns[c].engineer < 0 && !is_open_[c]) open_candidate(c);
  }
  int offered = 0;
  for (int c : zero_rc_of(g)) {
    if (offered == kReleasedCandidates) break;
    if (is_open_[c] || heads_fitting(model_.slot_of(g), room_[model_.columns[c].engineer], 1) == 0)
      continue;
    open_candidate(c);
    ++offered;
  }
}

// Splits, and the heads released with them; the LP's other whole heads are kept.
void SplitResolver::release() {
  const auto& columns = model_.columns;
  for (int c : lp_.columns) {
    const double x = lp_.value[c];
    if (std::abs(x - std::round(x)) > 1e-7) split_[columns[c].group] = 1;
  }
  std::vector<char> sharing(model_.n_engineers, 0);  // has a share of a split role in the LP
  for (int c : lp_.columns) {
    if (split_[columns[c].group] && columns[c].engineer >= 0 && lp_.value[c] > 1e-9) {
      sharing[columns[c].engineer] = 1;
    }
  }
  for (int g = 0; g < model_.n_groups(); ++g) demand_[g] = split_[g] ? model_.groups[g].heads : 0;
  for (int c : lp_.columns) {
    const auto count = static_cast<int>(std::lround(lp_.value[c]));
    if (split_[columns[c].group] || count == 0) continue;
    const auto e = columns[c].engineer;
    if (e >= 0 && sharing[e]) {
      demand_[columns[c].group] += count;
      open_.push_back(c);
      is_open_[c] = 1;
      continue;
    }
    kept_[c] = count;
    if (e < 0) continue;
    reserve(model_.slot_of(columns[c].group), left_[e], count);
  }
}

// Candidates of the roles solved again: hiring, leaving unfilled and engineers of zero reduced
// cost that fit (a released head's role only a few of them).
void SplitResolver::offer_released() {
  for (int g = 0; g < model_.n_groups(); ++g) {
    if (demand_[g] == 0) continue;
    for (int c : model_.by_group[g]) {
      if (model_.columns[c].engineer < 0) open_.push_back(c);
    }
    int offered = 0;
    for (int c : zero_rc_of(g)) {
      if (!split_[g] && offered == kReleasedCandidates) break;
      if (is_open_[c] ||
          heads_fitting(model_.slot_of(g), left_[model_.columns[c].engineer], 1) == 0)
        continue;
      open_.push_back(c);
      ++offered;
    }
  }
  for (int c : open_) {
    open_of_group_[model_.columns[c].group].push_back(c);
    if (model_.columns[c].engineer >= 0) open_of_engineer_[model_.columns[c].engineer].push_back(c);
  }
  room_ = left_;
}

// The released heads start where the LP has them and the split roles are solved at once around
// them (the plan before heads were released); a greedy serves what that leaves.
void SplitResolver::start() {
  const auto& columns = model_.columns;
  std::vector<double> strongest(model_.n_groups(), 0.0);
  for (int c : open_) {
    strongest[columns[c].group] = std::max(strongest[columns[c].group], lp_.value[c]);
  }
  std::vector<int> order;
  for (int g = 0; g < model_.n_groups(); ++g) {
    if (demand_[g] > 0) order.push_back(g);
  }
  // What the MIP below leaves unserved: split roles first, then by the LP's weight.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return split_[a] != split_[b] ? split_[a] > split_[b] : strongest[a] > strongest[b];
  });
  std::vector<int> split_set, split_demand(model_.n_groups(), 0);
  for (int c : open_) {
    const int g = columns[c].group;
    if (split_[g]) {
      split_set.push_back(c);
      split_demand[g] = demand_[g];
    } else if (lp_.value[c] > 0.5) {
      take(c, static_cast<int>(std::lround(lp_.value[c])));
    }
  }
  Units found;
  sub_mip_.solve(split_set, room_, split_demand, {},
                 std::min(search_.seconds_left(), kSplitSeconds), found);
  for (const auto& [c, count] : found) take(c, count);
  serve_greedily(order);
}

// Each head not yet served, roles in `order`, takes the first open candidate that fits, by LP
// weight then cost.
void SplitResolver::serve_greedily(const std::vector<int>& order) {
  const auto& columns = model_.columns;
  std::vector<int> served(model_.n_groups(), 0);
  for (const auto& [c, count] : units_) served[columns[c].group] += count;
  for (int g : order) {
    auto candidates = open_of_group_[g];
    std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
      const double wa = columns[a].engineer >= 0 ? lp_.value[a] : 0.0;
      const double wb = columns[b].engineer >= 0 ? lp_.value[b] : 0.0;
      return wa != wb ? wa > wb : columns[a].cost < columns[b].cost;
    });
    for (int h = served[g]; h < demand_[g]; ++h) {
      int chosen = -1;
      for (int c : candidates) {
        const auto e = columns[c].engineer;
        if (e >= 0 && heads_fitting(model_.slot_of(g), room_[e], 1) == 0) continue;
        chosen = c;
        break;
      }
      // No engineer of the set fits (the candidates of zero reduced cost are the contested
      // ones): the cheapest engineer who does joins the set, before a hire or nobody.
      for (int c : model_.by_group[g]) {
        if (columns[chosen].engineer >= 0 || columns[c].cost >= columns[chosen].cost) break;
        const auto e = columns[c].engineer;
        if (e < 0 || is_open_[c] || heads_fitting(model_.slot_of(g), room_[e], 1) == 0) continue;
        chosen = c;
        open_candidate(c);
        candidates.push_back(c);
        break;
      }
      take(chosen, 1);
    }
  }
}

// All heads solved again at once when they are few enough for CBC; else the master over
// engineers' whole heads plans first, and the neighbourhoods only go on when it is not proven
// optimal.
void SplitResolver::solve_again(const std::vector<int>& greedy) {
  const auto& options = model_.options;
  if (static_cast<long>(open_.size()) <= options.most_candidates_at_once) {
    Units found;
    settled_ = sub_mip_.solve(open_, left_, demand_, units_, search_.seconds_left(), found);
    if (!found.empty() && cost_of(model_, found) < now_) {
      for (const auto& [c, count] : Units(units_)) take(c, -count);
      for (const auto& [c, count] : found) take(c, count);
      now_ = cost_of(model_, units_);
    }
  } else if (options.master_in_integers) {
    whole_heads_.solve_master(greedy);
    from_master_ = whole_heads_.plan_in_integers();
    settled_ = search_.at_bound();
  }
}

// The neighbourhoods improve the master's plan when it is the better start: every head is then
// re-solved (none kept from the LP), with the master's candidates, each role's cheapest engineers
// of zero reduced cost that fit, hiring and leaving unfilled.
void SplitResolver::restart_from_master() {
  const auto& columns = model_.columns;
  kept_.clear();
  for (const auto& [c, count] : Units(units_)) take(c, -count);
  left_ = model_.free;
  room_ = model_.free;
  for (int g = 0; g < model_.n_groups(); ++g) demand_[g] = model_.groups[g].heads;
  for (const auto& [c, count] : from_master_) {
    if (!is_open_[c]) open_candidate(c);
    take(c, count);
  }
  std::fill(lp_share_.begin(), lp_share_.end(), 0.0);
  for (int c : lp_.columns) lp_share_[columns[c].group] += columns[c].cost * lp_.value[c];
  for (int g = 0; g < model_.n_groups(); ++g) open_role(g);
  target_ = lp_.bound;
  now_ = cost_of(model_, units_);
}

double SplitResolver::run(const std::vector<int>& greedy) {
  const auto& columns = model_.columns;
  release();
  offer_released();
  start();
  target_ = lp_.bound - cost_of(model_, kept_);
  now_ = cost_of(model_, units_);
  solve_again(greedy);
  // A plan this much above the LP bound is at the stronger bound, so optimal too.
  const double beyond_lp = search_.bound - lp_.bound;
  for (int c : lp_.columns) {
    if (split_[columns[c].group] || is_open_[c])
      lp_share_[columns[c].group] += columns[c].cost * lp_.value[c];
  }
  if (!settled_ && !from_master_.empty() &&
      cost_of(model_, from_master_) < cost_of(model_, kept_) + now_ - tolerance(now_)) {
    restart_from_master();
  }
  // Neighbourhoods in a row without a gain before the plan is widened or, when nothing is left
  // to widen, stops.
  constexpr int kPatience = 100;
  const auto done = [&] { return now_ <= target_ + beyond_lp + tolerance(lp_.bound); };
  for (;;) {
    for (int round = 0, idle = 0;
         !settled_ && !done() && idle < kPatience && search_.seconds_left() > 0; ++round) {
      const auto step = neighbourhood(round);
      if (step == Step::stop) break;
      if (step == Step::gained) idle = 0;
      if (step == Step::idle) ++idle;
    }
    if (done() || search_.seconds_left() <= 0 || !widen()) break;
  }
  // Heads kept, then the re-solved ones (released kept heads among them).
  std::vector<int> plan(model_.n_slots(), -1);
  give_heads(model_, kept_, plan);
  give_heads(model_, units_, plan);
  search_.incumbent.offer(model_, plan);
  return search_.incumbent.cost;
}

}  // namespace rcc::staffing
