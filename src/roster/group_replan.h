// A few employees' rows re-planned together over a window of days against everybody else's
// cover: a small price-and-branch (column generation over the window's rows of those employees,
// priced by the row programme with the days outside the window fixed, then CBC over the rows
// found). One employee at a time cannot hand a shift to another (two half-worked weekends made
// into one whole weekend and a free one, say); this move can. A move of the local search.
#pragma once

#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct GroupQuery {
  std::vector<int> employees;  // the group, distinct
  int from = 0, to = 0;        // the window [from, to)
  // The roster as it is: the group's days outside the window stay, everybody else's all.
  const Roster* roster = nullptr;
  // Employees outside the group on each shift: [day * shifts + shift] (the whole horizon).
  const std::vector<int>* others = nullptr;
  // What each cell of a group employee's window costs besides cover:
  // cell_cost[k][day * (shifts + 1) + 1 + value], for the k-th employee of the group (requests,
  // change penalties), the whole horizon.
  const std::vector<std::vector<double>>* cell_cost = nullptr;
  int label_cap = 500;  // of the pricing programme (row_dp.h)
  int group_cap = 16;
  int max_rounds = 25;           // of column generation
  double half_weekend_cost = 0;  // the search's shaping term (RowQuery::half_weekend_cost)
};

struct GroupAnswer {
  std::vector<std::vector<ShiftIdx>> rows;  // the group's new rows, whole horizon, in order
  double cost = 0;   // cover of the window, cell costs and half weekends, as the query prices them
  double start = 0;  // the same for the rows as they were
};

// nullopt when the master failed; the answer may be the rows as they were.
std::optional<GroupAnswer> replan_group(const Problem& problem, const GroupQuery& query);

}  // namespace rcc::roster
