#include "staffing/candidate_lp.h"

#include <limits>
#include <utility>

#include "lp/simplex.h"

namespace rcc::staffing {
namespace {

double reduced_cost_at(const Candidates& model, const std::vector<int>& row_of, const double* duals,
                       int c) {
  const auto& col = model.columns[c];
  double rc = col.cost - duals[col.group];
  if (col.engineer >= 0) {
    const auto& slot = model.slot_of(col.group);
    for (int m = slot.first_month; m <= slot.last_month; ++m) {
      const int r = row_of[model.em(col.engineer, m)];
      if (r >= 0) rc -= slot.load[m] * std::min(duals[r], 0.0);
    }
  }
  return rc;
}

// The LP as it grows: its columns (candidates) and capacity rows (engineer-months).
class GrowingLp {
 public:
  GrowingLp(const Candidates& model, FillableFree& fillable_free, CandidateLp& lp)
      : model_(model),
        fillable_free_(fillable_free),
        lp_(lp),
        columns_of_(model.n_engineers),
        potential_(static_cast<size_t>(model.n_engineers) * model.n_months, 0.0) {
    const int n_groups = model.n_groups();
    lp.row_of.assign(potential_.size(), -1);
    lp.in.assign(model.columns.size(), 0);
    simplex_.resize(n_groups, 0);
    std::vector<double> heads(n_groups);
    for (int g = 0; g < n_groups; ++g) heads[g] = model.groups[g].heads;
    simplex_.set_row_bounds(heads.data(), heads.data());
  }

  lp::Simplex& simplex() { return simplex_; }

  // Candidates enter with the capacity rows they could overfill together with the LP's other
  // candidates of the same engineer: the LP never needs a round to discover those rows.
  void enter(const std::vector<int>& candidates) {
    add_columns(candidates);
    std::vector<std::pair<model::EngineerIdx, int>> risky;
    for (int c : candidates) {
      const auto e = model_.columns[c].engineer;
      if (e < 0) continue;
      const auto& slot = model_.slot_of(model_.columns[c].group);
      for (int m = slot.first_month; m <= slot.last_month; ++m) {
        const size_t k = model_.em(e, m);
        const bool was = potential_[k] > fillable_free_(e, m) + 1e-9;
        potential_[k] += slot.load[m] * model_.columns[c].most;
        if (!was && lp_.row_of[k] < 0 && potential_[k] > fillable_free_(e, m) + 1e-9) {
          risky.emplace_back(e, m);
        }
      }
    }
    if (!risky.empty()) add_rows(risky);
  }

  void add_rows(const std::vector<std::pair<model::EngineerIdx, int>>& months) {
    std::vector<int> starts{0};
    std::vector<int> cols;
    std::vector<double> values, lower, upper;
    for (const auto& [e, m] : months) {
      lp_.row_of[model_.em(e, m)] = model_.n_groups() + static_cast<int>(lp_.row_upper.size());
      lp_.row_upper.push_back(std::max(0.0, fillable_free_(e, m)));
      for (int j : columns_of_[e]) {
        const double load = model_.slot_of(model_.columns[lp_.columns[j]].group).load[m];
        if (load == 0) continue;
        cols.push_back(j);
        values.push_back(load);
      }
      starts.push_back(static_cast<int>(cols.size()));
      lower.push_back(-1e30);
      upper.push_back(lp_.row_upper.back());
    }
    simplex_.add_rows(static_cast<int>(months.size()), lower.data(), upper.data(), starts.data(),
                      cols.data(), values.data());
  }

