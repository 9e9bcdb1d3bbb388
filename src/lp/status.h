// One status for every LP and MIP answer in rcc: what the solver proved about the plan it gives.
#pragma once

#include <string_view>

namespace rcc::lp {

enum class SolveStatus {
  optimal,                      // a plan, proven best (objective equals the bound)
  feasible,                     // a plan, not proven best when the limit came
  infeasible,                   // proven: no plan exists
  time_limit_without_solution,  // the limit came before any plan
};

std::string_view status_name(SolveStatus status);  // "optimal", "feasible", ...
bool has_solution(SolveStatus status);

}  // namespace rcc::lp
