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

}  // namespace rcc::roster