 private:
  void add_columns(const std::vector<int>& candidates) {
    std::vector<int> starts{0};
    std::vector<int> rows;
    std::vector<double> values, cost, upper;
    for (int c : candidates) {
      const auto& col = model_.columns[c];
      rows.push_back(col.group);
      values.push_back(1.0);
      upper.push_back(col.most);
      if (col.engineer >= 0) {
        const auto& slot = model_.slot_of(col.group);
        for (int m = slot.first_month; m <= slot.last_month; ++m) {
          const int r = lp_.row_of[model_.em(col.engineer, m)];
          if (r < 0 || slot.load[m] == 0) continue;
          rows.push_back(r);
          values.push_back(slot.load[m]);
        }
        columns_of_[col.engineer].push_back(static_cast<int>(lp_.columns.size()));
      }
      lp_.in[c] = 1;
      lp_.columns.push_back(c);
      starts.push_back(static_cast<int>(rows.size()));
      cost.push_back(col.cost);
    }
    const std::vector<double> lower(candidates.size(), 0.0);
    simplex_.add_columns(static_cast<int>(candidates.size()), lower.data(), upper.data(),
                         cost.data(), starts.data(), rows.data(), values.data());
  }

  const Candidates& model_;
  FillableFree& fillable_free_;
  CandidateLp& lp_;
  lp::Simplex simplex_;
  std::vector<std::vector<int>> columns_of_;  // engineer -> LP columns
  std::vector<double> potential_;             // engineer-month: load its LP candidates can take
};

// The first columns: the greedy plan's, spread over the pool (the cheapest candidates of all
// roles of one skill and level are the same few engineers, and an LP started from those spends
// its rounds moving heads off them), and each role's cheapest.
std::vector<int> first_columns(const Candidates& model, const std::vector<int>& greedy) {
  std::vector<char> chosen(model.columns.size(), 0);
  for (int c : greedy) chosen[c] = 1;
  std::vector<int> first;
  // With each role's two cheapest candidates beside the greedy ones the LP finds the contested
  // engineers in fewer rounds (docs/experiments.md).
  constexpr int kCheapest = 2;
  for (int g = 0; g < model.n_groups(); ++g) {
    int taken = 0;
    for (int c : model.by_group[g]) {
      if (chosen[c] || model.columns[c].engineer < 0 || taken++ < kCheapest) first.push_back(c);
    }
  }
  return first;
}

// Engineer-months the LP's solution overfills that have no capacity row yet: beyond the free
// FTE, or beyond what loads can fill.
std::vector<std::pair<model::EngineerIdx, int>> overfilled(const Candidates& model,
                                                           FillableFree& fillable_free,
                                                           const CandidateLp& lp, const double* x,
                                                           std::vector<double>& usage) {
  std::vector<std::pair<model::EngineerIdx, int>> found;
  std::vector<size_t> touched;
  for (size_t j = 0; j < lp.columns.size(); ++j) {
    const auto& col = model.columns[lp.columns[j]];
    if (x[j] < 1e-9 || col.engineer < 0) continue;
    const auto& slot = model.slot_of(col.group);
    for (int m = slot.first_month; m <= slot.last_month; ++m) {
      const size_t k = model.em(col.engineer, m);
      if (lp.row_of[k] >= 0) continue;
      if (usage[k] == 0) touched.push_back(k);
      usage[k] += slot.load[m] * x[j];
    }
  }
  for (size_t k : touched) {
    const auto e = static_cast<model::EngineerIdx>(k / model.n_months);
    const int m = static_cast<int>(k % model.n_months);
    if (usage[k] > model.free[e][m] + 1e-7 ||
        (usage[k] > 1e-7 && usage[k] > fillable_free(e, m) + 1e-7)) {
      found.emplace_back(e, m);
    }
    usage[k] = 0;
  }
  return found;
}

// New candidates per role and round, beside one per head: the LP stays small.
constexpr int kPricedPerGroup = 6;

// Pricing at the LP's duals: the candidates that enter next (each engineer offered once a
// round), and on the way a Lagrangian bound of these duals: every head takes no less than the
// least reduced cost of its role's candidates, capacity priced by the duals. It is a valid bound
// whether or not the LP is finished.
double price_candidates(const Candidates& model, const CandidateLp& lp, const double* duals,
                        std::vector<int>& offered_in_round, std::vector<int>& priced) {
  const int n_groups = model.n_groups();
  double lagrangian = 0;
  for (int g = 0; g < n_groups; ++g) {
    double least = 0;
    int taken = 0;
    const int limit = kPricedPerGroup + model.groups[g].heads;
    for (int c : model.by_group[g]) {
      // Later candidates price at least their cost minus the role's dual: none is negative.
      if (model.columns[c].cost - duals[g] >= 0) break;
      const double rc = reduced_cost_at(model, lp.row_of, duals, c);
      least = std::min(least, rc);
      if (lp.in[c] || rc >= -1e-7 || taken == limit) continue;
      // Candidates of equal reduced cost are alike to the LP: one engineer offered to many
      // roles in one round would only be overfilled, so each engineer is offered once a round.
      const auto e = model.columns[c].engineer;
      if (e >= 0 && offered_in_round[e] == lp.rounds) continue;
      if (e >= 0) offered_in_round[e] = lp.rounds;
      priced.push_back(c);
      ++taken;
    }
    lagrangian += model.groups[g].heads * (duals[g] + least);
  }
  for (size_t r = 0; r < lp.row_upper.size(); ++r) {
    lagrangian += std::min(duals[n_groups + r], 0.0) * lp.row_upper[r];
  }
  return lagrangian;
}

}  // namespace

double CandidateLp::reduced_cost(const Candidates& model, int c) const {
  return reduced_cost_at(model, row_of, duals.data(), c);
}

// At 20,000 engineers there are millions of candidates and hundreds of thousands of
// engineer-months, but the LP optimum uses a few candidates per role and only contested
// engineer-months bind. So the LP starts from the role rows and a few candidates per role, gains
// a candidate only when its reduced cost is negative, and an engineer-month's capacity row only
// when the LP's candidates of that engineer could overfill it (or, as a safeguard, when a
// solution does). When neither is left, the solution meets every row and the duals price every
// candidate non-negative: it is the LP optimum over all of them, a lower bound on every plan.
// Capacity duals are <= 0, so a candidate's reduced cost is at least its cost minus its role's
// dual: pricing a role stops at its first candidate (by cost) not below the role's dual.
CandidateLp solve_candidate_lp(const Candidates& model, FillableFree& fillable_free,
                               const std::vector<int>& greedy, const Deadline& deadline) {
  CandidateLp lp;
  GrowingLp growing(model, fillable_free, lp);
  auto& simplex = growing.simplex();
  growing.enter(first_columns(model, greedy));
  double lower_bound = -std::numeric_limits<double>::infinity();
  std::vector<double> usage(lp.row_of.size(), 0.0);
  std::vector<int> offered_in_round(model.n_engineers, -1);
  bool rows_added = true;
  while (deadline.seconds_left() > 0) {
    // New rows keep the basis dual feasible; new columns (and the rows they bring) primal.
    const auto method = rows_added ? lp::SimplexMethod::dual : lp::SimplexMethod::primal;
    const bool finished = simplex.solve(method, std::max(deadline.seconds_left(), 0.01));
    ++lp.rounds;
    if (!finished) break;  // stopped by the time limit
    const auto over = overfilled(model, fillable_free, lp, simplex.values(), usage);
    rows_added = !over.empty();
    if (rows_added) {
      growing.add_rows(over);
      continue;
    }
    std::vector<int> priced;
    lower_bound = std::max(lower_bound,
                           price_candidates(model, lp, simplex.duals(), offered_in_round, priced));
    if (priced.empty()) {
      lp.optimal = true;
      break;
    }
    growing.enter(priced);
  }
  lp.bound = lp.optimal ? simplex.objective() : lower_bound;
  lp.rows = model.n_groups() + static_cast<int>(lp.row_upper.size());
  if (const double* duals = simplex.duals(); duals != nullptr)
    lp.duals.assign(duals, duals + lp.rows);
  lp.value.assign(model.columns.size(), 0.0);
  if (const double* x = simplex.values(); x != nullptr) {
    for (size_t j = 0; j < lp.columns.size(); ++j) lp.value[lp.columns[j]] = x[j];
  }
  return lp;
}

}  // namespace rcc::staffing
