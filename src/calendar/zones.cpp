#include "calendar/zones.h"

#include <date/tz.h>

#include <array>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "model/center.h"
#include "model/errors.h"

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
    throw model::BadInput("unknown time zone \"" + std::string(name) + "\"");
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

namespace {

// "YYYY-MM-DDTHH:MM:SS" by hand: this runs several times for every ticket the API returns, and a
// stream or printf costs about a microsecond each.
void put_digits(std::string& out, long long value, int width) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 || n < width);
  while (n > 0) out += buf[--n];
}

std::string iso_seconds(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const date::year_month_day ymd{day};
  const auto secs = (t - day).count();
  std::string out;
  out.reserve(26);
  put_digits(out, static_cast<int>(ymd.year()), 4);
  out += '-';
  put_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  put_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += 'T';
  put_digits(out, secs / 3600, 2);
  out += ':';
  put_digits(out, secs / 60 % 60, 2);
  out += ':';
  put_digits(out, secs % 60, 2);
  return out;
}

}  // namespace

std::string format_local(model::Instant instant, const date::time_zone& tz) {
  // The zone's offset holds over an interval of time (to the next transition): remember the last
  // one asked per thread, since successive calls mostly ask the same zone about nearby instants.
  struct Cached {
    const date::time_zone* zone = nullptr;
    date::sys_info info;
  };
  thread_local std::array<Cached, 4> cache{};
  thread_local size_t next_slot = 0;
  const date::sys_info* info = nullptr;
  for (const auto& c : cache) {
    if (c.zone == &tz && c.info.begin <= instant && instant < c.info.end) info = &c.info;
  }
  if (info == nullptr) {
    auto& slot = cache[next_slot++ % cache.size()];
    slot = {&tz, tz.get_info(instant)};
    info = &slot.info;
  }
  const auto offset = info->offset;
  auto out = iso_seconds(instant + offset);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  const auto magnitude = minutes < 0 ? -minutes : minutes;
  out += minutes < 0 ? '-' : '+';
  put_digits(out, magnitude / 60, 2);
  out += ':';
  put_digits(out, magnitude % 60, 2);
  return out;
}

std::string format_utc(model::Instant instant) {
  return iso_seconds(instant) + 'Z';
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
