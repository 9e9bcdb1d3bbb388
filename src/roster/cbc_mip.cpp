#include "roster/cbc_mip.h"

#include <coin/Cbc_C_Interface.h>

#include <memory>
#include <type_traits>

namespace rcc::roster {

// MipModel's column starts go to CBC as they are.
static_assert(std::is_same_v<CoinBigIndex, int>);

MipAnswer solve_mip_with_bound(const MipModel& m, const MipRun& run) {
  const std::unique_ptr<Cbc_Model, decltype(&Cbc_deleteModel)> mip(Cbc_newModel(),
                                                                   &Cbc_deleteModel);
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
  Cbc_setMaximumSeconds(mip.get(), run.seconds);
  if (run.nodes >= 0) Cbc_setMaximumNodes(mip.get(), static_cast<int>(run.nodes));
  Cbc_solve(mip.get());
  MipAnswer answer;
  answer.bound = Cbc_getBestPossibleObjValue(mip.get());
  const double* x = Cbc_getColSolution(mip.get());
  if (x != nullptr) answer.values.assign(x, x + m.columns);
  return answer;
}

std::vector<double> solve_mip(const MipModel& m, const MipRun& run) {
  return solve_mip_with_bound(m, run).values;
}

}  // namespace rcc::roster
