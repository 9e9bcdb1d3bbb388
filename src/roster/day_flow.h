// One day re-planned for every employee at once: each employee keeps or changes their cell on
// that day (a shift or off), and the cover of the day's shifts couples them. With one cell per
// employee, each employee's price of each value is known on its own (the row's ledger prices
// it), so the best choice for all of them together is a min-cost flow (LEMON's network
// simplex): employees -> the value they take -> cover, whose convex cost (under weight per
// missing employee, over weight per extra one) is two parallel arcs. It finds ejection chains
// the local search meets only through uphill steps: A leaves shift x for y, which is short, B
// takes A's place on x, C leaves an over-covered z for B's old shift.
#pragma once

#include <limits>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct DayFlowQuery {
  int day = 0;
  // cost[employee * (shifts + 1) + 1 + value]: what the employee's row costs besides cover
  // (up to a constant per employee) with `value` on the day; kNoValue where it may not take it.
  const std::vector<long>* cost = nullptr;
  // [day * shifts + shift]: added to the cover's over weight (a search's shaping), if given.
  const std::vector<long>* over_surcharge = nullptr;
  static constexpr long kNoValue = std::numeric_limits<long>::max();
};

struct DayFlowAnswer {
  std::vector<ShiftIdx> values;  // per employee
  long cost = 0;                 // the query's cell costs plus the day's cover cost
};

// Needs every employee to have at least one value they may take (off, say).
DayFlowAnswer best_day(const Problem& problem, const DayFlowQuery& query);

}  // namespace rcc::roster
