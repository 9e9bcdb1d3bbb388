// Time zones through the IANA tz database of the system (tzdata), never fixed offsets:
// UTC instants to and from local wall-clock time of Pakistan or a client country.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/invariants.h"
#include "model/types.h"

namespace date {
class time_zone;
}

namespace rcc::calendar {

using LocalTime = date::local_seconds;

// The zone called `name`, or nullptr when the tz database has no such zone.
const date::time_zone* find_zone(std::string_view name);

// Like find_zone, but throws std::invalid_argument naming the zone when it is unknown.
const date::time_zone& zone(std::string_view name);

LocalTime to_local(model::Instant instant, const date::time_zone& tz);

// A local wall-clock time to UTC. Times skipped by a DST change map to the instant the clocks
// jump to; ambiguous times map to the earlier instant.
model::Instant to_utc(LocalTime local, const date::time_zone& tz);

// "2027-03-10T09:00:00+03:00"
std::string format_local(model::Instant instant, const date::time_zone& tz);

// "2027-03-10T06:00:00Z"
std::string format_utc(model::Instant instant);

// Parses "2027-03-10T09:00:00Z" or with an offset "+05:00"; nullopt if malformed.
std::optional<model::Instant> parse_instant(std::string_view text);

// Every time zone of the center and its clients that the tz database does not know.
std::vector<model::Problem> check_time_zones(const model::Center& center);

}  // namespace rcc::calendar
