// Handlers of SLA clocks: one ticket's, and attainment per client.
#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <sstream>
#include <tuple>

#include "calendar/zones.h"
#include "dispatch/breach_forecast.h"
#include "io/event_json.h"
#include "model/dates.h"
#include "plan/options_json.h"
#include "report/sla_report.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/api_internal.h"
#include "server/json_body.h"
#include "server/plan_run_params.h"

namespace rcc::server {

HttpResponse Api::ticket_sla(const Call& call) {
  std::shared_lock lock(live_mutex_);
  const auto& t = visible_ticket(call);
  const auto at = now();
  const auto s = live_.sla(t, at);
  return json_response(
      200, {{"ticket", t.id},
            {"now", instant_utc(at)},
            {"response",
             {{"due", both_clocks(s.response_due, t.client)},
              {"met", s.response_met},
              {"breached", s.response_breached},
              {"remaining_business_seconds", s.response_remaining_seconds}}},
            {"resolution",
             {{"due", s.resolution_due ? both_clocks(*s.resolution_due, t.client) : ordered_json()},
              {"paused", s.resolution_paused},
              {"met", s.resolution_met},
              {"breached", s.resolution_breached},
              {"remaining_business_seconds", s.resolution_remaining_seconds}}},
            {"escalation", model::escalation_name(t.escalation)}});
}

HttpResponse Api::sla_summary(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::client});
  struct Row {
    long open = 0, at_risk = 0, breached_open = 0, responded = 0, response_met = 0, resolved = 0,
         resolution_met = 0;
  };
  std::vector<Row> rows(center_.clients.size());
  std::shared_lock lock(live_mutex_);
  for (const auto& [id, t] : live_.tickets()) {
    auto& r = rows[t.client];
    if (model::is_open(t.status)) {
      ++r.open;
      if (t.escalation == model::Escalation::at_risk) ++r.at_risk;
      if (t.escalation == model::Escalation::breached) ++r.breached_open;
    }
    if (t.responded_at) {
      ++r.responded;
      if (*t.responded_at <= t.response_due) ++r.response_met;
    }
    if (t.resolved_at) {
      ++r.resolved;
      if (*t.resolved_at <= t.resolution_due) ++r.resolution_met;
    }
  }
  ordered_json items = ordered_json::array();
  for (int c = 0; c < static_cast<int>(rows.size()); ++c) {
    if (call.principal.role == Role::client && call.principal.client != c) continue;
    const auto& r = rows[c];
    const auto share = [](long met, long all) {
      return all == 0 ? ordered_json(nullptr)
                      : ordered_json(static_cast<double>(met) / static_cast<double>(all));
    };
    items.push_back({{"client", center_.clients[c].id},
                     {"open", r.open},
                     {"at_risk", r.at_risk},
                     {"breached_open", r.breached_open},
                     {"response_attainment", share(r.response_met, r.responded)},
                     {"resolution_attainment", share(r.resolution_met, r.resolved)}});
  }
  return json_response(200, {{"items", items}});
}

// Which open tickets will breach if staffing stays as it is (dispatch/breach_forecast.h), as the
// caller may see them.
HttpResponse Api::sla_outlook(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::client});
  const auto at = now();
  ordered_json items = ordered_json::array();
  long breaching = 0;
  std::shared_lock lock(live_mutex_);
  const auto opt = [this](const std::optional<Instant>& i) {
    return i ? ordered_json(instant_utc(*i)) : ordered_json(nullptr);
  };
  for (const auto& o : dispatch::forecast_breaches(center_, live_, at)) {
    const auto& t = *live_.find(o.ticket);
    if (!may_see(call.principal, t)) continue;
    if (o.response_breach || o.resolution_breach) ++breaching;
    items.push_back({{"ticket", o.ticket},
                     {"expected_response", opt(o.expected_response)},
                     {"expected_resolution", opt(o.expected_resolution)},
                     {"response_breach", o.response_breach},
                     {"resolution_breach", o.resolution_breach}});
  }
  return json_response(200, {{"at", instant_utc(at)}, {"breaching", breaching}, {"items", items}});
}

// A client's monthly SLA report (report/sla_report.h) from the tickets the server holds; a client
// sees only its own, any other is 404.
HttpResponse Api::client_sla_report(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::client});
  const auto client = find_id(center_.clients, call.capture(0));
  if (!client || (call.principal.role == Role::client && call.principal.client != *client)) {
    throw not_found("no client " + call.capture(0));
  }
  const auto* month_text = query_value(call.request, "month");
  const auto month = month_text != nullptr && month_text->size() == 7
                         ? model::parse_date(*month_text + "-01")
                         : std::nullopt;
  if (!month) throw bad_request("month must be YYYY-MM", "/month");
  std::vector<model::Ticket> tickets;
  {
    std::shared_lock lock(live_mutex_);
    for (const auto& [id, t] : live_.tickets()) {
      if (t.client == *client) tickets.push_back(t);
    }
  }
  // Events only of the tickets that may fall in the month (the zone shifts it by hours).
  const auto from = model::Instant(*month - std::chrono::days(2));
  const auto to = model::Instant(model::next_month(*month) + std::chrono::days(2));
  report::TicketEvents events;
  for (const auto& t : tickets) {
    if (t.opened >= from && t.opened < to) {
      events[t.id] = store_->events("ticket", std::to_string(t.id));
    }
  }
  try {
    const auto r = report::sla_report(center_, *client, *month, tickets, events, now());
    return json_response(200, report::sla_report_json(r));
  } catch (const model::BadInput& e) {
    throw ApiError(404, "not_found", e.what());
  }
}

}  // namespace rcc::server
