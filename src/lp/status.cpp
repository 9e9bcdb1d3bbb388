#include "lp/status.h"

#include "model/enum_names.h"

namespace rcc::lp {
namespace {
constexpr model::NameTable<SolveStatus, 4> kStatusNames{{
    {SolveStatus::optimal, "optimal"},
    {SolveStatus::feasible, "feasible"},
    {SolveStatus::infeasible, "infeasible"},
    {SolveStatus::time_limit_without_solution, "time_limit_without_solution"},
}};
}  // namespace

std::string_view status_name(SolveStatus status) {
  return model::name_of(kStatusNames, status);
}

bool has_solution(SolveStatus status) {
  return status == SolveStatus::optimal || status == SolveStatus::feasible;
}

}  // namespace rcc::lp
