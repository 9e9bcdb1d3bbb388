#include "staffing/whole_heads.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace rcc::staffing {
namespace {

// One engineer's candidates at prices: the least a plan can spend on the heads this engineer
// takes, each head of an item costing its price (< 0: its cost less its role's dual), within the
// engineer's capacity in every month, heads whole. Depth first, items in the order given
// (cheapest first), bounded by the prices left; nullopt after `most_nodes` steps.
struct PricedHeads {
  const Slot* slot;
  double price;
  int most;  // heads it can take at once
};
std::optional<double> least_priced_heads(const std::vector<PricedHeads>& items,
                                         std::vector<double> capacity, long most_nodes,
                                         std::vector<int>* best_heads) {
  const auto k = items.size();
  std::vector<double> rest(k + 1, 0.0);  // the least the items from i on could add
  for (size_t i = k; i-- > 0;) rest[i] = rest[i + 1] + items[i].price * items[i].most;
  double best = 0;
  long nodes = 0;
  std::vector<int> heads(k, 0);
  best_heads->assign(k, 0);
  const auto search = [&](const auto& self, size_t i, double value) -> bool {
    if (++nodes > most_nodes) return false;
    if (value < best) {
      best = value;
      *best_heads = heads;
    }
    if (i == k || value + rest[i] >= best - 1e-9) return true;
    const auto& slot = *items[i].slot;
    for (int x = heads_fitting(slot, capacity, items[i].most); x >= 1; --x) {
      for (int m = slot.first_month; m <= slot.last_month; ++m) capacity[m] -= slot.load[m] * x;
      heads[i] = x;
      const bool done = self(self, i + 1, value + items[i].price * x);
      heads[i] = 0;
      for (int m = slot.first_month; m <= slot.last_month; ++m) capacity[m] += slot.load[m] * x;
      if (!done) return false;
    }
    return self(self, i + 1, value);
  };
  if (!search(search, 0, 0.0)) return std::nullopt;
  return best;
}

// Past the first round an engineer whose search runs long can add no less than every candidate
// at its price, every head it could take.
double every_head(const std::vector<PricedHeads>& items) {
  double most = 0;
  for (const auto& item : items) most += item.price * item.most;
  return most;
}

// At the LP's duals, an engineer whose search runs long falls back on the LP's own share of them
// (capacity priced by its duals), which is still a bound.
double lp_share(const Candidates& model, const CandidateLp& lp, model::EngineerIdx e,
                const std::vector<PricedHeads>& items) {
  const int n_groups = model.n_groups();
  double share = 0;
  for (int m = 0; m < model.n_months; ++m) {
    const int r = lp.row_of[model.em(e, m)];
    if (r >= 0) share += lp.capacity_dual(r) * lp.row_upper[r - n_groups];
  }
  for (const auto& item : items) {
    double rc = item.price;
    for (int m = item.slot->first_month; m <= item.slot->last_month; ++m) {
      const int r = lp.row_of[model.em(e, m)];
      if (r >= 0) rc -= item.slot->load[m] * lp.capacity_dual(r);
    }
    share += std::min(0.0, rc) * item.most;
  }
  return share;
}

// Steps of one engineer's search before the fallback stands in.
constexpr long kMostNodes = 200000;

// The master's own duals swing far from good prices while it has few patterns, so each round
// prices at a point between the best prices so far and the master's (Wentges' smoothing): the
// share of the best prices in the point priced.
constexpr double kSmoothing = 0.8;

// Of the time left, what the master in integers may take; the neighbourhoods have the rest,
// from its plan.
constexpr double kMasterShareOfTime = 0.8;

}  // namespace

WholeHeads::WholeHeads(Search& search, FillableFree& fillable_free)
    : search_(search),
      model_(search.model),
      fillable_free_(fillable_free),
      convexity_row_(search.model.n_engineers, -1) {
  const int n_groups = model_.n_groups();
  master_.starts.push_back(0);
  master_.row_lower.assign(n_groups, 0);
  for (int g = 0; g < n_groups; ++g) master_.row_lower[g] = model_.groups[g].heads;
  master_.row_upper = master_.row_lower;
  simplex_.resize(n_groups, 0);
  simplex_.set_row_bounds(master_.row_lower.data(), master_.row_upper.data());
}

void WholeHeads::add_pattern(Pattern p) {
  const auto& columns = model_.columns;
  const auto first = master_.rows.size();
  double cost = 0;
  for (const auto& [c, k] : p.units) {
    master_.rows.push_back(columns[c].group);
    master_.values.push_back(k);
    cost += columns[c].cost * k;
  }
  // A hire or nobody: a column per role, as many heads as the role has.
  double upper = columns[p.units.front().first].most;
  if (p.engineer >= 0) {
    if (convexity_row_[p.engineer] < 0) {
      convexity_row_[p.engineer] = static_cast<int>(master_.row_lower.size());
      master_.row_lower.push_back(-1e30);
      master_.row_upper.push_back(1.0);
      const int none[2] = {0, 0};
      simplex_.add_rows(1, &master_.row_lower.back(), &master_.row_upper.back(), none, nullptr,
                        nullptr);
    }
    master_.rows.push_back(convexity_row_[p.engineer]);
    master_.values.push_back(1.0);
    upper = 1.0;
  }
  const int span[2] = {0, static_cast<int>(master_.rows.size() - first)};
  const double lower = 0;
  simplex_.add_columns(1, &lower, &upper, &cost, span, master_.rows.data() + first,
                       master_.values.data() + first);
  master_.starts.push_back(static_cast<long>(master_.rows.size()));
  master_.cost.push_back(cost);
  master_upper_.push_back(upper);
  patterns_.push_back(std::move(p));
}

