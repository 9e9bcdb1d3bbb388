#include "roster/evaluator.h"

#include <algorithm>
#include <string>

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

std::string describe(const Problem& p, const Breach& b) {
  const auto n = [](long x) { return std::to_string(x); };
  switch (b.rule) {
    case Rule::forbidden_succession:
      return p.shifts[b.found].id + " may not follow " + p.shifts[b.limit].id;
    case Rule::max_shifts:
      return n(b.found) + " shifts " + p.shifts[b.shift].id + ", at most " + n(b.limit);
    case Rule::max_total_minutes:
      return n(b.found) + " minutes, at most " + n(b.limit);
    case Rule::min_total_minutes:
      return n(b.found) + " minutes, at least " + n(b.limit);
    case Rule::max_consecutive_shifts:
      return n(b.found) + " days in a row, at most " + n(b.limit);
    case Rule::min_consecutive_shifts:
      return n(b.found) + " days in a row, at least " + n(b.limit);
    case Rule::min_consecutive_days_off:
      return n(b.found) + " days off in a row, at least " + n(b.limit);
    case Rule::max_weekends:
      return n(b.found) + " weekends worked, at most " + n(b.limit);
    case Rule::day_off:
      return "works " + p.shifts[b.found].id + " on a fixed day off";
  }
  return "";
}

}  // namespace

Evaluation evaluate(const Problem& p, const Roster& roster) {
  Evaluation ev;
  for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) {
    for_each_breach(p, i, roster[i], [&](const Breach& b) {
      ev.violations.push_back({b.rule, i, b.day, describe(p, b)});
    });
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
