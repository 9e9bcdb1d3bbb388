// The live center's SLA clocks: when a running clock needs a look, escalation, the tick.
#include "calendar/sla.h"
#include "calendar/zones.h"
#include "dispatch/live_internal.h"
#include "model/dates.h"

namespace rcc::dispatch {

// The next instant the running clock of `t` needs a look, if any.
void LiveCenter::rearm(const model::Ticket& t) {
  if (const auto old = alarm_of_.find(t.id); old != alarm_of_.end()) {
    alarms_.erase({old->second, t.id});
    alarm_of_.erase(old);
  }
  const auto& target = center_->clients[t.client].sla[priority_index(t.priority)];
  std::optional<Instant> next;
  const auto& clock = clock_of(t);
  if (t.status == TicketStatus::open || t.status == TicketStatus::assigned) {
    if (!t.responded_at) {
      const auto risk = seconds{static_cast<std::int64_t>(target.response_minutes * 60.0 *
                                                          (1 - options_.at_risk_fraction))};
      if (t.escalation == model::Escalation::none) next = clock.add_business_time(t.opened, risk);
      if (t.escalation == model::Escalation::at_risk) next = t.response_due + seconds{1};
    }
  }
  if (t.status == TicketStatus::in_progress ||
      (t.status == TicketStatus::assigned && t.responded_at)) {
    const auto risk = seconds{static_cast<std::int64_t>(target.resolution_minutes * 60.0 *
                                                        (1 - options_.at_risk_fraction))} -
                      seconds{t.resolution_counted_seconds};
    if (t.escalation == model::Escalation::none) {
      next = clock.add_business_time(t.clock_since, std::max(risk, seconds{0}));
    }
    if (t.escalation == model::Escalation::at_risk) next = t.resolution_due + seconds{1};
  }
  if (!next) return;
  alarms_.emplace(*next, t.id);
  alarm_of_.emplace(t.id, *next);
}

void LiveCenter::escalate(model::Ticket& t, Instant now, Recorder& rec) {
  const bool response = !t.responded_at;
  const auto due = response ? t.response_due : t.resolution_due;
  const auto level = now > due ? model::Escalation::breached : model::Escalation::at_risk;
  if (level <= t.escalation) return;
  t.escalation = level;
  ++escalations_;
  rec.event(t, "escalated",
            {{"level", model::escalation_name(level)},
             {"clock", response ? "response" : "resolution"},
             {"remaining_seconds", clock_of(t).business_time_between(now, due).count()},
             {"engineer", t.engineer ? model::DetailValue(center_->engineers[*t.engineer].id)
                                     : model::DetailValue(nullptr)}});
}

Change LiveCenter::tick(Instant now) {
  Recorder rec(*this, now, "system");
  while (!boundaries_.empty() && boundaries_.begin()->first <= now) {
    const auto engineer = boundaries_.begin()->second;
    boundaries_.erase(boundaries_.begin());
    set_on_shift(engineer, now, rec);
  }
  while (!alarms_.empty() && alarms_.begin()->first <= now) {
    const auto id = alarms_.begin()->second;
    alarms_.erase(alarms_.begin());
    alarm_of_.erase(id);
    escalate(tickets_.at(id), now, rec);
  }
  return rec.finish();
}

SlaStatus LiveCenter::sla(const model::Ticket& t, Instant now) const {
  const auto& clock = clock_of(t);
  SlaStatus s;
  s.response_due = t.response_due;
  s.response_met = t.responded_at && *t.responded_at <= t.response_due;
  s.response_breached = t.responded_at ? *t.responded_at > t.response_due : now > t.response_due;
  s.response_remaining_seconds =
      t.responded_at ? 0 : clock.business_time_between(now, t.response_due).count();
  s.resolution_paused = t.status == TicketStatus::waiting_on_client;
  if (!s.resolution_paused) s.resolution_due = t.resolution_due;
  const auto end = t.resolved_at.value_or(now);
  s.resolution_met = t.resolved_at && *t.resolved_at <= t.resolution_due;
  s.resolution_breached = !s.resolution_paused && end > t.resolution_due;
  const auto target = resolution_target(t).count();
  const auto counted = t.resolution_counted_seconds +
                       (s.resolution_paused || t.resolved_at
                            ? 0
                            : clock.business_time_between(t.clock_since, now).count());
  s.resolution_remaining_seconds = target - counted;
  if (s.resolution_paused) s.resolution_breached = counted > target;
  return s;
}

}  // namespace rcc::dispatch
