// Handlers of the center's data: health, metrics, engineers, clients, projects.
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

// --- Handlers: center data -------------------------------------------------------------------

HttpResponse Api::health(const Call&) {
  const auto stats = journal_->stats();
  if (stats.failed) {
    return json_response(503, {{"status", "failing"}, {"reason", "the store failed a commit"}});
  }
  return json_response(200, {{"status", "ok"}});
}

HttpResponse Api::metrics(const Call& call) {
  require_role(call.principal, {Role::admin});
  std::ostringstream out;
  out << metrics_.render();
  dispatch::LiveCounts counts;
  {
    std::shared_lock lock(live_mutex_);
    counts = live_.counts();
  }
  out << "# HELP rcc_tickets Tickets by status.\n# TYPE rcc_tickets gauge\n";
  for (std::size_t s = 0; s < model::kTicketStatuses; ++s) {
    const auto status = static_cast<model::TicketStatus>(s);
    out << "rcc_tickets{status=\"" << model::status_name(status) << "\"} " << counts.count(status)
        << "\n";
  }
  const auto stats = journal_->stats();
  out << "# TYPE rcc_tickets_queued gauge\nrcc_tickets_queued " << counts.queued << "\n"
      << "# TYPE rcc_engineers_on_shift gauge\nrcc_engineers_on_shift " << counts.engineers_on_shift
      << "\n"
      << "# TYPE rcc_escalations_total counter\nrcc_escalations_total " << counts.escalations
      << "\n"
      << "# TYPE rcc_handovers_total counter\nrcc_handovers_total " << counts.handovers << "\n"
      << "# TYPE rcc_store_commits_total counter\nrcc_store_commits_total " << stats.commits << "\n"
      << "# TYPE rcc_store_writes_total counter\nrcc_store_writes_total " << stats.writes << "\n"
      << "# TYPE rcc_store_largest_batch gauge\nrcc_store_largest_batch " << stats.largest_batch
      << "\n"
      << "# TYPE rcc_store_failed gauge\nrcc_store_failed " << (stats.failed ? 1 : 0) << "\n";
  return {200, out.str(), "text/plain; version=0.0.4"};
}

HttpResponse Api::list_engineers(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::engineer});
  const auto* skill_filter = query_value(call.request, "skill");
  const auto* shift_filter = query_value(call.request, "on_shift");
  std::optional<model::SkillIdx> skill;
  if (skill_filter != nullptr) {
    skill = center_.find_skill(*skill_filter);
    if (!skill) throw bad_request("unknown skill " + *skill_filter, "?skill");
  }
  if (shift_filter != nullptr && *shift_filter != "true" && *shift_filter != "false") {
    throw bad_request("on_shift must be true or false", "?on_shift");
  }
  ordered_json items = ordered_json::array();
  std::shared_lock lock(live_mutex_);
  for (int e = 0; e < static_cast<int>(center_.engineers.size()); ++e) {
    if (call.principal.role == Role::engineer && call.principal.engineer != e) continue;
    const auto& eng = center_.engineers[e];
    if (skill && eng.level(*skill) == 0) continue;
    if (shift_filter != nullptr && live_.on_shift(e) != (*shift_filter == "true")) continue;
    ordered_json skills = ordered_json::array();
    for (const auto& s : eng.skills) {
      skills.push_back({{"skill", center_.skills[s.skill].id}, {"level", s.level}});
    }
    items.push_back({{"id", eng.id},
                     {"name", eng.name},
                     {"site", center_.sites[eng.site].id},
                     {"city", center_.sites[eng.site].city},
                     {"skills", skills},
                     {"languages", eng.languages},
                     {"on_shift", live_.on_shift(e)},
                     {"open_tickets", live_.load(e)}});
  }
  return json_response(200, {{"items", items}});
}

