#include "roster/solver.h"

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "model/random.h"

namespace rcc::roster {
namespace {

constexpr long kHardWeight = 1000;

// Requests by employee and day, so that a row prices its requests in O(days).
struct RequestIndex {
  // [employee][day] -> list of (shift, weight)
  std::vector<std::vector<std::vector<std::pair<ShiftIdx, int>>>> on, off;
  explicit RequestIndex(const Problem& p)
      : on(p.employees.size(), std::vector<std::vector<std::pair<ShiftIdx, int>>>(p.days)),
        off(p.employees.size(), std::vector<std::vector<std::pair<ShiftIdx, int>>>(p.days)) {
    for (const auto& r : p.on_requests) on[r.employee][r.day].emplace_back(r.shift, r.weight);
    for (const auto& r : p.off_requests) off[r.employee][r.day].emplace_back(r.shift, r.weight);
  }
};

// How badly a row breaks the hard rules: the size of each breach (minutes in hours), so the
// search can tell nearly feasible rows from hopeless ones.
long hard_amount(const Problem& p, int i, const std::vector<ShiftIdx>& row) {
  long amount = 0;
  for_each_breach(p, i, row, [&](const Breach& b) {
    switch (b.rule) {
      case Rule::forbidden_succession:
      case Rule::day_off:
        amount += 1;
        break;
      case Rule::max_total_minutes:
      case Rule::min_total_minutes:
        amount += (std::abs(b.found - b.limit) + 59) / 60;
        break;
      default:
        amount += std::abs(b.found - b.limit);
        break;
    }
  });
  return amount;
}

class Search {
 public:
  Search(const Problem& p, const SolveOptions& o)
      : p_(p),
        o_(o),
        requests_(p),
        rng_(o.seed),
        roster_(empty_roster(p)),
        shifts_(static_cast<int>(p.shifts.size())) {
    cover_.assign(static_cast<size_t>(p.days) * shifts_, 0);
    row_.assign(p.employees.size(), 0);
    hard_.assign(p.employees.size(), 0);
    if (o.published != nullptr) {
      roster_ = *o.published;
      for (const auto& row : roster_) {
        for (int d = 0; d < p.days; ++d) {
          if (row[d] != kOff) ++cover_[d * shifts_ + row[d]];
        }
      }
    } else {
      construct();
    }
    for (int i = 0; i < static_cast<int>(p.employees.size()); ++i)
      store(i, price_row(i, roster_[i]));
    current_ = total();
  }

  SolveResult run() {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto elapsed = [&] {
      return std::chrono::duration<double>(clock::now() - start).count();
    };
    SolveResult best;
    best.roster = roster_;
    long best_cost = current_;
    bool best_feasible = hard_total() == 0;
    // Temperature falls geometrically from T0 to T1 over the time limit.
    const double t0 = 50.0, t1 = 0.5;
    double temperature = t0;
    long it = 0;
    const int n = static_cast<int>(p_.employees.size());
    std::vector<int> violated;  // employees whose row breaks a hard rule, refreshed now and then
    for (;; ++it) {
      if ((it & 1023) == 0) {
        violated.clear();
        for (int i = 0; i < n; ++i) {
          if (hard_[i] > 0) violated.push_back(i);
        }
        const double s = elapsed();
        if (s >= o_.time_limit_seconds) break;
        // With an iteration budget the schedule follows iterations, so a seed gives one answer.
        const double progress =
            o_.max_iterations > 0 ? static_cast<double>(it) / static_cast<double>(o_.max_iterations)
                                  : s / o_.time_limit_seconds;
        temperature = t0 * std::pow(t1 / t0, progress);
      }
      if (o_.max_iterations > 0 && it >= o_.max_iterations) break;
      // A third of the moves start from an employee whose row is infeasible, if any.
      const int i = !violated.empty() && rng_.chance(0.33)
                        ? violated[rng_.below(static_cast<int>(violated.size()))]
                        : rng_.below(n);
      const int kind = rng_.below(100);
      if (kind < 15) {
        shift_within(i, rng_.below(p_.days), rng_.below(p_.days), temperature);
      } else if (kind < 40) {
        change(i, rng_.below(p_.days), 1, temperature);
      } else if (kind < 65) {
        swap(i, rng_.below(n), rng_.below(p_.days), 1, temperature);
      } else if (kind < 85) {
        change(i, rng_.below(p_.days), rng_.between(2, 4), temperature);
      } else {
        swap(i, rng_.below(n), rng_.below(p_.days), rng_.between(2, 5), temperature);
      }
      const bool feasible = hard_total() == 0;
      if ((feasible && (!best_feasible || current_ < best_cost)) ||
          (!best_feasible && !feasible && current_ < best_cost)) {
        best_cost = current_;
        best_feasible = feasible;
        best.roster = roster_;
        best.seconds_to_best = elapsed();
        if (o_.progress && feasible) o_.progress(best.seconds_to_best, best_cost);
      }
    }
    best.iterations = it;
    best.evaluation = evaluate(p_, best.roster);
    if (o_.published != nullptr) {
      for (size_t i = 0; i < best.roster.size(); ++i) {
        for (int d = 0; d < p_.days; ++d) {
          best.changed_cells += best.roster[i][d] != (*o_.published)[i][d] ? 1 : 0;
        }
      }
    }
    best.status = best.evaluation.feasible() ? SolveStatus::feasible
                                             : SolveStatus::time_limit_without_feasible;
    return best;
  }

