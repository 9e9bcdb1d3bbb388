// A ticket's lifecycle in the live center: the actions of the transition table.
#include "calendar/sla.h"
#include "calendar/zones.h"
#include "dispatch/live_internal.h"
#include "model/dates.h"

namespace rcc::dispatch {

std::chrono::seconds LiveCenter::resolution_target(const model::Ticket& t) const {
  return std::chrono::minutes{
      center_->clients[t.client].sla[priority_index(t.priority)].resolution_minutes};
}

void LiveCenter::count_resolution_clock(model::Ticket& t, Instant now) const {
  t.resolution_counted_seconds += clock_of(t).business_time_between(t.clock_since, now).count();
  t.clock_since = now;
}

void LiveCenter::release(model::Ticket& t, Instant now, Recorder& rec) {
  if (!t.engineer) return;
  const auto engineer = *t.engineer;
  dispatcher_.release(engineer, t.id, axis(now));
  pull_work(engineer, now, rec);
}

Change LiveCenter::act(model::TicketId id, Action action,
                       std::optional<model::EngineerIdx> engineer, Instant now,
                       const std::string& actor) {
  const auto it = tickets_.find(id);
  if (it == tickets_.end()) {
    throw Rejected(Rejected::Kind::not_found, "no ticket " + std::to_string(id));
  }
  auto& t = it->second;
  if (!takes_from(action, t.status)) conflict(t, action, action_needs(action));
  Recorder rec(*this, now, actor);
  switch (action) {
    case Action::assign: {
      if (!engineer || *engineer < 0 || *engineer >= static_cast<int>(center_->engineers.size())) {
        throw Rejected(Rejected::Kind::invalid, "assign needs a known engineer");
      }
      const auto& e = center_->engineers[*engineer];
      if (e.level(t.skill) == 0) {
        throw Rejected(Rejected::Kind::conflict,
                       "engineer " + e.id + " does not have skill " + center_->skills[t.skill].id);
      }
      if (!dispatcher_.on_shift(*engineer)) {
        throw Rejected(Rejected::Kind::conflict, "engineer " + e.id + " is not on shift");
      }
      if (t.engineer == engineer) conflict(t, action, "another engineer than the current one");
      const auto d = dispatch_ticket(t);
      if (t.engineer) {
        dispatcher_.release(*t.engineer, t.id, axis(now));
      } else if (const auto q = queued_.find(t.id); q != queued_.end()) {
        dispatcher_.withdraw(q->second);
        queued_.erase(q);
      }
      const auto previous = t.engineer;
      dispatcher_.give(*engineer, d, axis(now));
      t.engineer = *engineer;
      if (t.status != TicketStatus::waiting_on_client) t.status = TicketStatus::assigned;
      rec.event(
          t, "assigned",
          {{"engineer", e.id}, {"by", "lead"}, {"below_level", e.level(t.skill) < t.min_level}});
      if (previous) pull_work(*previous, now, rec);
      break;
    }
    case Action::accept: {
      if (engineer && engineer != t.engineer) {
        throw Rejected(Rejected::Kind::conflict,
                       "ticket " + std::to_string(t.id) + " is assigned to someone else");
      }
      t.status = TicketStatus::in_progress;
      const bool first = !t.responded_at;
      if (first) {
        t.responded_at = now;
        t.escalation = model::Escalation::none;  // the resolution clock is what runs now
      }
      rec.event(t, "accepted",
                {{"engineer", center_->engineers[*t.engineer].id},
                 {"response_met", first ? model::DetailValue(now <= t.response_due)
                                        : model::DetailValue(nullptr)}});
      break;
    }
    case Action::wait_on_client: {
      count_resolution_clock(t, now);
      t.paused_at = now;
      t.status = TicketStatus::waiting_on_client;
      rec.event(t, "waiting_on_client", {{"counted_seconds", t.resolution_counted_seconds}});
      break;
    }
    case Action::resume: {
      const auto remaining = resolution_target(t) - seconds{t.resolution_counted_seconds};
      t.paused_at.reset();
      t.clock_since = now;
      // A deadline already missed before the pause stays where it was.
      if (remaining > seconds{0}) t.resolution_due = clock_of(t).add_business_time(now, remaining);
      t.status = TicketStatus::in_progress;
      if (!t.engineer) {
        t.status = TicketStatus::assigned;
        route_or_queue(t, now, rec);
      }
      rec.event(t, "resumed", {{"remaining_seconds", remaining.count()}});
      break;
    }
    case Action::resolve: {
      count_resolution_clock(t, now);
      t.status = TicketStatus::resolved;
      t.resolved_at = now;
      rec.event(t, "resolved", {{"resolution_met", now <= t.resolution_due}});
      release(t, now, rec);
      break;
    }
    case Action::close: {
      t.status = TicketStatus::closed;
      t.closed_at = now;
      rec.event(t, "closed", {});
      break;
    }
  }
  return rec.finish();
}

}  // namespace rcc::dispatch