HttpResponse Api::get_engineer(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::engineer});
  const auto e = find_id(center_.engineers, call.capture(0));
  if (!e || (call.principal.role == Role::engineer && call.principal.engineer != *e)) {
    throw not_found("no engineer " + call.capture(0));
  }
  const auto& eng = center_.engineers[*e];
  ordered_json skills = ordered_json::array();
  for (const auto& s : eng.skills) {
    skills.push_back({{"skill", center_.skills[s.skill].id}, {"level", s.level}});
  }
  std::shared_lock lock(live_mutex_);
  return json_response(200, {{"id", eng.id},
                             {"name", eng.name},
                             {"site", center_.sites[eng.site].id},
                             {"city", center_.sites[eng.site].city},
                             {"contract", center_.contracts[eng.contract].id},
                             {"skills", skills},
                             {"languages", eng.languages},
                             {"on_shift", live_.on_shift(*e)},
                             {"open_tickets", live_.load(*e)}});
}

HttpResponse Api::engineer_roster(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::engineer});
  const auto e = find_id(center_.engineers, call.capture(0));
  if (!e || (call.principal.role == Role::engineer && call.principal.engineer != *e)) {
    throw not_found("no engineer " + call.capture(0));
  }
  ordered_json items = ordered_json::array();
  std::shared_lock lock(live_mutex_);
  for (const auto& s : live_.roster()) {
    if (s.engineer == *e) items.push_back(shift_json(s));
  }
  return json_response(200, {{"engineer", center_.engineers[*e].id}, {"shifts", items}});
}

namespace {
ordered_json client_view(const model::Center& center, const model::Client& c) {
  ordered_json sla = ordered_json::array();
  for (int p = 0; p < model::kPriorities; ++p) {
    const auto& t = c.sla[p];
    sla.push_back(
        {{"priority", model::kPriorityCodes[p]},
         {"response_minutes", t.response_minutes},
         {"resolution_minutes", t.resolution_minutes},
         {"clock", t.clock == model::SlaClock::around_the_clock ? "24x7" : "business"},
         {"language", t.language.empty() ? ordered_json(nullptr) : ordered_json(t.language)}});
  }
  return {{"id", c.id},
          {"name", c.name},
          {"country", c.country},
          {"timezone", c.timezone},
          {"calendar", center.calendars[c.calendar].id},
          {"languages", c.languages},
          {"sla", sla}};
}
}  // namespace

HttpResponse Api::list_clients(const Call& call) {
  ordered_json items = ordered_json::array();
  for (int c = 0; c < static_cast<int>(center_.clients.size()); ++c) {
    if (call.principal.role == Role::client && call.principal.client != c) continue;
    items.push_back(client_view(center_, center_.clients[c]));
  }
  return json_response(200, {{"items", items}});
}

HttpResponse Api::get_client(const Call& call) {
  return json_response(
      200, client_view(center_, center_.clients[visible_client(call, call.capture(0))]));
}

namespace {
ordered_json project_view(const model::Center& center, const model::Project& p) {
  ordered_json roles = ordered_json::array();
  for (const auto& r : p.roles) {
    roles.push_back(
        {{"id", r.id},
         {"skill", center.skills[r.skill].id},
         {"min_level", r.min_level},
         {"headcount", r.headcount},
         {"fte", r.fte},
         {"language", r.language.empty() ? ordered_json(nullptr) : ordered_json(r.language)},
         {"start", model::format_date(r.start)},
         {"end", model::format_date(r.end)}});
  }
  return {{"id", p.id},
          {"name", p.name},
          {"client", center.clients[p.client].id},
          {"start", model::format_date(p.start)},
          {"end", model::format_date(p.end)},
          {"roles", roles}};
}
}  // namespace

HttpResponse Api::list_projects(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::client});
  ordered_json items = ordered_json::array();
  for (const auto& p : center_.projects) {
    if (call.principal.role == Role::client && call.principal.client != p.client) continue;
    items.push_back(project_view(center_, p));
  }
  return json_response(200, {{"items", items}});
}

HttpResponse Api::get_project(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::client});
  const auto p = find_id(center_.projects, call.capture(0));
  if (!p || (call.principal.role == Role::client &&
             call.principal.client != center_.projects[*p].client)) {
    throw not_found("no project " + call.capture(0));
  }
  return json_response(200, project_view(center_, center_.projects[*p]));
}

}  // namespace rcc::server
