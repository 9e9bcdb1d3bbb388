#include "roster/evaluator.h"

#include <algorithm>

namespace rcc::roster {

const char* rule_name(Rule rule) {
  switch (rule) {
    case Rule::forbidden_succession:
      return "forbidden succession";
    case Rule::max_shifts:
      return "max shifts of a type";
    case Rule::max_total_minutes:
      return "max total minutes";
    case Rule::min_total_minutes:
      return "min total minutes";
    case Rule::max_consecutive_shifts:
      return "max consecutive shifts";
    case Rule::min_consecutive_shifts:
      return "min consecutive shifts";
    case Rule::min_consecutive_days_off:
      return "min consecutive days off";
    case Rule::max_weekends:
      return "max weekends";
    case Rule::day_off:
      return "day off";
  }
  return "?";
}

namespace {

void check_employee(const Problem& p, int i, const std::vector<ShiftIdx>& row,
                    std::vector<Violation>& out) {
  const auto& e = p.employees[i];
  const int h = p.days;
  const auto works = [&](int d) { return row[d] != kOff; };

  for (int d = 0; d + 1 < h; ++d) {
    if (!works(d) || !works(d + 1)) continue;
    const auto& banned = p.shifts[row[d]].forbidden_next;
    if (std::find(banned.begin(), banned.end(), row[d + 1]) != banned.end()) {
      out.push_back({Rule::forbidden_succession, i, d + 1,
                     p.shifts[row[d + 1]].id + " may not follow " + p.shifts[row[d]].id});
    }
  }
  std::vector<int> count(p.shifts.size(), 0);
  long minutes = 0;
  for (int d = 0; d < h; ++d) {
    if (!works(d)) continue;
    ++count[row[d]];
    minutes += p.shifts[row[d]].minutes;
  }
  for (size_t t = 0; t < p.shifts.size(); ++t) {
    if (count[t] > e.max_shifts[t]) {
      out.push_back({Rule::max_shifts, i, -1,
                     std::to_string(count[t]) + " shifts " + p.shifts[t].id + ", at most " +
                         std::to_string(e.max_shifts[t])});
    }
  }
  if (minutes > e.max_total_minutes) {
    out.push_back(
        {Rule::max_total_minutes, i, -1,
         std::to_string(minutes) + " minutes, at most " + std::to_string(e.max_total_minutes)});
  }
  if (minutes < e.min_total_minutes) {
    out.push_back(
        {Rule::min_total_minutes, i, -1,
         std::to_string(minutes) + " minutes, at least " + std::to_string(e.min_total_minutes)});
  }
  // Runs of working days and of days off.
  int d = 0;
  while (d < h) {
    const bool working = works(d);
    int end = d;
    while (end < h && works(end) == working) ++end;
    const int length = end - d;
    const bool inside = d > 0 && end < h;  // bounded on both sides within the horizon
    if (working) {
      if (length > e.max_consecutive_shifts) {
        out.push_back({Rule::max_consecutive_shifts, i, d,
                       std::to_string(length) + " days in a row, at most " +
                           std::to_string(e.max_consecutive_shifts)});
      }
      if (inside && length < e.min_consecutive_shifts) {
        out.push_back({Rule::min_consecutive_shifts, i, d,
                       std::to_string(length) + " days in a row, at least " +
                           std::to_string(e.min_consecutive_shifts)});
      }
    } else if (inside && length < e.min_consecutive_days_off) {
      out.push_back({Rule::min_consecutive_days_off, i, d,
                     std::to_string(length) + " days off in a row, at least " +
                         std::to_string(e.min_consecutive_days_off)});
    }
    d = end;
  }
  int weekends = 0;
  for (int w = 0; 7 * w + 6 < h; ++w) weekends += (works(7 * w + 5) || works(7 * w + 6)) ? 1 : 0;
  if (weekends > e.max_weekends) {
    out.push_back(
        {Rule::max_weekends, i, -1,
         std::to_string(weekends) + " weekends worked, at most " + std::to_string(e.max_weekends)});
  }
  for (int off : e.days_off) {
    if (off >= 0 && off < h && works(off)) {
      out.push_back(
          {Rule::day_off, i, off, "works " + p.shifts[row[off]].id + " on a fixed day off"});
    }
  }
}

}  // namespace

Evaluation evaluate(const Problem& p, const Roster& roster) {
  Evaluation ev;
  for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) {
    check_employee(p, i, roster[i], ev.violations);
  }
  for (const auto& r : p.on_requests) {
    if (roster[r.employee][r.day] != r.shift) ev.breakdown.shift_on_requests += r.weight;
  }
  for (const auto& r : p.off_requests) {
    if (roster[r.employee][r.day] == r.shift) ev.breakdown.shift_off_requests += r.weight;
  }
  const int n_shifts = static_cast<int>(p.shifts.size());
  std::vector<int> on(static_cast<size_t>(p.days) * n_shifts, 0);
  for (const auto& row : roster) {
    for (int d = 0; d < p.days; ++d) {
      if (row[d] != kOff) ++on[static_cast<size_t>(d) * n_shifts + row[d]];
    }
  }
  for (int d = 0; d < p.days; ++d) {
    for (ShiftIdx t = 0; t < n_shifts; ++t) {
      const auto& c = p.cover_of(d, t);
      const int n = on[static_cast<size_t>(d) * n_shifts + t];
      if (n < c.requirement)
        ev.breakdown.cover_under += static_cast<long>(c.requirement - n) * c.under_weight;
      if (n > c.requirement)
        ev.breakdown.cover_over += static_cast<long>(n - c.requirement) * c.over_weight;
    }
  }
  ev.objective = ev.breakdown.total();
  return ev;
}

}  // namespace rcc::roster
