// Live operation: client tickets, their audit events and the published roster. Plain data; the
// rules that move a ticket from one status to the next live in dispatch/live_center.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "model/center.h"

namespace rcc::model {

using TicketId = std::int64_t;

enum class TicketStatus {
  open,               // waiting for an engineer
  assigned,           // routed to an engineer who has not accepted yet
  in_progress,        // accepted: the response SLA is met
  waiting_on_client,  // the resolution clock is paused
  resolved,           // the resolution SLA is met; the client may close
  closed,
};
inline constexpr std::size_t kTicketStatuses = 6;
static_assert(static_cast<std::size_t>(TicketStatus::closed) + 1 == kTicketStatuses);
std::string_view status_name(TicketStatus status);
std::optional<TicketStatus> status_from_name(std::string_view name);

// How close the ticket's running clock (response, then resolution) is to its deadline. Meeting
// the response starts the resolution clock from `none` again.
enum class Escalation { none, at_risk, breached };
std::string_view escalation_name(Escalation escalation);
std::optional<Escalation> escalation_from_name(std::string_view name);

struct Ticket {
  TicketId id = 0;
  ClientIdx client = 0;
  SkillIdx skill = 0;
  int min_level = 1;
  std::string language;  // required language, empty for any
  Priority priority = Priority::p3;
  std::string title;
  std::string description;
  TicketStatus status = TicketStatus::open;
  std::optional<EngineerIdx> engineer;
  Instant opened{};
  Instant response_due{};
  // Resolution clock: business time counted before `clock_since`, and the deadline if it keeps
  // running; while waiting on the client `paused_at` is set and the deadline is void.
  Instant resolution_due{};
  std::int64_t resolution_counted_seconds = 0;
  Instant clock_since{};
  std::optional<Instant> paused_at;
  std::optional<Instant> responded_at;
  std::optional<Instant> resolved_at;
  std::optional<Instant> closed_at;
  Escalation escalation = Escalation::none;
  std::int64_t version = 1;  // bumped by every change
};

constexpr bool is_open(TicketStatus s) {
  return s != TicketStatus::resolved && s != TicketStatus::closed;
}

// One value of an event's detail: nothing, a flag, a whole number, a number or a text. Engines
// speak these; the store and the API write them as JSON.
struct DetailValue {
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string> value;

  template <class T>
  DetailValue(T v) {  // NOLINT(google-explicit-constructor): detail lists read like JSON
    if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, bool>) {
      value = v;
    } else if constexpr (std::is_integral_v<T>) {
      value = static_cast<std::int64_t>(v);
    } else if constexpr (std::is_floating_point_v<T>) {
      value = static_cast<double>(v);
    } else {
      value = std::string(v);
    }
  }
  bool operator==(const DetailValue&) const = default;
};
using EventDetail = std::vector<std::pair<std::string, DetailValue>>;

// One state change, written in the same transaction as the state it produced.
struct Event {
  std::int64_t id = 0;  // assigned by the store
  Instant at{};
  std::string actor;   // "token:<id>" or "system"
  std::string entity;  // "ticket", "roster", "token", "plan_run"
  std::string entity_id;
  std::string kind;  // "created", "assigned", "accepted", "escalated", "published", ...
  EventDetail detail;
};

struct Comment {
  std::int64_t id = 0;
  TicketId ticket = 0;
  Instant at{};
  std::string actor;
  std::string body;
};

// One engineer's shift in the published roster, in the center's time zone.
struct PublishedShift {
  EngineerIdx engineer = 0;
  Date day{};
  ShiftTypeIdx shift = 0;
  SkillIdx skill = 0;
};

}  // namespace rcc::model
