#include "roster/bound.h"

#include <coin/Clp_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <vector>

#include "roster/cbc_mip.h"

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

  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> rows;
  std::vector<double> values, lower, upper, cost;
  for (const auto& c : columns) {
    for (const auto& [row, value] : c.entries) {
      rows.push_back(row);
      values.push_back(value);
    }
    starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    lower.push_back(c.lower);
    upper.push_back(c.upper);
    cost.push_back(c.cost);
  }
  const std::unique_ptr<Clp_Simplex, decltype(&Clp_deleteModel)> model(Clp_newModel(),
                                                                       &Clp_deleteModel);
  Clp_loadProblem(model.get(), static_cast<int>(columns.size()),
                  static_cast<int>(row_bounds.lower.size()), starts.data(), rows.data(),
                  values.data(), lower.data(), upper.data(), cost.data(), row_bounds.lower.data(),
                  row_bounds.upper.data());
  Clp_setLogLevel(model.get(), 0);
  Clp_setMaximumSeconds(model.get(), options.time_limit_seconds);
  Clp_dual(model.get(), 0);
  if (!Clp_isProvenOptimal(model.get())) return std::nullopt;
  // The objective is an integer: round the LP value up.
  LpRelaxation relaxation;
  relaxation.bound =
      static_cast<long>(std::ceil(Clp_objectiveValue(model.get()) + constant - 1e-6));
  const double* dual = Clp_dualRowSolution(model.get());
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
  const int n = static_cast<int>(p.employees.size());
  const int types = static_cast<int>(p.shifts.size());
  const int weekends = p.days / 7;  // whole weekends: Saturday 7w + 5 and Sunday 7w + 6
  if (weekends == 0) return std::nullopt;
  // Only where the MIP is small: on larger ones CBC's bound stays near its LP relaxation's,
  // which the weekends spread thin, and runs past its time (Instance 21, 41,600 binaries: 10,676
  // after 13-20 s with a 10 s limit, where HiGHS bounds 19,400).
  constexpr long kMostWeekendCells = 20000;
  const long x_count = static_cast<long>(n) * weekends * 2 * types;
  if (x_count > std::min(options.max_variables, kMostWeekendCells)) return std::nullopt;

  struct Columns {
    std::vector<double> cost, lower, upper, value;
    std::vector<int> start{0}, row;
    void add(double c, double up, const std::vector<std::pair<int, double>>& entries) {
      cost.push_back(c);
      lower.push_back(0);
      upper.push_back(up);
      for (const auto& [r, v] : entries) {
        row.push_back(r);
        value.push_back(v);
      }
      start.push_back(static_cast<int>(row.size()));
    }
  } columns;
  RowBounds row_bounds;
  const auto day_of = [](int w, int k) { return 7 * w + 5 + k; };

  // Request prices of the weekend cells: on-requests cost their weight unless worked as asked.
  double constant = 0;
  std::vector<double> cell_cost(static_cast<size_t>(x_count), 0.0);
  const auto x = [&](int i, int w, int k, int t) {
    return ((static_cast<size_t>(i) * weekends + w) * 2 + k) * types + t;
  };
  const auto weekend_cell = [&](int day, int& w, int& k) {
    w = day / 7;
    k = day % 7 - 5;
    return k >= 0 && w < weekends;
  };
  for (const auto& r : p.on_requests) {
    int w = 0, k = 0;
    if (!weekend_cell(r.day, w, k)) continue;
    constant += r.weight;
    cell_cost[x(r.employee, w, k, r.shift)] -= r.weight;
  }
  for (const auto& r : p.off_requests) {
    int w = 0, k = 0;
    if (weekend_cell(r.day, w, k)) cell_cost[x(r.employee, w, k, r.shift)] += r.weight;
  }

  // The shifts that may not follow each shift, each once (a type listed twice would weigh 2
  // in the row below and forbid more than the rule does).
  std::vector<std::vector<ShiftIdx>> banned_after(types);
  for (int t = 0; t < types; ++t) {
    banned_after[t] = p.shifts[t].forbidden_next;
    std::sort(banned_after[t].begin(), banned_after[t].end());
    banned_after[t].erase(std::unique(banned_after[t].begin(), banned_after[t].end()),
                          banned_after[t].end());
  }

  // Rows per employee, then cover; columns are built after the rows they enter are known.
  std::vector<std::vector<std::pair<int, double>>> entries(static_cast<size_t>(x_count));
  std::vector<std::vector<std::pair<int, double>>> y_entries(static_cast<size_t>(n) * weekends);
  std::vector<double> upper(static_cast<size_t>(x_count), 1.0);
  for (int i = 0; i < n; ++i) {
    const auto& e = p.employees[i];
    std::vector<char> off(p.days, 0);
    for (int d : e.days_off) {
      if (d >= 0 && d < p.days) off[d] = 1;
    }
    const int limit = row_bounds.add(-kInf, e.max_weekends);
    const int minutes = row_bounds.add(-kInf, e.max_total_minutes);
    std::vector<int> type_cap(types);
    for (int t = 0; t < types; ++t) type_cap[t] = row_bounds.add(-kInf, e.max_shifts[t]);
    for (int w = 0; w < weekends; ++w) {
      auto& y = y_entries[static_cast<size_t>(i) * weekends + w];
      y.emplace_back(limit, 1);
      for (int k = 0; k < 2; ++k) {
        const int one = row_bounds.add(-kInf, 1);     // one shift a day
        const int within = row_bounds.add(-kInf, 0);  // work on the day - y <= 0
        y.emplace_back(within, -1);
        for (int t = 0; t < types; ++t) {
          auto& c = entries[x(i, w, k, t)];
          if (e.max_shifts[t] == 0 || off[day_of(w, k)]) upper[x(i, w, k, t)] = 0;
          c.emplace_back(one, 1);
          c.emplace_back(within, 1);
          c.emplace_back(minutes, p.shifts[t].minutes);
          c.emplace_back(type_cap[t], 1);
        }
      }
      // Saturday t and any Sunday shift that may not follow it: one row per t. With one shift
      // a day it allows the same plans as a row per pair, and its LP is tighter (Instance 13:
      // CBC's bound 151 -> 811 in the same time).
      for (int t = 0; t < types; ++t) {
        if (banned_after[t].empty()) continue;
        const int row = row_bounds.add(-kInf, 1);
        entries[x(i, w, 0, t)].emplace_back(row, 1);
        for (auto next : banned_after[t]) entries[x(i, w, 1, next)].emplace_back(row, 1);
      }
    }
  }
  struct Slack {
    int row;
    double under_weight, over_weight;
  };
  std::vector<Slack> slacks;  // of the cover rows
  for (int w = 0; w < weekends; ++w) {
    for (int k = 0; k < 2; ++k) {
      for (int t = 0; t < types; ++t) {
        const auto& c = p.cover_of(day_of(w, k), static_cast<ShiftIdx>(t));
        const int row = row_bounds.add(c.requirement, c.requirement);
        for (int i = 0; i < n; ++i) entries[x(i, w, k, t)].emplace_back(row, 1);
        slacks.push_back(
            {row, static_cast<double>(c.under_weight), static_cast<double>(c.over_weight)});
      }
    }
  }
  MipRun run;
  for (size_t c = 0; c < entries.size(); ++c) {
    run.integers.push_back(static_cast<int>(c));
    columns.add(cell_cost[c], upper[c], entries[c]);
  }
  for (const auto& y : y_entries) {
    run.integers.push_back(static_cast<int>(columns.cost.size()));
    columns.add(0, 1, y);
  }
  for (const auto& slack : slacks) {  // cover + under - over = requirement
    columns.add(slack.under_weight, kInf, {{slack.row, 1.0}});
    columns.add(slack.over_weight, kInf, {{slack.row, -1.0}});
  }
  run.seconds = options.time_limit_seconds;
  const auto answer =
      solve_mip_with_bound(mip_model(columns, row_bounds.lower, row_bounds.upper), run);
  // CBC reports a huge negative value when it stopped before any bound.
  if (!std::isfinite(answer.bound) || answer.bound < -1e20) return std::nullopt;
  const long bound = static_cast<long>(std::ceil(answer.bound + constant - 1e-6));
  return std::max(0L, bound);
}

}  // namespace rcc::roster
