// Owning handles of COIN-OR's C interfaces, so that no model outlives its scope or leaks on an
// exception. Every LP and MIP rcc solves is made through these.
#pragma once

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

#include <memory>

namespace rcc::lp {

struct ClpDelete {
  void operator()(Clp_Simplex* model) const { Clp_deleteModel(model); }
};
struct CbcDelete {
  void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};
using ClpModel = std::unique_ptr<Clp_Simplex, ClpDelete>;
using CbcModel = std::unique_ptr<Cbc_Model, CbcDelete>;

inline ClpModel make_clp() {
  return ClpModel(Clp_newModel());
}
// Settings go after the problem is loaded, as every caller does: quiet (log level 0), minimising,
// "threads" "0" (CBC on the calling thread; "1" starts a worker the caller waits for).
inline CbcModel make_cbc() {
  return CbcModel(Cbc_newModel());
}

}  // namespace rcc::lp
