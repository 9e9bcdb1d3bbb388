// The best row of one employee for given per-day costs, under every hard rule of the employee's
// contract: a labelling dynamic programme over days whose states are (last assignment, length of
// the current run) and whose resources are minutes, weekends and the counts of capped shift
// types. It is the exact move of the local search (re-plan one employee against everybody
// else's cover) and the pricing problem of the column generation.
#pragma once

#include <limits>
#include <optional>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct RowQuery {
  int employee = 0;
  // cost[day * (shifts + 1) + 0] is the cost of the day off, [.. + 1 + t] of shift t.
  const std::vector<double>* cost = nullptr;
  // Days outside [free_from, free_to) keep the value they have in `fixed` (when given), so a
  // window of days can be re-planned against the rest of the row.
  const std::vector<ShiftIdx>* fixed = nullptr;
  int free_from = 0;
  int free_to = -1;  // -1: the end of the horizon
  // Labels kept per day, and per state and minutes; 0 keeps every non-dominated label (exact).
  // Caps make the programme a fast heuristic where many shift types are capped or the horizon
  // is long.
  int label_cap = 0;
  int group_cap = 0;
  // Only rows cheaper than this are of interest: partial rows that cannot get below it are
  // dropped early (the current row's cost makes the search for a better one fast).
  double bound = std::numeric_limits<double>::infinity();
  // Added for every whole weekend worked on one day of the two (a search's shaping term).
  double half_weekend_cost = 0;
};

struct RowAnswer {
  double cost = 0;
  std::vector<ShiftIdx> row;
};

// What `best_row` adds to the cost of `row` for half-worked weekends (query.half_weekend_cost
// for each weekend the programme walks that is worked on one day of the two), so that a bound
// can be set from a known row.
double half_weekend_penalty(const Problem& problem, const RowQuery& query,
                            const std::vector<ShiftIdx>& row);

// nullopt when no row satisfies the employee's hard rules (with the fixed days as given).
std::optional<RowAnswer> best_row(const Problem& problem, const RowQuery& query);

}  // namespace rcc::roster
