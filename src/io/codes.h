// Text codes shared by the dataset reader and writer: weekdays and enums (priorities are
// model::kPriorityCodes).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "model/center.h"

namespace rcc::io {

// Indexed by std::chrono::weekday::c_encoding() (0 = Sunday).
inline constexpr std::array<std::string_view, 7> kWeekdayCodes = {"sun", "mon", "tue", "wed",
                                                                  "thu", "fri", "sat"};

std::optional<int> weekday_from_code(std::string_view code);
std::string_view sla_clock_code(model::SlaClock clock);
std::optional<model::SlaClock> sla_clock_from_code(std::string_view code);
std::string_view work_mode_code(model::WorkMode mode);
std::optional<model::WorkMode> work_mode_from_code(std::string_view code);

}  // namespace rcc::io
