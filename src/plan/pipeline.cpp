#include "plan/pipeline.h"

#include <stdexcept>

#include "model/dates.h"

namespace rcc::plan {

StaffingPlan plan_staffing(const model::Center& center, const StaffingTarget& target) {
  StaffingPlan plan;
  plan.needs =
      forecast::required_engineers(center, target.service, model::month_start(center.plan_start));
  forecast::ShiftDesignOptions design_options;
  if (target.shift_patterns == "center") {
    for (const auto& type : center.shift_types) {
      design_options.patterns.push_back({type.start_minute, type.length_minutes});
    }
  } else if (target.shift_patterns != "any") {
    throw std::invalid_argument("--shift-patterns must be center or any");
  }
  for (const auto& need : plan.needs) {
    auto design = forecast::design_shifts(need.engineers, design_options);
    for (const auto& s : design.shifts) {
      plan.shift_needs.push_back(
          {s.day, need.skill, s.start_minute, s.length_minutes, s.engineers});
    }
    plan.designs.emplace_back(need.skill, std::move(design));
  }
  return plan;
}

PlannedRoster plan_roster(const model::Center& center, const StaffingPlan& staffing,
                          model::Date first_day, int weeks, long moves) {
  std::vector<roster::SkillShiftDemand> demand;
  for (const auto& [skill, design] : staffing.designs) {
    for (const auto& d : design.shifts) {
      for (int t = 0; t < static_cast<int>(center.shift_types.size()); ++t) {
        const auto& type = center.shift_types[t];
        if (type.start_minute == d.start_minute && type.length_minutes == d.length_minutes) {
          demand.push_back({d.day, t, skill, d.engineers});
          break;
        }
      }
    }
  }
  PlannedRoster out;
  if (demand.empty()) return out;  // shifts designed outside the center's shift types
  const auto rcc = roster::build_rcc_roster(center, demand, first_day, weeks);
  roster::SolveOptions options;
  options.max_iterations = moves;
  options.time_limit_seconds = 600;  // guards only against a machine far slower than expected
  out.solved = roster::solve(rcc.problem, options);
  out.summary = roster::summarize_rcc_roster(center, rcc, out.solved.roster);
  for (size_t i = 0; i < out.solved.roster.size(); ++i) {
    for (int d = 0; d < rcc.problem.days; ++d) {
      const auto t = out.solved.roster[i][d];
      if (t == roster::kOff) continue;
      const auto& type = center.shift_types[rcc.types[t].shift];
      out.shifts.push_back({rcc.engineers[i], first_day + std::chrono::days{d}, type.start_minute,
                            type.length_minutes});
      out.published.push_back({rcc.engineers[i], first_day + std::chrono::days{d},
                               rcc.types[t].shift, rcc.types[t].skill});
    }
  }
  return out;
}

}  // namespace rcc::plan
