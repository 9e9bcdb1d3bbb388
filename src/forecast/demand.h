// From ticket forecast to engineers: the forecast is per client in client time; the center staffs
// in Pakistan time. For a given week this converts every center hour to each client's local hour
// through the tz database, pools the tickets of a skill across clients, and finds with Erlang C
// the fewest engineers who answer the target share of tickets within their priority's response
// target, grossed up for shrinkage (breaks, training, meetings).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/center.h"

namespace rcc::forecast {

struct StaffingTarget {
  double service_level = 0.80;  // share of tickets answered within their response target
  double shrinkage = 0.30;      // share of paid time not available for tickets
};

struct SkillHourlyNeed {
  model::SkillIdx skill = 0;
  // Hour of the week in center time: 0 = Monday 00:00-01:00.
  std::array<double, model::kHoursPerWeek> arrivals{};  // tickets per hour
  std::array<double, model::kHoursPerWeek> erlangs{};   // offered load
  std::array<int, model::kHoursPerWeek> engineers{};    // on shift, after shrinkage
  std::array<int, model::kHoursPerWeek> covered{};      // from center.json coverage
};

// For the week that starts on the first Monday on or after `week_start`, center time.
// Throws std::invalid_argument naming the skill when a target cannot be met by any staffing.
std::vector<SkillHourlyNeed> required_engineers(const model::Center& center,
                                                const StaffingTarget& target,
                                                model::Date week_start);

// A run of consecutive hours in which a skill is short of engineers.
struct Shortfall {
  model::SkillIdx skill = 0;
  int first_hour = 0;  // hour of week, center time
  int hours = 0;
  int worst_gap = 0;  // engineers missing at the worst hour
};
std::vector<Shortfall> shortfalls(const std::vector<SkillHourlyNeed>& needs);

}  // namespace rcc::forecast
