// The exact benchmark objective and every hard-constraint violation of a roster, with employee
// and day: the reference every solver move is checked against. Rules as in
// shared/benchdata/curtois/BEST_KNOWN.md section 2.2 (border exemptions included).
#pragma once

#include <string>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

enum class Rule {
  forbidden_succession,
  max_shifts,
  max_total_minutes,
  min_total_minutes,
  max_consecutive_shifts,
  min_consecutive_shifts,
  min_consecutive_days_off,
  max_weekends,
  day_off,
};
const char* rule_name(Rule rule);

struct Violation {
  Rule rule;
  int employee = 0;
  int day = -1;  // first day concerned; -1 when the rule is about the whole horizon
  std::string detail;
};

struct Breakdown {
  long shift_on_requests = 0;
  long shift_off_requests = 0;
  long cover_under = 0;
  long cover_over = 0;
  long total() const { return shift_on_requests + shift_off_requests + cover_under + cover_over; }
};

struct Evaluation {
  long objective = 0;
  Breakdown breakdown;
  std::vector<Violation> violations;
  bool feasible() const { return violations.empty(); }
};

Evaluation evaluate(const Problem& problem, const Roster& roster);

// One hard rule broken by one employee's row: what was found against the limit.
// For a forbidden succession `found` is the shift that followed and `limit` the one before it;
// for a day off `found` is the shift worked.
struct Breach {
  Rule rule;
  int day = -1;  // first day concerned, -1 for rules about the whole horizon
  long found = 0;
  long limit = 0;
  ShiftIdx shift = kOff;  // the shift type concerned, for per-type limits
};

// Calls on_breach(const Breach&) for every hard rule the row breaks: the one definition of the
// rules, shared by the evaluator (which words them) and the solver (which weighs them).
template <class OnBreach>
void for_each_breach(const Problem& p, int employee, const std::vector<ShiftIdx>& row,
                     OnBreach&& on_breach) {
  const auto& e = p.employees[employee];
  const int h = p.days;
  const auto works = [&](int d) { return row[d] != kOff; };
  for (int d = 0; d + 1 < h; ++d) {
    if (!works(d) || !works(d + 1)) continue;
    for (auto banned : p.shifts[row[d]].forbidden_next) {
      if (banned == row[d + 1])
        on_breach(Breach{Rule::forbidden_succession, d + 1, row[d + 1], row[d]});
    }
  }
  long minutes = 0;
  // Counts per shift type without allocating for up to 64 types: this runs on every move.
  int count_by_type[64] = {};
  std::vector<int> count_big;
  int* count = count_by_type;
  if (p.shifts.size() > 64) {
    count_big.assign(p.shifts.size(), 0);
    count = count_big.data();
  }
  for (int d = 0; d < h; ++d) {
    if (!works(d)) continue;
    ++count[row[d]];
    minutes += p.shifts[row[d]].minutes;
  }
  for (size_t t = 0; t < p.shifts.size(); ++t) {
    if (count[t] > e.max_shifts[t]) {
      on_breach(Breach{Rule::max_shifts, -1, count[t], e.max_shifts[t], static_cast<ShiftIdx>(t)});
    }
  }
  if (minutes > e.max_total_minutes)
    on_breach(Breach{Rule::max_total_minutes, -1, minutes, e.max_total_minutes});
  if (minutes < e.min_total_minutes)
    on_breach(Breach{Rule::min_total_minutes, -1, minutes, e.min_total_minutes});
  // Runs of working days and of days off; "inside" runs have the horizon on neither side.
  for (int d = 0; d < h;) {
    const bool working = works(d);
    int end = d;
    while (end < h && works(end) == working) ++end;
    const int length = end - d;
    const bool inside = d > 0 && end < h;
    if (working) {
      if (length > e.max_consecutive_shifts) {
        on_breach(Breach{Rule::max_consecutive_shifts, d, length, e.max_consecutive_shifts});
      }
      if (inside && length < e.min_consecutive_shifts) {
        on_breach(Breach{Rule::min_consecutive_shifts, d, length, e.min_consecutive_shifts});
      }
    } else if (inside && length < e.min_consecutive_days_off) {
      on_breach(Breach{Rule::min_consecutive_days_off, d, length, e.min_consecutive_days_off});
    }
    d = end;
  }
  int weekends = 0;
  for (int w = 0; 7 * w + 6 < h; ++w) weekends += (works(7 * w + 5) || works(7 * w + 6)) ? 1 : 0;
  if (weekends > e.max_weekends)
    on_breach(Breach{Rule::max_weekends, -1, weekends, e.max_weekends});
  for (int off : e.days_off) {
    if (off >= 0 && off < h && works(off)) on_breach(Breach{Rule::day_off, off, row[off], 0});
  }
}

}  // namespace rcc::roster
