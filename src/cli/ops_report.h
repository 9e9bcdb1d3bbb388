// What `rcc capacity` and `rcc simulate` print (and the matching stages of `rcc plan`).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "forecast/demand.h"
#include "forecast/shift_design.h"
#include "plan/pipeline.h"
#include "sim/center_input.h"
#include "sim/simulator.h"

namespace rcc::cli {

std::string demand_text(const model::Center& center,
                        const std::vector<forecast::SkillHourlyNeed>& needs);
nlohmann::ordered_json demand_json(const model::Center& center,
                                   const std::vector<forecast::SkillHourlyNeed>& needs);

std::string design_text(const model::Center& center, const plan::StaffingPlan& plan);
nlohmann::ordered_json design_json(const model::Center& center, const plan::StaffingPlan& plan);

std::string simulation_text(const sim::CenterSimulation& setup, const sim::SimResult& result);
nlohmann::ordered_json simulation_json(const sim::CenterSimulation& setup,
                                       const sim::SimResult& result);

}  // namespace rcc::cli
