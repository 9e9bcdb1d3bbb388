// Why a roster problem cannot be satisfied, in the planner's terms: necessary conditions checked
// directly on the data (cover that more people would have to work than may, contracts whose
// minimum hours do not fit in the days an employee may work). They name the constraints in
// conflict; a problem that passes them can still be infeasible.
#pragma once

#include <string>
#include <vector>

#include "roster/problem.h"

namespace rcc::roster {

struct Conflict {
  int day = -1;       // -1 when not about one day
  int employee = -1;  // -1 when not about one employee
  std::string message;
};

std::vector<Conflict> find_conflicts(const Problem& problem);

}  // namespace rcc::roster
