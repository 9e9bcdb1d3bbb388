#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "curtois_instances.h"
#include "model/random.h"
#include "roster/benchmark_format.h"
#include "roster/group_replan.h"
#include "roster/row_dp.h"
#include "roster/row_ledger.h"

namespace rcc::roster {
namespace {

Problem instance3() {
  return testing::curtois_instance("Instance3");
}

// Employees outside the group on each shift.
std::vector<int> others_of(const Problem& p, const Roster& roster, const std::vector<int>& group) {
  const int shifts = static_cast<int>(p.shifts.size());
  std::vector<int> on(static_cast<size_t>(p.days) * shifts, 0);
  for (int e = 0; e < static_cast<int>(roster.size()); ++e) {
    if (std::find(group.begin(), group.end(), e) != group.end()) continue;
    for (int d = 0; d < p.days; ++d) {
      if (roster[e][d] != kOff) ++on[d * shifts + roster[e][d]];
    }
  }
  return on;
}

// The request costs of each group employee's cells, as the search gives them.
std::vector<std::vector<double>> request_cells(const Problem& p, const std::vector<int>& group) {
  const int width = static_cast<int>(p.shifts.size()) + 1;
  std::vector<std::vector<double>> cells(group.size(),
                                         std::vector<double>(static_cast<size_t>(p.days) * width));
  for (size_t m = 0; m < group.size(); ++m) {
    for (const auto& r : p.on_requests) {
      if (r.employee != group[m]) continue;
      for (int v = 0; v < width; ++v)
        cells[m][static_cast<size_t>(r.day) * width + v] += v != 1 + r.shift ? r.weight : 0;
    }
    for (const auto& r : p.off_requests) {
      if (r.employee == group[m])
        cells[m][static_cast<size_t>(r.day) * width + 1 + r.shift] += r.weight;
    }
  }
  return cells;
}

// The window's cover and the group's requests, recomputed from the rows independently.
double window_cost(const Problem& p, const Roster& roster, const std::vector<int>& group, int from,
                   int to) {
  double cost = 0;
  for (int d = from; d < to; ++d) {
    for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(p.shifts.size()); ++t) {
      int n = 0;
      for (const auto& row : roster) n += row[d] == t ? 1 : 0;
      const auto& c = p.cover_of(d, t);
      cost += n < c.requirement ? (c.requirement - n) * c.under_weight
                                : (n - c.requirement) * c.over_weight;
    }
  }
  for (const auto& r : p.on_requests) {
    if (r.day >= from && r.day < to && std::count(group.begin(), group.end(), r.employee) > 0)
      cost += roster[r.employee][r.day] != r.shift ? r.weight : 0;
  }
  for (const auto& r : p.off_requests) {
    if (r.day >= from && r.day < to && std::count(group.begin(), group.end(), r.employee) > 0)
      cost += roster[r.employee][r.day] == r.shift ? r.weight : 0;
  }
  return cost;
}

// Two employees who may work one weekend each have each spent theirs on half of the first
// weekend, and the second goes uncovered. Re-planned together they make the first weekend whole
// for one of them and free the other for the second: every weekend cell covered.
TEST(RosterGroupReplan, MakesTwoHalfWeekendsOneWholeAndCoversTheOther) {
  Problem p;
  p.days = 14;
  p.shifts = {{"D", 480, {}, false}};
  for (const char* id : {"A", "B"}) p.employees.push_back({id, {14}, 960, 960, 5, 1, 1, 1, {}});
  p.cover.assign(14, {0, 100, 1});
  for (int d : {5, 6, 12, 13}) p.cover[d].requirement = 1;
  Roster roster = empty_roster(p);
  roster[0][1] = roster[0][5] = 0;  // A: Monday and Saturday
  roster[1][2] = roster[1][6] = 0;  // B: Tuesday and Sunday
  const std::vector<int> group{0, 1};
  const auto others = others_of(p, roster, group);
  const auto cells = request_cells(p, group);
  GroupQuery q;
  q.employees = group;
  q.from = 0;
  q.to = 14;
  q.roster = &roster;
  q.others = &others;
  q.cell_cost = &cells;
  const auto answer = replan_group(p, q);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->start, 202);  // two weekend cells short, two weekday cells over
  EXPECT_EQ(answer->cost, 0);
  Roster after = roster;
  after[0] = answer->rows[0];
  after[1] = answer->rows[1];
  EXPECT_EQ(window_cost(p, after, group, 0, 14), 0);
  for (int e = 0; e < 2; ++e) EXPECT_EQ(hard_amount(p, e, after[e]), 0) << "employee " << e;
}

// On Instance 3, from feasible rows, random groups and windows: the answer never costs more than
// the rows it started from, its cost is the window's as recomputed, every row keeps its
// contract and no day outside the window moves.
TEST(RosterGroupReplan, NeverWorseKeepsContractsAndTheDaysOutside) {
  const auto p = instance3();
  const int n = static_cast<int>(p.employees.size());
  const int width = static_cast<int>(p.shifts.size()) + 1;
  model::Rng rng(5);
  Roster roster = empty_roster(p);
  for (int e = 0; e < n; ++e) {
    std::vector<double> cost(static_cast<size_t>(p.days) * width);
    for (auto& c : cost) c = rng.between(-5, 5);
    RowQuery q;
    q.employee = e;
    q.cost = &cost;
    const auto row = best_row(p, q);
    ASSERT_TRUE(row.has_value());
    roster[e] = row->row;
  }
  int improved = 0;
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<int> group;
    const int size = rng.between(2, 5);
    while (static_cast<int>(group.size()) < size) {
      const int e = rng.below(n);
      if (std::find(group.begin(), group.end(), e) == group.end()) group.push_back(e);
    }
    const int length = rng.between(4, 10);
    const int from = rng.below(p.days - length + 1);
    const auto others = others_of(p, roster, group);
    const auto cells = request_cells(p, group);
    GroupQuery q;
    q.employees = group;
    q.from = from;
    q.to = from + length;
    q.roster = &roster;
    q.others = &others;
    q.cell_cost = &cells;
    const auto answer = replan_group(p, q);
    ASSERT_TRUE(answer.has_value()) << "trial " << trial;
    const double before = window_cost(p, roster, group, q.from, q.to);
    EXPECT_DOUBLE_EQ(answer->start, before) << "trial " << trial;
    EXPECT_LE(answer->cost, answer->start) << "trial " << trial;
    Roster after = roster;
    for (size_t m = 0; m < group.size(); ++m) after[group[m]] = answer->rows[m];
    EXPECT_DOUBLE_EQ(window_cost(p, after, group, q.from, q.to), answer->cost) << "trial " << trial;
    for (int e : group) {
      EXPECT_EQ(hard_amount(p, e, after[e]), 0) << "trial " << trial << " employee " << e;
      for (int d = 0; d < p.days; ++d) {
        if (d < q.from || d >= q.to) {
          EXPECT_EQ(after[e][d], roster[e][d]);
        }
      }
    }
    improved += answer->cost < answer->start ? 1 : 0;
    roster = after;
  }
  EXPECT_GT(improved, 5);  // the moves did something, so the checks meant something
}

}  // namespace
}  // namespace rcc::roster
