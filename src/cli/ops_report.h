// What `rcc capacity` and `rcc simulate` print as tables (and the matching stages of `rcc plan`);
// their JSON is report/plan_json.h.
#pragma once

#include <string>

#include "forecast/demand.h"
#include "forecast/shift_design.h"
#include "plan/pipeline.h"
#include "sim/center_input.h"
#include "sim/simulator.h"

namespace rcc::cli {

std::string demand_text(const model::Center& center,
                        const std::vector<forecast::SkillHourlyNeed>& needs);

std::string design_text(const model::Center& center, const plan::CoverageDesign& plan);

std::string simulation_text(const sim::CenterSimulation& setup, const sim::SimResult& result);

}  // namespace rcc::cli
