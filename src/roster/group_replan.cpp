#include "roster/group_replan.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "lp/simplex.h"
#include "roster/row_dp.h"

namespace rcc::roster {
namespace {

constexpr double kNegative = -1e-6;  // reduced costs below this make a row worth adding

// The master's columns: under/over slacks of each cover row of the window, then rows.
struct Master {
  std::vector<double> cost, lower, upper, value;
  std::vector<int> start{0};
  std::vector<int> row;
  std::vector<int> member;  // index in the group, -1 for a slack
  std::vector<std::vector<ShiftIdx>> rows;

  void add(double c, double up, int who) {
    cost.push_back(c);
    lower.push_back(0);
    upper.push_back(up);
    start.push_back(static_cast<int>(row.size()));
    member.push_back(who);
    rows.emplace_back();
  }
  int size() const { return static_cast<int>(cost.size()); }
};

// The rows found, one per employee, by CBC from the rows as they were (columns
// first_row_column on); nullopt unless every employee gets a row.
std::optional<std::vector<std::vector<ShiftIdx>>> choose_rows(const Master& master,
                                                              const std::vector<double>& bound,
                                                              int first_row_column, int k) {
  lp::MipRun run;
  for (int c = 0; c < master.size(); ++c) {
    if (master.member[c] < 0) continue;
    run.integers.push_back(c);
    run.start.push_back(c >= first_row_column && c < first_row_column + k ? 1.0 : 0.0);
  }
  const auto x = lp::solve_mip(lp::view_of(master, bound, bound), run).values;
  if (x.empty()) return std::nullopt;
  std::vector<std::vector<ShiftIdx>> chosen(k);
  for (int c = 0; c < master.size(); ++c) {
    const int m = master.member[c];
    if (m >= 0 && x[c] > 0.5) chosen[m] = master.rows[c];
  }
  for (const auto& row : chosen) {
    if (row.empty()) return std::nullopt;
  }
  return chosen;
}

}  // namespace

std::optional<GroupAnswer> replan_group(const Problem& p, const GroupQuery& q) {
  const int k = static_cast<int>(q.employees.size());
  const int shifts = static_cast<int>(p.shifts.size());
  const int width = shifts + 1;
  const int days = q.to - q.from;
  if (k == 0 || days <= 0) return std::nullopt;
  const auto& others = *q.others;
  const auto cover_row = [&](int d, int t) { return k + (d - q.from) * shifts + t; };
  const int n_rows = k + days * shifts;
  std::vector<double> bound(n_rows, 1.0);
  for (int d = q.from; d < q.to; ++d) {
    for (int t = 0; t < shifts; ++t) {
      bound[cover_row(d, t)] =
          p.cover_of(d, static_cast<ShiftIdx>(t)).requirement - others[d * shifts + t];
    }
  }
  // The pricing programme's query for the m-th employee (its costs are filled in per round).
  std::vector<double> price(static_cast<size_t>(p.days) * width, 0.0);
  const auto row_query = [&](int m) {
    RowQuery query;
    query.employee = q.employees[m];
    query.cost = &price;
    query.fixed = &(*q.roster)[q.employees[m]];
    query.free_from = q.from;
    query.free_to = q.to;
    query.label_cap = q.label_cap;
    query.group_cap = q.group_cap;
    query.half_weekend_cost = q.half_weekend_cost;
    return query;
  };
  // What a row of the m-th employee costs besides cover.
  const auto row_cost = [&](int m, const std::vector<ShiftIdx>& row) {
    double c = half_weekend_penalty(p, row_query(m), row);
    for (int d = q.from; d < q.to; ++d)
      c += (*q.cell_cost)[m][static_cast<size_t>(d) * width + 1 + row[d]];
    return c;
  };
  // What the window of a set of rows costs: cover (with everybody else) and the rows' costs.
  const auto window_cost = [&](const std::vector<std::vector<ShiftIdx>>& rows) {
    double c = 0;
    for (int m = 0; m < k; ++m) c += row_cost(m, rows[m]);
    std::vector<int> on(static_cast<size_t>(days) * shifts, 0);
    for (int m = 0; m < k; ++m) {
      for (int d = q.from; d < q.to; ++d) {
        const ShiftIdx v = rows[m][d];
        if (v != kOff) ++on[(d - q.from) * shifts + v];
      }
    }
    for (int d = q.from; d < q.to; ++d) {
      for (int t = 0; t < shifts; ++t) {
        const auto& cover = p.cover_of(d, static_cast<ShiftIdx>(t));
        const int n = on[(d - q.from) * shifts + t] + others[d * shifts + t];
        c += n < cover.requirement ? static_cast<double>(cover.requirement - n) * cover.under_weight
                                   : static_cast<double>(n - cover.requirement) * cover.over_weight;
      }
    }
    return c;
  };

  Master master;
  for (int d = q.from; d < q.to; ++d) {
    for (int t = 0; t < shifts; ++t) {
      const auto& cover = p.cover_of(d, static_cast<ShiftIdx>(t));
      master.add(cover.under_weight, 1e30, -1);
      master.row.push_back(cover_row(d, t));
      master.value.push_back(1.0);
      master.start.back() = static_cast<int>(master.row.size());
      master.add(cover.over_weight, 1e30, -1);
      master.row.push_back(cover_row(d, t));
      master.value.push_back(-1.0);
      master.start.back() = static_cast<int>(master.row.size());
    }
  }
  const auto add_row = [&](int m, const std::vector<ShiftIdx>& row) {
    master.add(row_cost(m, row), 1.0, m);
    master.row.push_back(m);
    master.value.push_back(1.0);
    for (int d = q.from; d < q.to; ++d) {
      if (row[d] == kOff) continue;
      master.row.push_back(cover_row(d, row[d]));
      master.value.push_back(1.0);
    }
    master.start.back() = static_cast<int>(master.row.size());
    master.rows.back() = row;
  };
  GroupAnswer answer;
  answer.rows.reserve(k);
  for (int m = 0; m < k; ++m) {
    answer.rows.push_back((*q.roster)[q.employees[m]]);
    add_row(m, answer.rows.back());
  }
  answer.start = answer.cost = window_cost(answer.rows);
  const int first_row_column = master.size() - k;

  lp::Simplex simplex(lp::view_of(master, bound, bound));
  bool priced_any = false;
  for (int round = 0; round < q.max_rounds; ++round) {
    if (!simplex.solve(lp::SimplexMethod::primal)) return std::nullopt;
    const double* dual = simplex.duals();
    const int before = master.size();
    for (int m = 0; m < k; ++m) {
      const auto& cells = (*q.cell_cost)[m];
      for (int d = q.from; d < q.to; ++d) {
        const size_t at = static_cast<size_t>(d) * width;
        price[at] = cells[at];
        for (int t = 0; t < shifts; ++t)
          price[at + 1 + t] = cells[at + 1 + t] - dual[cover_row(d, t)];
      }
      RowQuery query = row_query(m);
      query.bound = dual[m] + kNegative;
      std::optional<RowAnswer> found;
      try {
        found = best_row(p, query);
      } catch (const std::length_error&) {
        return std::nullopt;  // too many capped shift types for the programme
      }
      if (found && found->cost - dual[m] < kNegative) add_row(m, found->row);
    }
    if (master.size() == before) break;
    priced_any = true;
    const int added = master.size() - before;
    std::vector<int> starts(added + 1);
    for (int c = 0; c <= added; ++c) starts[c] = master.start[before + c] - master.start[before];
    simplex.add_columns(added, &master.lower[before], &master.upper[before], &master.cost[before],
                        starts.data(), &master.row[master.start[before]],
                        &master.value[master.start[before]]);
  }
  if (!priced_any) return answer;  // no row of the group can improve the LP: keep them
  // Costs are whole numbers: a better choice of rows costs at most start - 1, and the LP over
  // the rows found bounds every choice among them.
  if (!simplex.solve(lp::SimplexMethod::primal) || simplex.objective() > answer.start - 1 + 1e-6)
    return answer;

  auto chosen = choose_rows(master, bound, first_row_column, k);
  if (!chosen) return answer;
  const double cost = window_cost(*chosen);
  if (cost < answer.cost) {
    answer.rows = std::move(*chosen);
    answer.cost = cost;
  }
  return answer;
}

}  // namespace rcc::roster
