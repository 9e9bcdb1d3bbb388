// The exact move that re-chooses one day for everybody (moves.h).
#include "roster/day_flow.h"
#include "roster/search/moves.h"

namespace rcc::roster {

// Every employee's cell on one day re-chosen together, exactly (day_flow.h), at the search
// cost; kept when no worse. Aimed at a day with a cell short of cover when there is one.
void day_move(SearchState& s) {
  const Problem& p = s.problem;
  const int n = static_cast<int>(p.employees.size());
  int day = s.rng.below(p.days);
  const auto& understaffed = s.understaffed();
  if (!understaffed.empty())
    day = understaffed[s.rng.below(static_cast<int>(understaffed.size()))] / s.shifts;
  const int width = s.shifts + 1;
  s.day_cost.assign(static_cast<size_t>(n) * width, DayFlowQuery::kNoValue);
  for (int i = 0; i < n; ++i) {
    const ShiftIdx was = s.roster[i][day];
    const long base = s.priced(i);
    for (int v = 0; v < width; ++v) {
      const auto value = static_cast<ShiftIdx>(v - 1);
      if (value != kOff && value != was && p.employees[i].max_shifts[value] == 0) continue;
      s.ledgers[i].set(day, value);
      s.day_cost[static_cast<size_t>(i) * width + v] = s.priced(i) - base;
    }
    s.ledgers[i].set(day, was);
  }
  DayFlowQuery query;
  query.day = day;
  query.cost = &s.day_cost;
  query.over_surcharge = &s.over_surcharge;
  const auto answer = best_day(p, query);
  long delta = 0;
  s.changed.clear();
  for (int i = 0; i < n; ++i) {
    if (answer.values[i] == s.roster[i][day]) continue;
    delta += s.put(i, day, answer.values[i]);
    s.changed.push_back(i);
  }
  for (int i : s.changed) {
    delta += s.priced(i) - s.row_price[i];
    s.store(i);
  }
  s.current += delta;
}

}  // namespace rcc::roster
