// How the API shows tickets and shifts, and what a caller may see of them.
#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <sstream>
#include <tuple>

#include "calendar/zones.h"
#include "io/event_json.h"
#include "model/dates.h"
#include "plan/options_json.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/api_internal.h"
#include "server/json_body.h"
#include "server/plan_run_params.h"

namespace rcc::server {

// --- Views -----------------------------------------------------------------------------------

std::string Api::instant_utc(Instant t) const {
  return calendar::format_utc(t);
}

ordered_json Api::both_clocks(Instant t, model::ClientIdx client) const {
  return {{"utc", instant_utc(t)},
          {"client", calendar::format_local(t, *client_zones_[client])},
          {"center", calendar::format_local(t, *center_zone_)}};
}

ordered_json Api::ticket_json(const model::Ticket& t) const {
  const auto opt = [this](const std::optional<Instant>& i) {
    return i ? ordered_json(instant_utc(*i)) : ordered_json(nullptr);
  };
  ordered_json j;
  j["id"] = t.id;
  j["client"] = center_.clients[t.client].id;
  j["skill"] = center_.skills[t.skill].id;
  j["min_level"] = t.min_level;
  j["language"] = t.language.empty() ? ordered_json(nullptr) : ordered_json(t.language);
  j["priority"] = model::priority_code(t.priority);
  j["title"] = t.title;
  j["description"] = t.description;
  j["status"] = model::status_name(t.status);
  j["engineer"] = t.engineer ? ordered_json(center_.engineers[*t.engineer].id) : ordered_json();
  j["opened"] = instant_utc(t.opened);
  j["response_due"] = both_clocks(t.response_due, t.client);
  j["resolution_due"] =
      t.paused_at ? ordered_json(nullptr) : both_clocks(t.resolution_due, t.client);
  j["responded_at"] = opt(t.responded_at);
  j["resolved_at"] = opt(t.resolved_at);
  j["closed_at"] = opt(t.closed_at);
  j["escalation"] = model::escalation_name(t.escalation);
  j["version"] = t.version;
  return j;
}

ordered_json Api::shift_json(const model::PublishedShift& s) const {
  const auto& type = center_.shift_types[s.shift];
  const auto begin = calendar::to_utc(
      calendar::LocalTime{
          std::chrono::duration_cast<std::chrono::seconds>(s.day.time_since_epoch()) +
          std::chrono::minutes{type.start_minute}},
      *center_zone_);
  const auto end = begin + std::chrono::minutes{type.length_minutes};
  return {{"engineer", center_.engineers[s.engineer].id},
          {"date", model::format_date(s.day)},
          {"shift", type.id},
          {"skill", center_.skills[s.skill].id},
          {"start", calendar::format_local(begin, *center_zone_)},
          {"end", calendar::format_local(end, *center_zone_)}};
}

// --- Visibility ------------------------------------------------------------------------------

const model::Ticket& Api::visible_ticket(const Call& call) const {
  const auto& raw = call.capture(0);
  model::TicketId id = 0;
  const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  const auto* t = (ec == std::errc{} && ptr == raw.data() + raw.size()) ? live_.find(id) : nullptr;
  const auto& p = call.principal;
  if (t == nullptr || !may_see(p, *t)) {
    throw not_found("no ticket " + raw);
  }
  return *t;
}

model::ClientIdx Api::visible_client(const Call& call, const std::string& id) const {
  const auto c = find_id(center_.clients, id);
  if (!c || (call.principal.role == Role::client && call.principal.client != *c)) {
    throw not_found("no client " + id);
  }
  return *c;
}

model::EngineerIdx Api::engineer_index(const std::string& id, const std::string& field) const {
  const auto e = find_id(center_.engineers, id);
  if (!e) throw bad_request("unknown engineer " + id, field);
  return *e;
}

}  // namespace rcc::server
