#include "calendar/zones.h"

#include <date/tz.h>

#include <sstream>
#include <stdexcept>

#include "model/center.h"

namespace rcc::calendar {

const date::time_zone* find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

const date::time_zone& zone(std::string_view name) {
  const auto* tz = find_zone(name);
  if (tz == nullptr) {
    throw std::invalid_argument("unknown time zone \"" + std::string(name) + "\"");
  }
  return *tz;
}

LocalTime to_local(model::Instant instant, const date::time_zone& tz) {
  return tz.to_local(instant);
}

model::Instant to_utc(LocalTime local, const date::time_zone& tz) {
  const auto info = tz.get_info(local);
  if (info.result == date::local_info::nonexistent) {
    // In the gap the local time never happened; the clocks jumped at the end of `first`.
    return std::chrono::floor<std::chrono::seconds>(info.first.end);
  }
  return model::Instant{local.time_since_epoch()} - info.first.offset;
}

std::string format_local(model::Instant instant, const date::time_zone& tz) {
  const auto zt = date::make_zoned(&tz, instant);
  return date::format("%Y-%m-%dT%H:%M:%S%Ez", zt);
}

std::optional<model::Instant> parse_instant(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::sys_seconds t;
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) {
    in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  } else {
    in >> date::parse("%Y-%m-%dT%H:%M:%S%Ez", t);
  }
  if (in.fail()) return std::nullopt;
  in.peek();
  if (!in.eof()) return std::nullopt;
  return t;
}

std::vector<model::Problem> check_time_zones(const model::Center& center) {
  using model::EntityKind;
  std::vector<model::Problem> out;
  if (find_zone(center.timezone) == nullptr) {
    out.push_back({{EntityKind::center},
                   "timezone",
                   "\"" + center.timezone + "\" is not a time zone of the tz database"});
  }
  for (int i = 0; i < static_cast<int>(center.clients.size()); ++i) {
    const auto& tz = center.clients[i].timezone;
    if (find_zone(tz) == nullptr) {
      out.push_back({{EntityKind::client, i},
                     "timezone",
                     "\"" + tz + "\" is not a time zone of the tz database"});
    }
  }
  return out;
}

}  // namespace rcc::calendar
