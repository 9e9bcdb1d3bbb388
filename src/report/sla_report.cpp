#include "report/sla_report.h"

#include <algorithm>
#include <chrono>

#include "calendar/zones.h"
#include "model/dates.h"
#include "model/errors.h"

namespace rcc::report {
namespace {

using model::Instant;

// The first instant of the client's local day `day`.
Instant local_midnight(model::Date day, const date::time_zone& tz) {
  return calendar::to_utc(date::local_days{day.time_since_epoch()}, tz);
}

// Met, breached or still pending: a clock is decided when it was met or its deadline passed.
void count_clock(SlaClockCount& c, const std::optional<Instant>& done, Instant due, Instant now) {
  if (done) {
    ++(*done <= due ? c.met : c.breached);
  } else if (now > due) {
    ++c.breached;
  } else {
    ++c.pending;
  }
}

void add(SlaClockCount& to, const SlaClockCount& from) {
  to.met += from.met;
  to.breached += from.breached;
  to.pending += from.pending;
}

// Wall-clock seconds the ticket spent waiting on the client, up to `now`.
long waiting_seconds(const std::vector<model::Event>& events, Instant now) {
  long total = 0;
  std::optional<Instant> since;
  for (const auto& e : events) {
    if (e.kind == "waiting_on_client") {
      if (!since) since = e.at;
    } else if (since && (e.kind == "resumed" || e.kind == "resolved" || e.kind == "closed")) {
      total += static_cast<long>((e.at - *since).count());
      since.reset();
    }
  }
  if (since) total += static_cast<long>((now - *since).count());
  return total;
}

const model::Event* first_event(const std::vector<model::Event>& events, std::string_view kind) {
  for (const auto& e : events) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

// Why the response came late, from what the ticket's events say happened before its deadline.
std::string response_cause(const model::Ticket& t, const std::vector<model::Event>& events) {
  const auto* assigned = first_event(events, "assigned");
  if (assigned == nullptr || assigned->at > t.response_due) {
    return t.responded_at ? "queued: no qualified engineer free on shift before the deadline"
                          : "unanswered: no qualified engineer has taken it";
  }
  return t.responded_at ? "assigned in time, accepted after the deadline"
                        : "assigned in time, not accepted yet";
}

std::string resolution_cause(const model::Ticket& t, const std::vector<model::Event>& events) {
  long assignments = 0;
  for (const auto& e : events) assignments += e.kind == "assigned" ? 1 : 0;
  if (!t.responded_at || *t.responded_at > t.resolution_due) {
    return "the response already came after the resolution deadline";
  }
  if (assignments > 1) {
    return "handed over " + std::to_string(assignments - 1) + " time(s) between engineers";
  }
  return t.resolved_at ? "handling took longer than the target" : "still being worked on";
}

SlaMonth month_counts(const std::vector<const model::Ticket*>& tickets, model::Date month,
                      Instant now) {
  SlaMonth m{month, static_cast<long>(tickets.size()), {}, {}};
  for (const auto* t : tickets) {
    count_clock(m.response, t->responded_at, t->response_due, now);
    if (!t->paused_at) count_clock(m.resolution, t->resolved_at, t->resolution_due, now);
  }
  return m;
}

}  // namespace

std::optional<double> SlaClockCount::attainment() const {
  if (met + breached == 0) return std::nullopt;
  return static_cast<double>(met) / static_cast<double>(met + breached);
}

SlaReport sla_report(const model::Center& center, model::ClientIdx client, model::Date month,
                     const std::vector<model::Ticket>& tickets, const TicketEvents& events,
                     Instant now, int trend_months) {
  const auto& c = center.clients[client];
  const auto& tz = calendar::zone(c.timezone);
  month = model::month_start(month);
  // The trend's months, oldest first; the last is the report's month.
  std::vector<model::Date> months{month};
  for (int i = 0; i < trend_months; ++i) {
    months.insert(months.begin(), model::month_start(months.front() - std::chrono::days(1)));
  }
  std::vector<Instant> bounds;
  bounds.reserve(months.size() + 1);
  for (const auto m : months) bounds.push_back(local_midnight(m, tz));
  bounds.push_back(local_midnight(model::next_month(month), tz));
  std::vector<std::vector<const model::Ticket*>> by_month(months.size());
  for (const auto& t : tickets) {
    if (t.client != client || t.opened < bounds.front() || t.opened >= bounds.back()) continue;
    const auto after = std::upper_bound(bounds.begin(), bounds.end(), t.opened);
    by_month[static_cast<size_t>(after - bounds.begin()) - 1].push_back(&t);
  }
  if (by_month.back().empty()) {
    throw model::BadInput("client " + c.id + " has no ticket opened in " +
                          model::format_date(month).substr(0, 7) + " (" + c.timezone + ")");
  }
  SlaReport r;
  r.client_id = c.id;
  r.client_name = c.name;
  r.timezone = c.timezone;
  r.month = month;
  r.generated = now;
  for (int p = 0; p < model::kPriorities; ++p) {
    auto& row = r.priorities[p];
    row.priority = static_cast<model::Priority>(p);
    row.response_target_minutes = c.sla[p].response_minutes;
    row.resolution_target_minutes = c.sla[p].resolution_minutes;
    row.around_the_clock = c.sla[p].clock == model::SlaClock::around_the_clock;
  }
  const std::vector<model::Event> no_events;
  for (const auto* t : by_month.back()) {
    const auto found = events.find(t->id);
    const auto& history = found == events.end() ? no_events : found->second;
    auto& row = r.priorities[static_cast<size_t>(t->priority)];
    ++row.tickets;
    SlaClockCount response, resolution;
    count_clock(response, t->responded_at, t->response_due, now);
    // While the client is asked, the resolution clock is stopped: neither met nor breached.
    if (t->paused_at) {
      ++resolution.pending;
    } else {
      count_clock(resolution, t->resolved_at, t->resolution_due, now);
    }
    if (response.breached > 0) {
      r.breaches.push_back({t->id, t->priority, "response", t->response_due, t->responded_at,
                            response_cause(*t, history)});
    }
    if (resolution.breached > 0) {
      r.breaches.push_back({t->id, t->priority, "resolution", t->resolution_due, t->resolved_at,
                            resolution_cause(*t, history)});
    }
    add(row.response, response);
    add(row.resolution, resolution);
    const long waited = waiting_seconds(history, now);
    row.waiting_seconds += waited;
    row.waited_on_client += first_event(history, "waiting_on_client") != nullptr ? 1 : 0;
  }
  for (const auto& row : r.priorities) {
    r.tickets += row.tickets;
    add(r.response, row.response);
    add(r.resolution, row.resolution);
    r.waiting_seconds += row.waiting_seconds;
  }
  for (size_t m = 0; m < months.size(); ++m) {
    r.trend.push_back(month_counts(by_month[m], months[m], now));
  }
  return r;
}

}  // namespace rcc::report
