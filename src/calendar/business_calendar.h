// A client's business time: its time zone, workweek hours and holidays. Answers "add N business
// minutes to an instant" and "business minutes between two instants" — the basis of SLA clocks.
#pragma once

#include <chrono>
#include <vector>

#include "calendar/zones.h"
#include "model/center.h"

namespace rcc::calendar {

class BusinessCalendar {
 public:
  // Business hours of `client` in its own time zone, closed on the holidays of its calendar.
  // Throws model::BadInput when the client's time zone is unknown.
  static BusinessCalendar for_client(const model::Client& client,
                                     const model::HolidayCalendar& holidays);
  // Every minute counts: the clock of 24x7 priorities.
  static BusinessCalendar around_the_clock();

  BusinessCalendar(const date::time_zone& tz, const model::Workweek& week,
                   const std::vector<model::Holiday>& holidays);

  // Is the local calendar day `day` a working day (open weekday and not a holiday)?
  bool is_business_day(model::Date day) const;
  bool is_holiday(model::Date day) const;

  // The instant at which `duration` of business time has elapsed since `from`. A zero duration
  // returns `from` itself. Throws std::domain_error if the calendar never opens.
  model::Instant add_business_time(model::Instant from, std::chrono::seconds duration) const;
  model::Instant add_business_minutes(model::Instant from, std::chrono::minutes minutes) const {
    return add_business_time(from, minutes);
  }

  // Business time in [from, to); negative when to < from.
  std::chrono::seconds business_time_between(model::Instant from, model::Instant to) const;
  std::chrono::minutes business_minutes_between(model::Instant from, model::Instant to) const {
    return std::chrono::duration_cast<std::chrono::minutes>(business_time_between(from, to));
  }

  // The open intervals of business time that intersect [from, to), clipped to it, in order.
  std::vector<std::pair<model::Instant, model::Instant>> open_intervals(model::Instant from,
                                                                        model::Instant to) const;

  const date::time_zone& time_zone() const { return *tz_; }

 private:
  struct Interval {
    model::Instant begin;
    model::Instant end;
  };
  // The open interval of local day `day` in UTC, if the day is a business day.
  std::optional<Interval> open_interval(model::Date day) const;
  model::Date local_day(model::Instant t) const;

  const date::time_zone* tz_ = nullptr;
  model::Workweek week_{};
  bool always_open_ = false;
  std::vector<model::Date> closed_days_;  // sorted holiday days, local
};

}  // namespace rcc::calendar