 private:
  struct Priced {
    long cost;  // hard amount x kHardWeight + requests
    long hard;
  };
  Priced price_row(int i, const std::vector<ShiftIdx>& row) const {
    long requests = 0;
    for (int d = 0; d < p_.days; ++d) {
      for (const auto& [t, w] : requests_.on[i][d]) requests += row[d] != t ? w : 0;
      for (const auto& [t, w] : requests_.off[i][d]) requests += row[d] == t ? w : 0;
    }
    const long hard = hard_amount(p_, i, row);
    if (p_.fairness_weight > 0) {
      long nights = 0, weekend_days = 0;
      for (int d = 0; d < p_.days; ++d) {
        if (row[d] == kOff) continue;
        nights += p_.shifts[row[d]].night ? 1 : 0;
        weekend_days += d % 7 >= 5 ? 1 : 0;
      }
      requests += p_.fairness_weight * (nights * nights + weekend_days * weekend_days);
    }
    long changes = 0;
    if (o_.published != nullptr && o_.change_penalty > 0) {
      const auto& before = (*o_.published)[i];
      for (int d = 0; d < p_.days; ++d) changes += row[d] != before[d] ? 1 : 0;
    }
    return {hard * kHardWeight + requests + changes * o_.change_penalty, hard};
  }

  void store(int i, const Priced& priced) {
    hard_violations_ += (priced.hard > 0) - (hard_[i] > 0);
    hard_[i] = priced.hard;
    row_[i] = priced.cost;
  }

  long cover_cost(int d, ShiftIdx t, int n) const {
    const auto& c = p_.cover_of(d, t);
    return n < c.requirement ? static_cast<long>(c.requirement - n) * c.under_weight
                             : static_cast<long>(n - c.requirement) * c.over_weight;
  }

  long total() const {
    long sum = 0;
    for (long r : row_) sum += r;
    for (int d = 0; d < p_.days; ++d) {
      for (ShiftIdx t = 0; t < shifts_; ++t) sum += cover_cost(d, t, cover_[d * shifts_ + t]);
    }
    return sum;
  }

  // Employees with a hard violation; 0 means the roster is feasible.
  long hard_total() const { return hard_violations_; }

  // Cover delta of changing cell (d) from `from` to `to`, given pending changes already applied.
  long cover_delta(int d, ShiftIdx from, ShiftIdx to) {
    long delta = 0;
    if (from != kOff) {
      int& n = cover_[d * shifts_ + from];
      delta += cover_cost(d, from, n - 1) - cover_cost(d, from, n);
      --n;
    }
    if (to != kOff) {
      int& n = cover_[d * shifts_ + to];
      delta += cover_cost(d, to, n + 1) - cover_cost(d, to, n);
      ++n;
    }
    return delta;
  }

  bool accept(long delta, double temperature) {
    return delta <= 0 || rng_.unit() < std::exp(-static_cast<double>(delta) / temperature);
  }

  // Row i has just been changed in place and the change's cover cost is `cover_cost_delta`:
  // price the row, and keep the change (true) or leave it to the caller to undo (false).
  bool keep_row_change(int i, long cover_cost_delta, double temperature) {
    const auto priced = price_row(i, roster_[i]);
    const long delta = cover_cost_delta + priced.cost - row_[i];
    if (!accept(delta, temperature)) return false;
    store(i, priced);
    current_ += delta;
    return true;
  }

