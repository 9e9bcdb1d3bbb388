// The plan told slot by slot: who serves each head and why, or why nobody from the pool could;
// the hires the plan makes; and the sites they sit in. Internal to staffing. No I/O.
#pragma once

#include <vector>

#include "staffing/candidates.h"

namespace rcc::staffing {

// result.plans (parallel to the slots) from a candidate per slot, and result.fill_rate.
void explain_plans(const Candidates& model, const PoolIndex& pool, const std::vector<int>& picked,
                   StaffingResult& result);

// Slots of one skill, level and preferred city share a new engineer when their months fit in
// 1.0 FTE.
std::vector<Hire> group_hires(const Candidates& model, const std::vector<SlotPlan>& plans);

// Capacitated facility location for the hires: which candidate sites to open and where each hire
// sits, at the least seat and opening cost, within each site's seats and local talent supply per
// skill; hires beyond every seat are counted short. Fills the site fields of `result`.
void choose_sites(const model::Center& center, const StaffingOptions& options,
                  const std::vector<model::Date>& months, double seconds, StaffingResult& result);

}  // namespace rcc::staffing