// One round of pricing: the Lagrangian bound at role prices `role_duals`, and every engineer's
// best whole heads that price below zero, as a pattern. An engineer whose search runs past
// kMostNodes steps adds the fallback instead (at most a bound of what it could add); exact_ says
// whether any did.
double WholeHeads::price(const double* role_duals, bool lp_fallback, std::vector<Pattern>& found) {
  const auto& columns = model_.columns;
  exact_ = true;
  std::vector<std::vector<std::pair<PricedHeads, int>>> priced_of(model_.n_engineers);
  double lagrangian = 0;
  for (int g = 0; g < model_.n_groups(); ++g) {
    lagrangian += model_.groups[g].heads * role_duals[g];
    for (int c : model_.by_group[g]) {  // by cost
      const double price = columns[c].cost - role_duals[g];
      if (price >= -1e-9) break;
      if (columns[c].engineer < 0) {
        lagrangian += price * columns[c].most;  // hiring or leaving unfilled: no capacity
      } else {
        priced_of[columns[c].engineer].push_back({{&model_.slot_of(g), price, columns[c].most}, c});
      }
    }
  }
  const auto fallback = [&](model::EngineerIdx e, const std::vector<PricedHeads>& items) {
    return lp_fallback ? lp_share(model_, search_.lp, e, items) : every_head(items);
  };
  for (model::EngineerIdx e = 0; e < model_.n_engineers; ++e) {
    auto& priced = priced_of[e];
    if (priced.empty()) continue;
    std::sort(priced.begin(), priced.end(),
              [](const auto& a, const auto& b) { return a.first.price < b.first.price; });
    std::vector<PricedHeads> items;
    for (const auto& item : priced) items.push_back(item.first);
    std::vector<double> capacity(model_.n_months);
    for (int m = 0; m < model_.n_months; ++m) capacity[m] = std::max(0.0, fillable_free_(e, m));
    std::vector<int> heads;
    // Past the time limit the fallback stands in for every engineer left: still a bound.
    const long steps = search_.seconds_left() > 0 ? kMostNodes : 0;
    const auto least = least_priced_heads(items, std::move(capacity), steps, &heads);
    lagrangian += least ? std::max(*least, fallback(e, items)) : fallback(e, items);
    exact_ = exact_ && least.has_value();
    Pattern p{e, {}};
    double value = 0;
    for (size_t i = 0; i < heads.size(); ++i) {
      if (heads[i] == 0) continue;
      p.units.emplace_back(priced[i].second, heads[i]);
      value += items[i].price * heads[i];
    }
    if (value < -1e-6) found.push_back(std::move(p));
  }
  return lagrangian;
}

double WholeHeads::bound_at_lp_duals() {
  return price(search_.lp.duals.data(), true, first_patterns_);
}

// Each engineer's best pattern at role prices `at` (returning their Lagrangian bound), kept in
// `found` when the master's duals `prices` price it below zero (convexity duals included).
double WholeHeads::master_patterns(const double* at, const double* prices,
                                   std::vector<Pattern>& found) {
  const auto& columns = model_.columns;
  const double lagrangian = price(at, false, found);
  std::erase_if(found, [&](const Pattern& p) {
    const int convexity = convexity_row_[p.engineer];
    double rc = convexity < 0 ? 0.0 : -std::min(0.0, prices[convexity]);
    for (const auto& [c, k] : p.units) rc += (columns[c].cost - prices[columns[c].group]) * k;
    return rc >= -1e-6;
  });
  return lagrangian;
}

