// The exact move that re-plans a few employees' windows together (moves.h).
#include <algorithm>

#include "roster/group_replan.h"
#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

// A few employees' windows re-planned together (group_replan.h), kept when the search cost
// is no worse. Aimed at a cell short of cover when there is one: a window around it and
// employees who may work its shift that day, so that one can take it while the others take
// over what it leaves; otherwise the employee `first` and others at random.
void group_move(SearchState& s, int first) {
  const Problem& p = s.problem;
  const int n = static_cast<int>(p.employees.size());
  const int length =
      std::min(p.days, s.rng.between(kTuning.group_move.window_min, kTuning.group_move.window_max));
  const int size = std::min(
      n, s.rng.between(kTuning.group_move.employees_min, kTuning.group_move.employees_max));
  GroupQuery query;
  const auto& understaffed = s.understaffed();
  if (!understaffed.empty()) {
    const int cell = understaffed[s.rng.below(static_cast<int>(understaffed.size()))];
    const int day = cell / s.shifts;
    const auto shift = static_cast<ShiftIdx>(cell % s.shifts);
    query.from = std::clamp(day - s.rng.below(length), 0, p.days - length);
    s.pool.clear();
    for (int e = 0; e < n; ++e) {
      const auto& employee = p.employees[e];
      if (employee.max_shifts[shift] == 0 || s.roster[e][day] == shift) continue;
      if (std::find(employee.days_off.begin(), employee.days_off.end(), day) !=
          employee.days_off.end())
        continue;
      s.pool.push_back(e);
    }
    while (static_cast<int>(query.employees.size()) < size && !s.pool.empty()) {
      const int k = s.rng.below(static_cast<int>(s.pool.size()));
      query.employees.push_back(s.pool[k]);
      s.pool[k] = s.pool.back();
      s.pool.pop_back();
    }
    if (query.employees.empty()) return;
  } else {
    query.from = s.rng.below(p.days - length + 1);
    query.employees.push_back(first);
    while (static_cast<int>(query.employees.size()) < size) {
      const int j = s.rng.below(n);
      if (std::find(query.employees.begin(), query.employees.end(), j) == query.employees.end())
        query.employees.push_back(j);
    }
  }
  query.to = query.from + length;
  // Everybody else's cover, and what each cell of the group's windows costs besides it.
  s.others = s.cover;
  const int width = s.shifts + 1;
  s.group_cells.resize(query.employees.size());
  for (size_t m = 0; m < query.employees.size(); ++m) {
    const int e = query.employees[m];
    for (int d = 0; d < p.days; ++d) {
      if (s.roster[e][d] != kOff) --s.others[d * s.shifts + s.roster[e][d]];
    }
    auto& cells = s.group_cells[m];
    cells.assign(static_cast<size_t>(p.days) * width, 0.0);
    for (int d = query.from; d < query.to; ++d) {
      double* c = &cells[static_cast<size_t>(d) * width];
      for (const auto& [t, w] : s.requests.on[e][d]) {
        for (int v = 0; v < width; ++v) c[v] += v != 1 + t ? w : 0;
      }
      for (const auto& [t, w] : s.requests.off[e][d]) c[1 + t] += w;
      if (s.options.published != nullptr && s.options.change_penalty > 0) {
        const ShiftIdx before = (*s.options.published)[e][d];
        for (int v = 0; v < width; ++v) c[v] += v != 1 + before ? s.options.change_penalty : 0;
      }
    }
  }
  query.roster = &s.roster;
  query.others = &s.others;
  query.cell_cost = &s.group_cells;
  query.label_cap = kTuning.group_move.label_cap;
  query.group_cap = kTuning.group_move.group_cap;
  query.max_rounds = kTuning.group_move.rounds;
  query.half_weekend_cost = static_cast<double>(s.half_weight);
  const auto answer = replan_group(p, query);
  if (!answer || answer->cost >= answer->start) return;
  s.saved.clear();
  const long before = s.current;
  for (size_t m = 0; m < query.employees.size(); ++m) {
    s.saved.push_back(s.roster[query.employees[m]]);
    s.set_row(query.employees[m], answer->rows[m]);
  }
  if (s.current <= before) return;
  for (size_t m = 0; m < query.employees.size(); ++m) s.set_row(query.employees[m], s.saved[m]);
}

}  // namespace rcc::roster
