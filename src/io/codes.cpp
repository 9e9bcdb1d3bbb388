#include "io/codes.h"

namespace rcc::io {

std::optional<int> weekday_from_code(std::string_view code) {
  for (int i = 0; i < 7; ++i) {
    if (kWeekdayCodes[i] == code) return i;
  }
  return std::nullopt;
}

std::string_view sla_clock_code(model::SlaClock clock) {
  return clock == model::SlaClock::around_the_clock ? "24x7" : "business";
}

std::optional<model::SlaClock> sla_clock_from_code(std::string_view code) {
  if (code == "24x7") return model::SlaClock::around_the_clock;
  if (code == "business") return model::SlaClock::business_hours;
  return std::nullopt;
}

std::string_view work_mode_code(model::WorkMode mode) {
  return mode == model::WorkMode::onsite ? "onsite" : "remote";
}

std::optional<model::WorkMode> work_mode_from_code(std::string_view code) {
  if (code == "remote") return model::WorkMode::remote;
  if (code == "onsite") return model::WorkMode::onsite;
  return std::nullopt;
}

}  // namespace rcc::io
