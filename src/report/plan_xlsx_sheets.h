// The sheets of the plan workbook, one function each (plan_xlsx.cpp puts them together).
#pragma once

#include "model/center.h"
#include "plan/pipeline.h"
#include "report/xlsx_sheet.h"

namespace rcc::report {

void roster_sheet(XlsxSheet& sheet, const model::Center& center, const plan::PlannedRoster& r);
void coverage_sheet(XlsxSheet& sheet, const model::Center& center, const plan::PlanResult& r);
void staffing_sheet(XlsxSheet& sheet, const model::Center& center,
                    const staffing::StaffingResult& r);
void hiring_sheet(XlsxSheet& sheet, const model::Center& center, const staffing::StaffingResult& r);
void jobs_sheet(XlsxSheet& sheet, const model::Center& center, const staffing::StaffingResult& r);
void sla_sheet(XlsxSheet& sheet, const plan::PlanResult& r);

// Per skill and hour of the week (center time), the fewest engineers the roster has on shift in
// that hour over its weeks: an engineer counts when the shift covers the hour's first minute.
std::vector<std::array<int, model::kHoursPerWeek>> rostered_by_hour(
    const model::Center& center, const plan::PlannedRoster& roster);

}  // namespace rcc::report
