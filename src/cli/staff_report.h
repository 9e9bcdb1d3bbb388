// What `rcc staff` prints and exports (and the staffing stage of `rcc plan`).
#pragma once

#include <string>

#include "cli/command_support.h"
#include "staffing/staffing_plan.h"

namespace rcc::cli {

std::string staffing_text(const model::Center& center, const staffing::StaffingResult& result);

}  // namespace rcc::cli
