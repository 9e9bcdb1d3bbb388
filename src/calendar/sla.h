// SLA clocks of a ticket. The contract clock runs in the client's time: 24x7 priorities count every
// minute, business-hours priorities only the client's business hours outside its holidays
// (tentative ones included until confirmed elsewhere). The resolution clock stops while the ticket
// waits on the client. Deadlines are instants; shown in client time for the contract and in
// Pakistan time for the engineers who staff it.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "calendar/business_calendar.h"
#include "model/center.h"

namespace rcc::calendar {

// The calendar a client's priority is counted in.
BusinessCalendar sla_calendar(const model::Client& client, const model::HolidayCalendar& holidays,
                              model::Priority priority);

// One running clock: counts business time from `start`, minus the time it was paused.
class SlaTimer {
 public:
  SlaTimer(const BusinessCalendar& calendar, std::chrono::minutes target, model::Instant start);

  // Stop counting at `at` (waiting on the client). Pausing a paused timer changes nothing.
  void pause(model::Instant at);
  // Count again from `at`. Resuming a running timer changes nothing.
  void resume(model::Instant at);
  bool paused() const { return paused_since_.has_value(); }

  // Business time counted up to `now`.
  std::chrono::seconds elapsed(model::Instant now) const;
  // When the target is reached if the clock keeps running; nullopt while paused.
  std::optional<model::Instant> deadline() const;
  bool breached(model::Instant now) const { return elapsed(now) > target_; }

 private:
  const BusinessCalendar* calendar_;
  std::chrono::seconds target_;
  model::Instant running_since_;
  std::chrono::seconds counted_before_{0};  // business time counted before running_since_
  std::optional<model::Instant> paused_since_;
};

// Both deadlines of a new ticket.
struct SlaDeadlines {
  model::Instant response;
  model::Instant resolution;
};
SlaDeadlines sla_deadlines(const model::Client& client, const model::HolidayCalendar& holidays,
                           model::Priority priority, model::Instant opened);

// A deadline on both clocks: "2027-03-14T09:30:00+03:00" for the client, "...+05:00" for the
// center.
struct TwoClocks {
  std::string client_time;
  std::string center_time;
};
TwoClocks on_both_clocks(model::Instant instant, const model::Client& client,
                         const std::string& center_timezone = "Asia/Karachi");

}  // namespace rcc::calendar
