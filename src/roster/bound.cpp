#include "roster/bound.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

#include "lp/simplex.h"
#include "roster/pair_replan.h"

namespace rcc::roster {
namespace {

constexpr double kInf = 1e30;

// The bounds of a model's rows, added one at a time; `add` returns the new row's index.
struct RowBounds {
  std::vector<double> lower, upper;
  int add(double lo, double up) {
    lower.push_back(lo);
    upper.push_back(up);
    return static_cast<int>(lower.size()) - 1;
  }
};

}  // namespace

std::optional<LpRelaxation> lp_relaxation(const Problem& p, const BoundOptions& options) {
  const int n = static_cast<int>(p.employees.size());
  const int h = p.days;
  const int types = static_cast<int>(p.shifts.size());
  const long x_count = static_cast<long>(n) * h * types;
  if (x_count > options.max_variables) return std::nullopt;

  struct Column {
    std::vector<std::pair<int, double>> entries;
    double lower = 0, upper = 1, cost = 0;
  };
  std::vector<Column> columns(static_cast<size_t>(x_count));
  const auto x = [&](int i, int d, int t) { return (static_cast<size_t>(i) * h + d) * types + t; };
  RowBounds row_bounds;

  double constant = 0;
  for (const auto& r : p.on_requests) {
    constant += r.weight;
    columns[x(r.employee, r.day, r.shift)].cost -= r.weight;
  }
  for (const auto& r : p.off_requests) columns[x(r.employee, r.day, r.shift)].cost += r.weight;

  for (int i = 0; i < n; ++i) {
    const auto& e = p.employees[i];
    for (int t = 0; t < types; ++t) {
      if (e.max_shifts[t] == 0) {
        for (int d = 0; d < h; ++d) columns[x(i, d, t)].upper = 0;
      }
    }
    for (int off : e.days_off) {
      if (off < 0 || off >= h) continue;
      for (int t = 0; t < types; ++t) columns[x(i, off, t)].upper = 0;
    }
    for (int d = 0; d < h; ++d) {  // one shift a day
      const int row = row_bounds.add(-kInf, 1);
      for (int t = 0; t < types; ++t) columns[x(i, d, t)].entries.emplace_back(row, 1);
    }
    for (int t = 0; t < types; ++t) {  // shifts of a type
      const int row = row_bounds.add(-kInf, e.max_shifts[t]);
      for (int d = 0; d < h; ++d) columns[x(i, d, t)].entries.emplace_back(row, 1);
    }
    const int minutes = row_bounds.add(e.min_total_minutes, e.max_total_minutes);
    for (int d = 0; d < h; ++d) {
      for (int t = 0; t < types; ++t) {
        columns[x(i, d, t)].entries.emplace_back(minutes, p.shifts[t].minutes);
      }
    }
    const int window = e.max_consecutive_shifts + 1;  // no window of max+1 days all worked
    for (int d = 0; d + window <= h; ++d) {
      const int row = row_bounds.add(-kInf, e.max_consecutive_shifts);
      for (int k = 0; k < window; ++k) {
        for (int t = 0; t < types; ++t) columns[x(i, d + k, t)].entries.emplace_back(row, 1);
      }
    }
    for (int d = 0; d + 1 < h; ++d) {  // forbidden successions
      for (int t = 0; t < types; ++t) {
        for (auto next : p.shifts[t].forbidden_next) {
          const int row = row_bounds.add(-kInf, 1);
          columns[x(i, d, t)].entries.emplace_back(row, 1);
          columns[x(i, d + 1, next)].entries.emplace_back(row, 1);
        }
      }
    }
    // Weekends: y_w >= work on Saturday, y_w >= work on Sunday, sum of y_w <= max.
    const int weekend_limit = row_bounds.add(-kInf, e.max_weekends);
    for (int w = 0; 7 * w + 6 < h; ++w) {
      Column y;
      y.entries.emplace_back(weekend_limit, 1);
      for (int day : {7 * w + 5, 7 * w + 6}) {
        const int row = row_bounds.add(-kInf, 0);  // work(day) - y <= 0
        y.entries.emplace_back(row, -1);
        for (int t = 0; t < types; ++t) columns[x(i, day, t)].entries.emplace_back(row, 1);
      }
      columns.push_back(std::move(y));
    }
  }
  // Cover: sum x + under - over = requirement.
  const int first_cover_row = static_cast<int>(row_bounds.lower.size());
  for (int d = 0; d < h; ++d) {
    for (int t = 0; t < types; ++t) {
      const auto& c = p.cover_of(d, static_cast<ShiftIdx>(t));
      const int row = row_bounds.add(c.requirement, c.requirement);
      for (int i = 0; i < n; ++i) columns[x(i, d, t)].entries.emplace_back(row, 1);
      columns.push_back({{{row, 1}}, 0, kInf, static_cast<double>(c.under_weight)});
      columns.push_back({{{row, -1}}, 0, kInf, static_cast<double>(c.over_weight)});
    }
  }

  lp::ModelBuilder builder;
  builder.row_lower = row_bounds.lower;
  builder.row_upper = row_bounds.upper;
  for (const auto& c : columns) builder.add_column(c.cost, c.lower, c.upper, c.entries);
  lp::Simplex model(builder.view());
  if (!model.solve(lp::SimplexMethod::dual, options.time_limit_seconds)) return std::nullopt;
  // The objective is an integer: round the LP value up.
  LpRelaxation relaxation;
  relaxation.bound = static_cast<long>(std::ceil(model.objective() + constant - 1e-6));
  const double* dual = model.duals();
  const auto* cover_duals = dual + first_cover_row;
  relaxation.cover_duals.assign(cover_duals, cover_duals + static_cast<std::ptrdiff_t>(h) * types);
  return relaxation;
}

std::optional<long> lp_lower_bound(const Problem& p, const BoundOptions& options) {
  const auto relaxation = lp_relaxation(p, options);
  if (!relaxation) return std::nullopt;
  return relaxation->bound;
}

std::optional<long> weekend_lower_bound(const Problem& p, const BoundOptions& options) {
  if (p.days < 7) return std::nullopt;
  auto alone = weekends_alone(p);
  if (alone.choices > options.max_variables) return std::nullopt;
  alone.query.seconds = options.time_limit_seconds;
  const auto value = pairs_lp_value(p, alone.query);
  if (!value) return std::nullopt;
  // The objective is an integer: round the LP value up, past the barrier's last digits (an
  // optimum of 1,151 can come back a few ten-thousandths below).
  return std::max(0L, static_cast<long>(std::ceil(*value - 1e-3)));
}

}  // namespace rcc::roster
