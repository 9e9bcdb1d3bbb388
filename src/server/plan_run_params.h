// The body of `POST /api/v1/plan-runs`: the pipeline's declared options (plan/options.h), each
// optional, checked against the same declaration the CLI's flags are built from.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/options.h"

namespace rcc::server {

// Throws ApiError 400 naming the JSON pointer of an unknown, mistyped or out-of-bounds member.
plan::PlanOptions parse_plan_run_params(const nlohmann::json& body);

}  // namespace rcc::server
