// What `rcc plan` prints: a readable summary per stage, or the same as JSON.
#pragma once

#include <string>

#include "model/center.h"
#include "staffing/capacity.h"

namespace rcc::cli {

std::string capacity_text(const model::Center& center, const staffing::CapacitySummary& summary);

}  // namespace rcc::cli
