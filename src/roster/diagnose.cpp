#include "roster/diagnose.h"

#include <algorithm>
#include <set>

namespace rcc::roster {

std::vector<Conflict> find_conflicts(const Problem& p) {
  std::vector<Conflict> out;
  const int n = static_cast<int>(p.employees.size());
  std::vector<std::set<int>> off(n);
  for (int i = 0; i < n; ++i)
    off[i].insert(p.employees[i].days_off.begin(), p.employees[i].days_off.end());

  // Cover that needs more people than may work that shift that day. Under-cover is soft in the
  // benchmark, so this is reported as unavoidable penalty rather than infeasibility.
  for (int d = 0; d < p.days; ++d) {
    int may_work_day = 0;
    for (int i = 0; i < n; ++i) may_work_day += off[i].contains(d) ? 0 : 1;
    int needed_day = 0;
    for (ShiftIdx t = 0; t < static_cast<ShiftIdx>(p.shifts.size()); ++t) {
      const auto& c = p.cover_of(d, t);
      needed_day += c.requirement;
      int may = 0;
      for (int i = 0; i < n; ++i) {
        may += (!off[i].contains(d) && p.employees[i].max_shifts[t] > 0) ? 1 : 0;
      }
      if (c.requirement > may) {
        out.push_back({d, -1,
                       "cover on day " + std::to_string(d) + " needs " +
                           std::to_string(c.requirement) + " on shift " + p.shifts[t].id +
                           ", only " + std::to_string(may) +
                           " employees may work it (the others have the day off or may not work " +
                           p.shifts[t].id + "): at least " +
                           std::to_string((c.requirement - may) * c.under_weight) +
                           " of penalty is unavoidable"});
      }
    }
    if (needed_day > may_work_day) {
      out.push_back({d, -1,
                     "day " + std::to_string(d) + " needs " + std::to_string(needed_day) +
                         " shifts in all, only " + std::to_string(may_work_day) +
                         " employees may work that day"});
    }
  }

  // Contracts whose minimum hours cannot be reached: even working every allowed day on the
  // longest allowed shift, within the per-type limits and the run limit.
  for (int i = 0; i < n; ++i) {
    const auto& e = p.employees[i];
    std::vector<int> lengths;  // one entry per shift the employee may still take, longest first
    for (size_t t = 0; t < p.shifts.size(); ++t) {
      for (int k = 0; k < std::min(e.max_shifts[t], p.days); ++k)
        lengths.push_back(p.shifts[t].minutes);
    }
    std::sort(lengths.rbegin(), lengths.rend());
    int days = p.days - static_cast<int>(off[i].size());
    // At most max_consecutive_shifts in every window of max + 1 days.
    if (e.max_consecutive_shifts > 0) {
      const int window = e.max_consecutive_shifts + 1;
      days = std::min(days, p.days / window * e.max_consecutive_shifts +
                                std::min(p.days % window, e.max_consecutive_shifts));
    }
    long best = 0;
    for (int k = 0; k < std::min<int>(days, static_cast<int>(lengths.size())); ++k)
      best += lengths[k];
    if (best < e.min_total_minutes) {
      out.push_back({-1, i,
                     "employee " + e.id + " must work at least " +
                         std::to_string(e.min_total_minutes) + " minutes but can reach at most " +
                         std::to_string(best) + " (days off, shift limits and at most " +
                         std::to_string(e.max_consecutive_shifts) + " days in a row)"});
    }
  }
  return out;
}

}  // namespace rcc::roster
