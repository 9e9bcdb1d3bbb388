// ISO-8601 calendar dates and clock times as text, for every layer that reads or writes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/types.h"

namespace rcc::model {

// "2027-03-10" -> Date; nullopt for anything that is not a real calendar day.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date day);

// "08:30" -> 510 minutes after midnight. "24:00" is accepted (end of day).
std::optional<int> parse_clock(std::string_view text);
std::string format_clock(int minute_of_day);

// The first Monday on or after `day`: weeks of plans and simulations start there.
Date first_monday(Date day);

// First day of the month that contains `day`, and the first day of the next month.
Date month_start(Date day);
Date next_month(Date day);

}  // namespace rcc::model
