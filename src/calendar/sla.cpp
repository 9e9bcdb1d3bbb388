#include "calendar/sla.h"

namespace rcc::calendar {

using model::Instant;
using std::chrono::seconds;

BusinessCalendar sla_calendar(const model::Client& client, const model::HolidayCalendar& holidays,
                              model::Priority priority) {
  const auto& target = client.sla[static_cast<int>(priority)];
  if (target.clock == model::SlaClock::around_the_clock)
    return BusinessCalendar::around_the_clock();
  return BusinessCalendar::for_client(client, holidays);
}

SlaTimer::SlaTimer(const BusinessCalendar& calendar, std::chrono::minutes target, Instant start)
    : calendar_(&calendar), target_(target), running_since_(start) {}

void SlaTimer::pause(Instant at) {
  if (paused_since_) return;
  counted_before_ += calendar_->business_time_between(running_since_, std::max(at, running_since_));
  paused_since_ = std::max(at, running_since_);
}

void SlaTimer::resume(Instant at) {
  if (!paused_since_) return;
  running_since_ = std::max(at, *paused_since_);
  paused_since_.reset();
}

seconds SlaTimer::elapsed(Instant now) const {
  if (paused_since_) return counted_before_;
  if (now <= running_since_) return counted_before_;
  return counted_before_ + calendar_->business_time_between(running_since_, now);
}

std::optional<Instant> SlaTimer::deadline() const {
  if (paused_since_) return std::nullopt;
  const seconds left = target_ - counted_before_;
  if (left <= seconds{0}) {
    // Already due: the deadline passed while counting before the last resume.
    return running_since_;
  }
  return calendar_->add_business_time(running_since_, left);
}

SlaDeadlines sla_deadlines(const model::Client& client, const model::HolidayCalendar& holidays,
                           model::Priority priority, Instant opened) {
  const auto calendar = sla_calendar(client, holidays, priority);
  const auto& target = client.sla[static_cast<int>(priority)];
  return {calendar.add_business_minutes(opened, std::chrono::minutes{target.response_minutes}),
          calendar.add_business_minutes(opened, std::chrono::minutes{target.resolution_minutes})};
}

TwoClocks on_both_clocks(Instant instant, const model::Client& client,
                         const std::string& center_timezone) {
  return {format_local(instant, zone(client.timezone)),
          format_local(instant, zone(center_timezone))};
}

}  // namespace rcc::calendar