// The LP's own solution in whole heads: each engineer's candidates at the heads the LP gives
// them in whole, and beside those each split candidate rounded up where it fits. The master then
// starts near the LP's optimum and its duals near the LP's (without them, its first plan costs
// far more than the LP and its rounds take several times longer).
void WholeHeads::add_lp_patterns() {
  const auto& columns = model_.columns;
  const auto& lp = search_.lp;
  std::vector<std::vector<std::pair<int, double>>> lp_of(model_.n_engineers);
  for (int c : lp.columns) {
    if (lp.value[c] > 1e-9 && columns[c].engineer >= 0) {
      lp_of[columns[c].engineer].emplace_back(c, lp.value[c]);
    }
  }
  for (model::EngineerIdx e = 0; e < model_.n_engineers; ++e) {
    if (lp_of[e].empty()) continue;
    Pattern whole{e, {}};
    std::vector<double> left = model_.free[e];
    for (const auto& [c, value] : lp_of[e]) {
      const int k = static_cast<int>(std::floor(value + 1e-9));
      if (k == 0) continue;
      whole.units.emplace_back(c, k);
      reserve(model_.slot_of(columns[c].group), left, k);
    }
    for (const auto& [c, value] : lp_of[e]) {
      if (std::abs(value - std::round(value)) < 1e-9) continue;
      if (heads_fitting(model_.slot_of(columns[c].group), left, 1) == 0) continue;
      Pattern up = whole;
      const int rounded = c;  // clang before 16 cannot capture a structured binding
      auto it = std::find_if(up.units.begin(), up.units.end(),
                             [&](const auto& u) { return u.first == rounded; });
      if (it == up.units.end()) {
        up.units.emplace_back(rounded, 1);
      } else {
        ++it->second;
      }
      add_pattern(std::move(up));
    }
    if (!whole.units.empty()) add_pattern(std::move(whole));
  }
}

void WholeHeads::solve_master(const std::vector<int>& greedy) {
  const auto& columns = model_.columns;
  const int n_groups = model_.n_groups();
  // The master starts from the patterns of the LP's duals, the greedy plan's (a plan in integers
  // from the start) and every way to hire or leave a role unfilled.
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    if (columns[c].engineer < 0) add_pattern({-1, {{c, 1}}});
  }
  std::map<model::EngineerIdx, Units> greedy_units;
  for (int c : greedy) {
    if (columns[c].engineer >= 0) ++greedy_units[columns[c].engineer][c];
  }
  for (const auto& [e, units] : greedy_units) {
    add_pattern({e, std::vector<std::pair<int, int>>(units.begin(), units.end())});
  }
  for (auto& p : first_patterns_) add_pattern(std::move(p));
  add_lp_patterns();
  // Only when smoothing finds nothing the master's duals can use are they priced alone, which
  // ends the rounds when it finds nothing either.
  std::vector<double> best_prices(search_.lp.duals.begin(), search_.lp.duals.begin() + n_groups);
  std::vector<double> at(n_groups);
  double best_lagrangian = search_.bound;
  while (search_.seconds_left() > 0) {
    const bool finished =
        simplex_.solve(lp::SimplexMethod::primal, std::max(search_.seconds_left(), 0.01));
    ++rounds;
    if (!finished) break;
    const double* prices = simplex_.duals();
    std::vector<Pattern> useful;
    for (const double smoothing : {kSmoothing, 0.0}) {
      for (int g = 0; g < n_groups; ++g) {
        at[g] = smoothing * best_prices[g] + (1 - smoothing) * prices[g];
      }
      const double lagrangian = master_patterns(at.data(), prices, useful);
      if (lagrangian > best_lagrangian) {
        best_lagrangian = lagrangian;
        best_prices = at;
      }
      if (!useful.empty()) break;
    }
    search_.bound = std::max(search_.bound, best_lagrangian);
    if (useful.empty()) {
      // Every engineer's best whole heads priced exactly at the master's duals and none below
      // its convexity dual: the master is optimal over every pattern.
      if (exact_) search_.bound = std::max(search_.bound, simplex_.objective());
      break;
    }
    for (auto& p : useful) add_pattern(std::move(p));
  }
}

// Its LP is the bound with whole heads, far tighter than the candidates' MIP. Not proven: a plan
// of patterns the master lacks may still be cheaper (branch and price would be next).
Units WholeHeads::plan_in_integers() {
  Units units;
  if (search_.at_bound() || patterns_.empty() || search_.seconds_left() <= 0) return units;
  const auto n = static_cast<int>(patterns_.size());
  const std::vector<int> starts(master_.starts.begin(), master_.starts.end());
  const std::vector<double> lower(patterns_.size(), 0.0);
  const lp::ModelView view{n,
                           static_cast<int>(master_.row_lower.size()),
                           starts.data(),
                           master_.rows.data(),
                           master_.values.data(),
                           lower.data(),
                           master_upper_.data(),
                           master_.cost.data(),
                           master_.row_lower.data(),
                           master_.row_upper.data()};
  lp::MipRun run;
  for (int j = 0; j < n; ++j) run.integers.push_back(j);
  run.wall_clock = true;
  run.seconds = std::max(search_.seconds_left() * kMasterShareOfTime, 0.05);
  const auto answer = lp::solve_mip(view, run);
  if (answer.plan.empty()) return units;
  for (size_t j = 0; j < patterns_.size(); ++j) {
    const auto times = static_cast<int>(std::lround(answer.plan[j]));
    if (times == 0) continue;
    for (const auto& [c, k] : patterns_[j].units) units[c] += k * times;
  }
  std::vector<int> plan(model_.n_slots(), -1);
  give_heads(model_, units, plan);
  search_.incumbent.offer(model_, plan);
  objective_in_integers = cost_of(model_, units);
  return units;
}

}  // namespace rcc::staffing
