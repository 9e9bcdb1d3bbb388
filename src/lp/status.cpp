#include "lp/status.h"

namespace rcc::lp {

std::string_view status_name(SolveStatus status) {
  switch (status) {
    case SolveStatus::optimal:
      return "optimal";
    case SolveStatus::feasible:
      return "feasible";
    case SolveStatus::infeasible:
      return "infeasible";
    case SolveStatus::time_limit_without_solution:
      return "time_limit_without_solution";
  }
  return "time_limit_without_solution";
}

bool has_solution(SolveStatus status) {
  return status == SolveStatus::optimal || status == SolveStatus::feasible;
}

}  // namespace rcc::lp
