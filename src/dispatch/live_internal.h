// What the live center's source files share: the recorder of a command's tickets and events,
// and small helpers. Internal to dispatch/live_*.cpp.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "dispatch/live_center.h"

namespace rcc::dispatch {

using model::Instant;
using model::TicketStatus;
using std::chrono::seconds;

namespace live_detail {

inline double axis(Instant t) {
  return static_cast<double>(t.time_since_epoch().count());
}

inline int priority_index(model::Priority p) {
  return static_cast<int>(p);
}

inline std::string ticket_key(model::TicketId id) {
  return std::to_string(id);
}

[[noreturn]] inline void conflict(const model::Ticket& t, Action action, std::string_view needs) {
  throw Rejected(Rejected::Kind::conflict, "ticket " + std::to_string(t.id) + " is " +
                                               std::string(model::status_name(t.status)) + "; " +
                                               std::string(action_name(action)) + " needs " +
                                               std::string(needs));
}

}  // namespace live_detail

using namespace live_detail;  // NOLINT(google-build-using-namespace): helpers of this component
                              // only

// Collects the tickets a command touched (each once, in first-touch order) and its events.
class LiveCenter::Recorder {
 public:
  Recorder(LiveCenter& live, Instant now, std::string actor)
      : live_(live), now_(now), actor_(std::move(actor)) {}

  void event(const model::Ticket& t, std::string kind, model::EventDetail detail) {
    touch(t);
    events_.push_back(
        {0, now_, actor_, "ticket", ticket_key(t.id), std::move(kind), std::move(detail)});
  }
  void event(std::string entity, std::string id, std::string kind, model::EventDetail detail) {
    events_.push_back(
        {0, now_, actor_, std::move(entity), std::move(id), std::move(kind), std::move(detail)});
  }
  void touch(const model::Ticket& t) {
    if (std::find(touched_.begin(), touched_.end(), t.id) == touched_.end()) {
      touched_.push_back(t.id);
    }
  }
  const std::string& actor() const { return actor_; }

  Change finish() {
    Change change;
    for (auto id : touched_) {
      auto& t = live_.tickets_.at(id);
      ++t.version;
      live_.rearm(t);
      change.tickets.push_back(t);
    }
    change.events = std::move(events_);
    return change;
  }

 private:
  LiveCenter& live_;
  Instant now_;
  std::string actor_;
  std::vector<model::TicketId> touched_;
  std::vector<model::Event> events_;
};

}  // namespace rcc::dispatch
