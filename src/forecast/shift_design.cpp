#include "forecast/shift_design.h"

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

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
  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> rows;
  std::vector<double> values, lower, upper, cost;
  for (int day = 0; day < 7; ++day) {
    for (const auto& p : patterns) {
      columns.push_back({day, p.start_minute, p.length_minutes});
      for (int k = 0; k < p.length_minutes / 60; ++k) {
        rows.push_back((day * 24 + p.start_minute / 60 + k) % model::kHoursPerWeek);
        values.push_back(1.0);
      }
      starts.push_back(static_cast<CoinBigIndex>(rows.size()));
      lower.push_back(0);
      upper.push_back(peak);
      cost.push_back(p.length_minutes);
    }
  }
  std::vector<double> row_lower(required.begin(), required.end());
  std::vector<double> row_upper(model::kHoursPerWeek, 1e30);

  const std::unique_ptr<Cbc_Model, decltype(&Cbc_deleteModel)> model(Cbc_newModel(),
                                                                     &Cbc_deleteModel);
  Cbc_loadProblem(model.get(), static_cast<int>(columns.size()), model::kHoursPerWeek,
                  starts.data(), rows.data(), values.data(), lower.data(), upper.data(),
                  cost.data(), row_lower.data(), row_upper.data());
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) Cbc_setInteger(model.get(), c);
  Cbc_setObjSense(model.get(), 1);  // minimise
  Cbc_setLogLevel(model.get(), 0);
  Cbc_setMaximumSeconds(model.get(), options.time_limit_seconds);
  Cbc_setParameter(model.get(), "threads", "0");
  Cbc_solve(model.get());

  if (Cbc_isProvenInfeasible(model.get())) {
    design.status = DesignStatus::infeasible;
    return design;
  }
  const double* x = Cbc_getColSolution(model.get());
  design.status =
      Cbc_isProvenOptimal(model.get()) ? DesignStatus::optimal : DesignStatus::time_limit;
  design.lower_bound_minutes = Cbc_getBestPossibleObjValue(model.get());
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    const int n = static_cast<int>(std::lround(x[c]));
    if (n <= 0) continue;
    design.shifts.push_back({columns[c].day, columns[c].start, columns[c].length, n});
    design.engineer_minutes += static_cast<long>(n) * columns[c].length;
  }
  return design;
}

}  // namespace rcc::forecast
