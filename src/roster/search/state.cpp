#include "roster/search/state.h"

#include <algorithm>
#include <cmath>

#include "roster/search/tuning.h"

namespace rcc::roster {
namespace {

std::vector<long> weekend_over_surcharge(const Problem& p) {
  const int shifts = static_cast<int>(p.shifts.size());
  std::vector<long> surcharge(static_cast<size_t>(p.days) * shifts, 0);
  const int weekends = p.days / 7;
  long allowed = 0, demand = 0;  // weekend days
  bool binds = false;
  for (const auto& e : p.employees) {
    allowed += 2L * std::min(e.max_weekends, weekends);
    binds = binds || e.max_weekends < weekends;
  }
  if (!binds) return surcharge;
  for (int d = 0; d < 7 * weekends; ++d) {
    if (d % 7 < 5) continue;
    for (int t = 0; t < shifts; ++t) demand += p.cover_of(d, static_cast<ShiftIdx>(t)).requirement;
  }
  const double share = demand >= allowed ? kTuning.weekend_over_share_when_scarce
                                         : kTuning.weekend_over_share_when_enough;
  for (int d = 0; d < 7 * weekends; ++d) {
    if (d % 7 < 5) continue;
    for (int t = 0; t < shifts; ++t) {
      surcharge[static_cast<size_t>(d) * shifts + t] =
          std::lround(share * p.cover_of(d, static_cast<ShiftIdx>(t)).under_weight);
    }
  }
  return surcharge;
}

}  // namespace

SearchState::SearchState(const Problem& p, const SolveOptions& o, const Roster* start)
    : problem(p),
      options(o),
      requests(p),
      rng(o.seed),
      roster(empty_roster(p)),
      shifts(static_cast<int>(p.shifts.size())),
      half_weight(p.days >= kTuning.shaped_days ? kTuning.half_weekend_weight
                                                : kTuning.half_weekend_weight_short_horizon),
      over_surcharge(weekend_over_surcharge(p)) {
  cover.assign(static_cast<size_t>(p.days) * shifts, 0);
  row_price.assign(p.employees.size(), 0);
  shaping.assign(p.employees.size(), 0);
  hard.assign(p.employees.size(), 0);
  started = start != nullptr;
  if (start != nullptr || o.published != nullptr) {
    roster = start != nullptr ? *start : *o.published;
    for (const auto& row : roster) {
      for (int d = 0; d < p.days; ++d) {
        if (row[d] != kOff) ++cover[d * shifts + row[d]];
      }
    }
  }
  terms.requests = &requests;
  terms.fairness_weight = p.fairness_weight;
  if (o.published != nullptr && o.change_penalty > 0) {
    terms.published = o.published;
    terms.change_penalty = o.change_penalty;
  }
  ledgers.reserve(p.employees.size());
  for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) {
    ledgers.emplace_back(p, i, terms, roster[i]);
  }
  if (start == nullptr && o.published == nullptr) construct();
  for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) store(i);
  for (int c = 0; c < p.days * shifts; ++c) over_shaping_sum += over_shaping(c, cover[c]);
  current = total();
}

void SearchState::store(int i) {
  const long amount = ledgers[i].hard();
  hard_violations += (amount > 0) - (hard[i] > 0);
  hard[i] = amount;
  const long row_shaping = half_weight * ledgers[i].half_weekends();
  shaping_sum += row_shaping - shaping[i];
  shaping[i] = row_shaping;
  row_price[i] = amount * kTuning.hard_weight + ledgers[i].soft() + row_shaping;
}

long SearchState::priced(int i) const {
  return ledgers[i].hard() * kTuning.hard_weight + ledgers[i].soft() +
         half_weight * ledgers[i].half_weekends();
}

long SearchState::put(int i, int d, ShiftIdx to) {
  const long delta = cover_delta(d, roster[i][d], to);
  ledgers[i].set(d, to);
  return delta;
}

