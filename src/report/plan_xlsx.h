// The plan as an Excel workbook (libxlsxwriter) for the managers a planner forwards it to:
// summary, roster (engineer x day), coverage against need per skill and hour, staffing of every
// role head, hiring, the jobs created and the simulated week's SLA. Real cell types, frozen
// headers, autofilters and conditional formats on gaps, breaches and unfilled heads.
#pragma once

#include <string>

#include "model/center.h"
#include "plan/pipeline.h"

namespace rcc::report {

// Writes the workbook to `path`. Throws std::runtime_error when it cannot be written; the file
// may then be left partly written, so callers write to a temporary name and rename.
void write_plan_xlsx(const model::Center& center, const plan::PlanResult& result,
                     const std::string& path);

}  // namespace rcc::report
