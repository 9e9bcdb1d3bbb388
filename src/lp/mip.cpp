#include <type_traits>

#include "lp/handles.h"
#include "lp/model.h"

namespace rcc::lp {

// ModelView's column starts go to CBC as they are.
static_assert(std::is_same_v<CoinBigIndex, int>);

Answer solve_mip(const ModelView& m, const MipRun& run) {
  const auto mip = make_cbc();
  Cbc_loadProblem(mip.get(), m.columns, m.rows, m.start, m.row, m.value, m.column_lower,
                  m.column_upper, m.cost, m.row_lower, m.row_upper);
  for (int c : run.integers) Cbc_setInteger(mip.get(), c);
  if (!run.start.empty()) {
    Cbc_setMIPStartI(mip.get(), static_cast<int>(run.integers.size()), run.integers.data(),
                     run.start.data());
  }
  Cbc_setObjSense(mip.get(), 1);
  Cbc_setLogLevel(mip.get(), 0);
  Cbc_setParameter(mip.get(), "threads", "0");
  for (const auto& [name, value] : run.parameters) {
    Cbc_setParameter(mip.get(), name.c_str(), value.c_str());
  }
  if (run.wall_clock) Cbc_setParameter(mip.get(), "timeMode", "elapsed");
  Cbc_setMaximumSeconds(mip.get(), run.seconds);
  if (run.nodes >= 0) Cbc_setMaximumNodes(mip.get(), static_cast<int>(run.nodes));
  Cbc_solve(mip.get());
  Answer answer;
  answer.bound = Cbc_getBestPossibleObjValue(mip.get());
  // The columns as CBC left them, plan or not: callers check the plan against their own rows.
  const double* x = Cbc_getColSolution(mip.get());
  if (x != nullptr) answer.values.assign(x, x + m.columns);
  if (const double* best = Cbc_bestSolution(mip.get()); best != nullptr) {
    answer.plan.assign(best, best + m.columns);
  }
  if (Cbc_isProvenInfeasible(mip.get()) != 0) {
    answer.status = SolveStatus::infeasible;
  } else if (Cbc_bestSolution(mip.get()) != nullptr) {
    answer.objective = Cbc_getObjValue(mip.get());
    answer.status =
        Cbc_isProvenOptimal(mip.get()) != 0 ? SolveStatus::optimal : SolveStatus::feasible;
  }
  return answer;
}

}  // namespace rcc::lp
