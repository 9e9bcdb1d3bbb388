// The pipeline's declared options (plan/options.h) as CLI11 flags: `service_level` becomes
// `--service-level`, with its default, its bounds in the help and CLI11's range check.
#pragma once

#include <CLI/CLI.hpp>
#include <string_view>
#include <vector>

#include "plan/options.h"

namespace rcc::cli {

// Adds the named options (all when `names` is empty) to `command`, writing into `values`.
void add_plan_options(CLI::App* command, plan::PlanOptions& values,
                      const std::vector<std::string_view>& names = {});

}  // namespace rcc::cli
