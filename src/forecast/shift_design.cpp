#include "forecast/shift_design.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "lp/model.h"
#include "model/errors.h"

namespace rcc::forecast {

ShiftDesign design_shifts(const std::array<int, model::kHoursPerWeek>& required,
                          const ShiftDesignOptions& options) {
  for (int length : options.lengths_minutes) {
    if (length % 60 != 0 || length < 60 || length > 24 * 60) {
      throw std::invalid_argument("shift lengths must be whole hours between 1 and 24");
    }
  }
  if (options.start_step_minutes < 60 || options.start_step_minutes % 60 != 0) {
    throw std::invalid_argument("shift starts must step by whole hours");
  }
  ShiftDesign design;
  const int peak = *std::max_element(required.begin(), required.end());
  if (peak <= 0) return design;

  std::vector<ShiftPattern> patterns = options.patterns;
  if (patterns.empty()) {
    for (int start = 0; start < 24 * 60; start += options.start_step_minutes) {
      for (int length : options.lengths_minutes) patterns.push_back({start, length});
    }
  }
  for (const auto& p : patterns) {
    if (p.start_minute % 60 != 0 || p.start_minute < 0 || p.start_minute >= 24 * 60 ||
        p.length_minutes % 60 != 0 || p.length_minutes < 60 || p.length_minutes > 24 * 60) {
      throw model::BadInput("shift types must start on the hour and last whole hours");
    }
  }
  // Columns: (day, pattern) -> the hours of the week it covers, cyclically.
  struct Column {
    int day, start, length;
  };
  std::vector<Column> columns;
  lp::ModelBuilder mip;
  for (int h = 0; h < model::kHoursPerWeek; ++h) mip.add_row(required[h], 1e30);
  std::vector<std::pair<int, double>> hours;
  for (int day = 0; day < 7; ++day) {
    for (const auto& p : patterns) {
      columns.push_back({day, p.start_minute, p.length_minutes});
      hours.clear();
      for (int k = 0; k < p.length_minutes / 60; ++k) {
        hours.emplace_back((day * 24 + p.start_minute / 60 + k) % model::kHoursPerWeek, 1.0);
      }
      mip.add_column(p.length_minutes, 0, peak, hours);
    }
  }
  lp::MipRun run;
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) run.integers.push_back(c);
  run.seconds = options.time_limit_seconds;
  const auto answer = lp::solve_mip(mip.view(), run);
  design.status = answer.status;
  if (answer.status == lp::SolveStatus::infeasible || answer.values.empty()) return design;
  design.lower_bound_minutes = answer.bound;
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    const int n = static_cast<int>(std::lround(answer.values[c]));
    if (n <= 0) continue;
    design.shifts.push_back({columns[c].day, columns[c].start, columns[c].length, n});
    design.engineer_minutes += static_cast<long>(n) * columns[c].length;
  }
  return design;
}

}  // namespace rcc::forecast
