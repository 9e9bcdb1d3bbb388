// SearchState's exact moves on one row: the row programme (row_dp.h) priced at the cover of
// everybody else.
#include <chrono>
#include <optional>
#include <stdexcept>

#include "roster/row_dp.h"
#include "roster/search/state.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

void SearchState::construct_rows(double seconds) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < static_cast<int>(problem.employees.size()); ++i) {
    replan(i, 0, problem.days, 0);
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
      break;
  }
}

bool SearchState::replan(int i, int from, int to, double noise,
                         const std::vector<ShiftIdx>* bound_by) {
  const int width = shifts + 1;
  dp_cost_.assign(static_cast<size_t>(problem.days) * width, 0.0);
  const auto& row = roster[i];
  long nights = 0, weekend_days = 0;
  if (problem.fairness_weight > 0) {
    for (int d = 0; d < problem.days; ++d) {
      if (row[d] == kOff) continue;
      nights += problem.shifts[row[d]].night ? 1 : 0;
      weekend_days += d % 7 >= 5 ? 1 : 0;
    }
  }
  for (int d = from; d < to; ++d) {
    double* c = &dp_cost_[static_cast<size_t>(d) * width];
    for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(shifts); ++t) {
      const int elsewhere = cover[d * shifts + t] - (row[d] == t ? 1 : 0);
      c[1 + t] = static_cast<double>(cover_cost(d, t, elsewhere + 1) - cover_cost(d, t, elsewhere));
      // The squares of fairness, linearised around the row as it is.
      if (problem.fairness_weight > 0) {
        if (problem.shifts[t].night)
          c[1 + t] += static_cast<double>(problem.fairness_weight * (2 * nights + 1));
        if (d % 7 >= 5)
          c[1 + t] += static_cast<double>(problem.fairness_weight * (2 * weekend_days + 1));
      }
    }
    for (const auto& [t, w] : requests.on[i][d]) {
      for (int v = 0; v < width; ++v) c[v] += v != 1 + t ? w : 0;
    }
    for (const auto& [t, w] : requests.off[i][d]) c[1 + t] += w;
    if (options.published != nullptr && options.change_penalty > 0) {
      const ShiftIdx before = (*options.published)[i][d];
      for (int v = 0; v < width; ++v) c[v] += v != 1 + before ? options.change_penalty : 0;
    }
    if (noise > 0) {
      for (int v = 0; v < width; ++v) c[v] += noise * rng.unit();
    }
  }
  RowQuery query;
  query.employee = i;
  query.cost = &dp_cost_;
  query.fixed = &row;
  query.free_from = from;
  query.free_to = to;
  // A whole long horizon at once (the construction) gets tighter caps.
  const bool long_window = to - from > 2 * kTuning.window_days;
  query.label_cap = long_window ? kTuning.label_cap / 8 : kTuning.label_cap;
  query.group_cap = long_window ? 2 : kTuning.group_cap;
  // Only a row better than `reference` is of use (its own row when there is no noise); the
  // bound lets the programme drop partial rows early.
  // A row that breaks a rule is worth replacing by any row that keeps them all.
  const auto& reference = noise == 0 || bound_by == nullptr ? row : *bound_by;
  query.half_weekend_cost = static_cast<double>(half_weight);
  if (hard[i] == 0) {
    query.bound = noise == 0 ? 0 : 1e-6;
    for (int d = from; d < to; ++d)
      query.bound += dp_cost_[static_cast<size_t>(d) * width + 1 + reference[d]];
    query.bound += half_weekend_penalty(problem, query, reference);
  }
  std::optional<RowAnswer> answer;
  try {
    answer = best_row(problem, query);
    // Tight caps can lose every row that keeps the rules; a broken row is worth a wider look,
    // step by step (the widest costs seconds on a year's horizon).
    while (!answer && hard[i] > 0 && query.label_cap < kTuning.label_cap * 4) {
      query.label_cap *= 4;
      query.group_cap = std::min(query.group_cap * 2, kTuning.group_cap * 2);
      answer = best_row(problem, query);
    }
  } catch (const std::length_error&) {
    return false;  // too many capped shift types for the programme: small moves only
  }
  if (!answer || answer->row == row) return false;
  const auto kept = row;
  const long before = current;
  set_row(i, answer->row);
  if (noise == 0 && current > before) {
    set_row(i, kept);
    return false;
  }
  return true;
}

}  // namespace rcc::roster
