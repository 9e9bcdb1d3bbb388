// The PlanResult as JSON: the one shape `rcc plan --json`, the API's plan runs, the dashboard
// and the reports read. Each section has its own function for the commands that run one stage.
#pragma once

#include <nlohmann/json.hpp>

#include "model/center.h"
#include "plan/pipeline.h"
#include "staffing/capacity.h"
#include "staffing/staffing_plan.h"

namespace rcc::report {

using Json = nlohmann::ordered_json;

// The whole plan; sections of stages that did not run are null.
Json plan_json(const model::Center& center, const plan::PlanResult& result);

Json stages_json(const std::vector<plan::StageReport>& stages);
Json capacity_json(const model::Center& center, const staffing::CapacitySummary& summary);
Json demand_json(const model::Center& center, const std::vector<forecast::SkillHourlyNeed>& needs);
Json design_json(const model::Center& center, const plan::CoverageDesign& plan);
// The roster's summary and every shift of it (engineer, date, shift, skill) in `assignments`.
Json roster_json(const model::Center& center, const plan::PlannedRoster& roster);
Json staffing_json(const model::Center& center, const staffing::StaffingResult& result);
Json simulation_json(const sim::CenterSimulation& setup, const sim::SimResult& result);

}  // namespace rcc::report