long SearchState::cover_cost(int d, ShiftIdx t, int n) const {
  const auto& c = problem.cover_of(d, t);
  return n < c.requirement ? static_cast<long>(c.requirement - n) * c.under_weight
                           : static_cast<long>(n - c.requirement) *
                                 (c.over_weight + over_surcharge[d * shifts + t]);
}

// The weekend-over shaping of cell c (day * shifts + shift) with n employees on it.
long SearchState::over_shaping(int c, int n) const {
  return over_surcharge[c] * std::max(0, n - problem.cover[c].requirement);
}

long SearchState::total() const {
  long sum = 0;
  for (long r : row_price) sum += r;
  for (int d = 0; d < problem.days; ++d) {
    for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts); ++t)
      sum += cover_cost(d, t, cover[d * shifts + t]);
  }
  return sum;
}

// Cover delta of changing cell (d) from `from` to `to`, given pending changes already applied.
long SearchState::cover_delta(int d, ShiftIdx from, ShiftIdx to) {
  long delta = 0;
  if (from != kOff) {
    const int c = d * shifts + from;
    int& n = cover[c];
    delta += cover_cost(d, from, n - 1) - cover_cost(d, from, n);
    over_shaping_sum += over_shaping(c, n - 1) - over_shaping(c, n);
    --n;
  }
  if (to != kOff) {
    const int c = d * shifts + to;
    int& n = cover[c];
    delta += cover_cost(d, to, n + 1) - cover_cost(d, to, n);
    over_shaping_sum += over_shaping(c, n + 1) - over_shaping(c, n);
    ++n;
  }
  return delta;
}

bool SearchState::accept(long delta, double temperature) {
  return delta <= 0 || rng.unit() < std::exp(-static_cast<double>(delta) / temperature);
}

bool SearchState::keep_row_change(int i, long cover_cost_delta, double temperature) {
  const long delta = cover_cost_delta + priced(i) - row_price[i];
  if (!accept(delta, temperature)) return false;
  store(i);
  current += delta;
  return true;
}

void SearchState::set_row(int i, const std::vector<ShiftIdx>& row) {
  long delta = 0;
  for (int d = 0; d < problem.days; ++d) {
    if (row[d] != roster[i][d]) delta += put(i, d, row[d]);
  }
  current += delta + priced(i) - row_price[i];
  store(i);
}

int SearchState::breach_day(int i) {
  int day = -1, seen = 0;
  for_each_breach(problem, i, roster[i], [&](const Breach& b) {
    if (b.day >= 0 && rng.below(++seen) == 0) day = b.day;
  });
  return day;
}

std::pair<int, int> SearchState::window() {
  const int length =
      std::min(problem.days, rng.between(kTuning.window_days / 2, kTuning.window_days));
  const int from = rng.below(problem.days - length + 1);
  return {from, from + length};
}

// Greedy start: fill each day's cover with the employees who may work it, most needed first.
void SearchState::construct() {
  for (int d = 0; d < problem.days; ++d) {
    for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts); ++t) {
      const int want = problem.cover_of(d, t).requirement;
      for (int i = 0;
           i < static_cast<int>(problem.employees.size()) && cover[d * shifts + t] < want; ++i) {
        const auto& e = problem.employees[i];
        if (roster[i][d] != kOff || e.max_shifts[t] == 0) continue;
        if (std::find(e.days_off.begin(), e.days_off.end(), d) != e.days_off.end()) continue;
        const long before = ledgers[i].hard();
        ledgers[i].set(d, t);
        if (ledgers[i].hard() > before) {
          ledgers[i].set(d, kOff);
          continue;
        }
        ++cover[d * shifts + t];
      }
    }
  }
}

const std::vector<int>& SearchState::understaffed() {
  understaffed_.clear();
  for (int c = 0; c < problem.days * shifts; ++c) {
    if (cover[c] < problem.cover[c].requirement) understaffed_.push_back(c);
  }
  return understaffed_;
}

}  // namespace rcc::roster