  // Set days [d, d+len) of employee i to one value (a shift or off).
  void change(int i, int d, int len, double temperature) {
    len = std::min(len, p_.days - d);
    const ShiftIdx to = static_cast<ShiftIdx>(rng_.below(shifts_ + 1) - 1);
    auto& row = roster_[i];
    std::vector<ShiftIdx> old(row.begin() + d, row.begin() + d + len);
    long delta = 0;
    bool changed = false;
    for (int k = 0; k < len; ++k) {
      if (row[d + k] == to) continue;
      changed = true;
      delta += cover_delta(d + k, row[d + k], to);
      row[d + k] = to;
    }
    if (!changed) return;
    if (keep_row_change(i, delta, temperature)) return;
    for (int k = 0; k < len; ++k) {
      if (row[d + k] != old[k]) cover_delta(d + k, row[d + k], old[k]);
      row[d + k] = old[k];
    }
  }

  // Exchange days [d, d+len) between employees i and j: cover stays the same.
  void swap(int i, int j, int d, int len, double temperature) {
    if (i == j) return;
    len = std::min(len, p_.days - d);
    auto& a = roster_[i];
    auto& b = roster_[j];
    bool differs = false;
    for (int k = 0; k < len; ++k) differs = differs || a[d + k] != b[d + k];
    if (!differs) return;
    for (int k = 0; k < len; ++k) std::swap(a[d + k], b[d + k]);
    const auto new_a = price_row(i, a), new_b = price_row(j, b);
    const long delta = new_a.cost - row_[i] + new_b.cost - row_[j];
    if (accept(delta, temperature)) {
      store(i, new_a);
      store(j, new_b);
      current_ += delta;
      return;
    }
    for (int k = 0; k < len; ++k) std::swap(a[d + k], b[d + k]);
  }

  // Exchange days d1 and d2 of one employee: the same shifts, worked on other days. Keeps the
  // employee's minutes and counts, reshapes runs of work and rest.
  void shift_within(int i, int d1, int d2, double temperature) {
    auto& row = roster_[i];
    if (d1 == d2 || row[d1] == row[d2]) return;
    const ShiftIdx a = row[d1], b = row[d2];
    long delta = cover_delta(d1, a, b) + cover_delta(d2, b, a);
    row[d1] = b;
    row[d2] = a;
    if (keep_row_change(i, delta, temperature)) return;
    row[d1] = a;
    row[d2] = b;
    cover_delta(d1, b, a);
    cover_delta(d2, a, b);
  }

  // Greedy start: fill each day's cover with the employees who may work it, most needed first.
  void construct() {
    for (int d = 0; d < p_.days; ++d) {
      for (ShiftIdx t = 0; t < shifts_; ++t) {
        const int want = p_.cover_of(d, t).requirement;
        for (int i = 0; i < static_cast<int>(p_.employees.size()) && cover_[d * shifts_ + t] < want;
             ++i) {
          const auto& e = p_.employees[i];
          if (roster_[i][d] != kOff || e.max_shifts[t] == 0) continue;
          if (std::find(e.days_off.begin(), e.days_off.end(), d) != e.days_off.end()) continue;
          roster_[i][d] = t;
          if (hard_amount(p_, i, roster_[i]) > hard_amount_without(i, d)) {
            roster_[i][d] = kOff;
            continue;
          }
          ++cover_[d * shifts_ + t];
        }
      }
    }
  }

  long hard_amount_without(int i, int d) {
    const auto keep = roster_[i][d];
    roster_[i][d] = kOff;
    const long amount = hard_amount(p_, i, roster_[i]);
    roster_[i][d] = keep;
    return amount;
  }

  const Problem& p_;
  const SolveOptions& o_;
  RequestIndex requests_;
  model::Rng rng_;
  Roster roster_;
  int shifts_;
  std::vector<int> cover_;  // [day * shifts + shift] employees on shift
  std::vector<long> row_;   // priced rows
  std::vector<long> hard_;  // hard amount per row
  long hard_violations_ = 0;
  long current_ = 0;
};

}  // namespace

RowCost row_cost(const Problem& problem, int employee, const std::vector<ShiftIdx>& row) {
  RequestIndex index(problem);
  RowCost cost;
  cost.hard = hard_amount(problem, employee, row);
  for (int d = 0; d < problem.days; ++d) {
    for (const auto& [t, w] : index.on[employee][d]) cost.requests += row[d] != t ? w : 0;
    for (const auto& [t, w] : index.off[employee][d]) cost.requests += row[d] == t ? w : 0;
  }
  return cost;
}

SolveResult solve(const Problem& problem, const SolveOptions& options) {
  return Search(problem, options).run();
}

}  // namespace rcc::roster
