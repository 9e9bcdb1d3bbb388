#include "calendar/business_calendar.h"

#include <date/tz.h>

#include <algorithm>
#include <stdexcept>

namespace rcc::calendar {

using model::Date;
using model::Instant;
using std::chrono::seconds;

namespace {
// No calendar of a real client is closed this long; past it the calendar is broken.
constexpr int kMaxClosedDays = 3 * 366;
}  // namespace

BusinessCalendar BusinessCalendar::for_client(const model::Client& client,
                                              const model::HolidayCalendar& holidays) {
  return {zone(client.timezone), client.workweek, holidays.holidays};
}

BusinessCalendar BusinessCalendar::around_the_clock() {
  model::Workweek week;
  week.fill({0, model::kMinutesPerDay});
  BusinessCalendar cal(zone("UTC"), week, {});
  cal.always_open_ = true;
  return cal;
}

BusinessCalendar::BusinessCalendar(const date::time_zone& tz, const model::Workweek& week,
                                   const std::vector<model::Holiday>& holidays)
    : tz_(&tz), week_(week) {
  for (const auto& h : holidays) {
    for (int d = 0; d < h.days; ++d) {
      closed_days_.push_back(h.effective_first() + std::chrono::days{d});
    }
  }
  std::sort(closed_days_.begin(), closed_days_.end());
  closed_days_.erase(std::unique(closed_days_.begin(), closed_days_.end()), closed_days_.end());
}

bool BusinessCalendar::is_holiday(Date day) const {
  return std::binary_search(closed_days_.begin(), closed_days_.end(), day);
}

bool BusinessCalendar::is_business_day(Date day) const {
  return week_[std::chrono::weekday{day}.c_encoding()].is_open() && !is_holiday(day);
}

Date BusinessCalendar::local_day(Instant t) const {
  const auto local = to_local(t, *tz_);
  return Date{std::chrono::floor<std::chrono::days>(local.time_since_epoch())};
}

std::optional<BusinessCalendar::Interval> BusinessCalendar::open_interval(Date day) const {
  if (!is_business_day(day)) return std::nullopt;
  const auto& hours = week_[std::chrono::weekday{day}.c_encoding()];
  const LocalTime midnight{day.time_since_epoch()};
  return Interval{to_utc(midnight + std::chrono::minutes{hours.open_minute}, *tz_),
                  to_utc(midnight + std::chrono::minutes{hours.close_minute}, *tz_)};
}

Instant BusinessCalendar::add_business_time(Instant from, seconds duration) const {
  if (duration <= seconds{0}) return from;
  if (always_open_) return from + duration;
  seconds remaining = duration;
  Date day = local_day(from);
  int closed_run = 0;
  // Days before `from`'s local day cannot contribute; walk forward one local day at a time.
  while (closed_run <= kMaxClosedDays) {
    if (const auto open = open_interval(day)) {
      closed_run = 0;
      const Instant begin = std::max(open->begin, from);
      if (begin < open->end) {
        const seconds available = open->end - begin;
        if (remaining <= available) return begin + remaining;
        remaining -= available;
      }
    } else {
      ++closed_run;
    }
    day += std::chrono::days{1};
  }
  throw std::domain_error("business calendar has no open day in " + std::to_string(kMaxClosedDays) +
                          " days");
}

std::vector<std::pair<Instant, Instant>> BusinessCalendar::open_intervals(Instant from,
                                                                          Instant to) const {
  std::vector<std::pair<Instant, Instant>> out;
  if (to <= from) return out;
  if (always_open_) return {{from, to}};
  const Date last = local_day(to);
  for (Date day = local_day(from); day <= last; day += std::chrono::days{1}) {
    if (const auto open = open_interval(day)) {
      const Instant begin = std::max(open->begin, from);
      const Instant end = std::min(open->end, to);
      if (begin < end) out.emplace_back(begin, end);
    }
  }
  return out;
}

seconds BusinessCalendar::business_time_between(Instant from, Instant to) const {
  if (to < from) return -business_time_between(to, from);
  if (always_open_) return to - from;
  seconds total{0};
  const Date last = local_day(to);
  for (Date day = local_day(from); day <= last; day += std::chrono::days{1}) {
    if (const auto open = open_interval(day)) {
      const Instant begin = std::max(open->begin, from);
      const Instant end = std::min(open->end, to);
      if (begin < end) total += end - begin;
    }
  }
  return total;
}

}  // namespace rcc::calendar
