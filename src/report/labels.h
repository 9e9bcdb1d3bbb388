// The words and labels every rendering of a plan shares (JSON, CLI tables, workbooks, pages), so
// a shift, a month or a role head reads the same wherever it is shown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "forecast/shift_design.h"
#include "model/center.h"
#include "staffing/staffing_plan.h"

namespace rcc::report {

inline constexpr std::string_view kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// "Tue 07:00" for an hour of the week (0 = Monday 00:00).
std::string hour_label(int hour_of_week);
// "2027-03" for a month.
std::string month_text(model::Date month);
// The items with `separator` between them.
std::string joined(const std::vector<std::string>& items, std::string_view separator);
// "P-NAJD-5G/rf-engineer#2": a project role's head.
std::string slot_name(const model::Center& center, const staffing::Slot& slot);

}  // namespace rcc::report
