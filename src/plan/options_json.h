// The pipeline's options as JSON: the values a plan ran with, and every declaration (name, type,
// default, bounds or choices, unit, help) for the API and the dashboard's forms.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/options.h"

namespace rcc::plan {

nlohmann::ordered_json options_json(const PlanOptions& options);
nlohmann::ordered_json option_declarations_json();

}  // namespace rcc::plan
