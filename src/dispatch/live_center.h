// The live state of the center behind `rcc serve`: tickets and their SLA clocks, the published
// roster, who is on shift, and the dispatcher that routes tickets to them. No I/O: every command
// takes the current instant and returns the changed tickets and the audit events to store in one
// transaction. Not thread-safe; the server serialises commands.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar/business_calendar.h"
#include "dispatch/dispatcher.h"
#include "dispatch/ticket_actions.h"
#include "model/center.h"
#include "model/ticket.h"

namespace rcc::dispatch {

struct LiveOptions {
  Policy policy = Policy::sla_risk_first;
  int capacity = 3;                // open tickets an engineer holds at once
  double at_risk_fraction = 0.25;  // escalate when less than this share of a target remains
};

struct NewTicket {
  model::ClientIdx client = 0;
  model::SkillIdx skill = 0;
  int min_level = 1;
  std::string language;  // empty: the client's SLA language for the priority, if any
  model::Priority priority = model::Priority::p3;
  std::string title;
  std::string description;
};

// A command the live state refuses. `kind` tells the caller which HTTP status it is.
class Rejected : public std::runtime_error {
 public:
  enum class Kind { not_found, conflict, invalid };
  Rejected(Kind k, const std::string& message) : std::runtime_error(message), kind(k) {}
  Kind kind;
};

// What a command changed: the new state of each ticket it touched and the events, in order.
struct Change {
  std::vector<model::Ticket> tickets;
  std::vector<model::Event> events;
  bool empty() const { return tickets.empty() && events.empty(); }
};

// Both SLA clocks of a ticket at an instant. Remaining times are business time on the clock of the
// ticket's priority; negative once the deadline has passed.
struct SlaStatus {
  model::Instant response_due{};
  bool response_met = false;
  bool response_breached = false;
  std::int64_t response_remaining_seconds = 0;
  std::optional<model::Instant> resolution_due;  // nullopt while paused
  bool resolution_paused = false;
  bool resolution_met = false;
  bool resolution_breached = false;
  std::int64_t resolution_remaining_seconds = 0;
};

struct LiveCounts {
  // Indexed by TicketStatus; read with count().
  std::array<long, model::kTicketStatuses> by_status{};
  std::size_t queued = 0;  // open tickets nobody qualified could take yet
  long count(model::TicketStatus status) const {
    return by_status.at(static_cast<std::size_t>(status));
  }
  int engineers_on_shift = 0;
  long escalations = 0;  // since start
  long handovers = 0;
};

class LiveCenter {
 public:
  // `center` must outlive the live center.
  LiveCenter(const model::Center& center, LiveOptions options);

  // Replaces the published roster. Engineers whose shift ends because of it hand their tickets
  // over; those who start now take queued work. Shifts are checked against the center.
  Change publish_roster(std::vector<model::PublishedShift> shifts, model::Instant now,
                        const std::string& actor);
  // Loads the tickets of a previous run (after a restart): those held by engineers still on
  // shift stay with them, the others are routed again.
  Change restore(std::vector<model::Ticket> tickets, model::Instant now);

  Change create(const NewTicket& ticket, model::Instant now, const std::string& actor);
  // `engineer` is needed by `assign` only.
  Change act(model::TicketId id, Action action, std::optional<model::EngineerIdx> engineer,
             model::Instant now, const std::string& actor);
  // Shift starts and ends, hand-overs and escalations due by `now`.
  Change tick(model::Instant now);

  const model::Ticket* find(model::TicketId id) const;
  const std::map<model::TicketId, model::Ticket>& tickets() const { return tickets_; }
  SlaStatus sla(const model::Ticket& ticket, model::Instant now) const;
  bool on_shift(model::EngineerIdx engineer) const { return dispatcher_.on_shift(engineer); }
  int load(model::EngineerIdx engineer) const { return dispatcher_.load(engineer); }
  // When the engineer's shift around `at` ends; nullopt when off shift then.
  std::optional<model::Instant> shift_end(model::EngineerIdx engineer, model::Instant at) const {
    const auto s = shift_at(engineer, at);
    return s ? std::optional(s->end) : std::nullopt;
  }
  int capacity() const { return options_.capacity; }
  const std::vector<model::PublishedShift>& roster() const { return roster_; }
  LiveCounts counts() const;
  model::TicketId next_id() const { return next_id_; }

 private:
  struct Interval {
    model::Instant begin, end;
  };
  class Recorder;  // collects one command's changes

  const calendar::BusinessCalendar& clock_of(const model::Ticket& t) const;
  bool routable(const Ticket& d) const;  // false when nobody speaks the language asked for
  Ticket dispatch_ticket(const model::Ticket& t) const;
  // Routes an unowned ticket, or queues it. Returns the engineer it went to.
  std::optional<model::EngineerIdx> route_or_queue(model::Ticket& t, model::Instant now,
                                                   Recorder& rec);
  void pull_work(model::EngineerIdx engineer, model::Instant now, Recorder& rec);
  void hand_over(model::EngineerIdx from, const std::vector<model::TicketId>& held,
                 model::Instant now, Recorder& rec);
  void set_on_shift(model::EngineerIdx engineer, model::Instant now, Recorder& rec);
  std::optional<Interval> shift_at(model::EngineerIdx engineer, model::Instant at) const;
  void rearm(const model::Ticket& t);
  void escalate(model::Ticket& t, model::Instant now, Recorder& rec);
  void release(model::Ticket& t, model::Instant now, Recorder& rec);
  std::chrono::seconds resolution_target(const model::Ticket& t) const;
  // Adds the business time since the clock last (re)started to the resolution count.
  void count_resolution_clock(model::Ticket& t, model::Instant now) const;

  const model::Center* center_;
  LiveOptions options_;
  Dispatcher dispatcher_;
  std::vector<calendar::BusinessCalendar> clocks_;  // [client * kPriorities + priority]
  std::unordered_map<std::string, LanguageId> languages_;
  std::map<model::TicketId, model::Ticket> tickets_;
  std::unordered_map<model::TicketId, WaitHandle> queued_;  // tickets in the dispatcher's queue
  model::TicketId next_id_ = 1;
  std::vector<model::PublishedShift> roster_;
  std::vector<std::vector<Interval>> shifts_;  // per engineer, merged, sorted
  // Future shift starts and ends (instant, engineer), processed by tick in order.
  std::set<std::pair<model::Instant, model::EngineerIdx>> boundaries_;
  // When each open ticket's running clock next needs a look (at risk, then breached).
  std::set<std::pair<model::Instant, model::TicketId>> alarms_;
  std::unordered_map<model::TicketId, model::Instant> alarm_of_;
  long escalations_ = 0;
  long handovers_ = 0;
};

}  // namespace rcc::dispatch
