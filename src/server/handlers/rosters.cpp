// Handlers of rosters: the current one, and publishing shifts or a plan run's roster.
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

// --- Handlers: rosters and plan runs ---------------------------------------------------------

HttpResponse Api::current_roster(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead, Role::engineer});
  std::optional<model::Date> from, to;
  if (const auto* v = query_value(call.request, "from")) {
    from = model::parse_date(*v);
    if (!from) throw bad_request("from must be a date YYYY-MM-DD", "?from");
  }
  if (const auto* v = query_value(call.request, "to")) {
    to = model::parse_date(*v);
    if (!to) throw bad_request("to must be a date YYYY-MM-DD", "?to");
  }
  ordered_json items = ordered_json::array();
  std::shared_lock lock(live_mutex_);
  for (const auto& s : live_.roster()) {
    if (call.principal.role == Role::engineer && call.principal.engineer != s.engineer) continue;
    if ((from && s.day < *from) || (to && s.day > *to)) continue;
    items.push_back(shift_json(s));
  }
  return json_response(200, {{"shifts", items}});
}

HttpResponse Api::publish_roster(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner});
  const auto body = parse_body(call.request.body, options_.max_json_depth);
  const Fields fields(body, "", {"shifts", "plan_run"});
  const auto* shifts = fields.array("shifts", false, 500000);
  const auto run = fields.text("plan_run", false, 64);
  if ((shifts == nullptr) == !run.has_value()) {
    throw bad_request("give either shifts or plan_run", "/");
  }
  std::vector<model::PublishedShift> roster;
  if (run) {
    const std::lock_guard lock(jobs_mutex_);
    const auto it = jobs_.find(*run);
    if (it == jobs_.end()) throw bad_request("no plan run " + *run, "/plan_run");
    if (it->second.run.status != "succeeded") {
      throw ApiError(409, "conflict", "plan run " + *run + " is " + it->second.run.status);
    }
    roster = it->second.roster;
  } else {
    std::set<std::tuple<int, model::Date, int>> seen;
    for (size_t i = 0; i < shifts->size(); ++i) {
      const auto path = "/shifts/" + std::to_string(i);
      const Fields f((*shifts)[i], path, {"engineer", "date", "shift", "skill"});
      const auto e = engineer_index(*f.text("engineer", true, 64), f.pointer("engineer"));
      const auto day = model::parse_date(*f.text("date", true, 10));
      if (!day)
        throw bad_request(f.pointer("date") + " must be a date YYYY-MM-DD", f.pointer("date"));
      const auto type = find_id(center_.shift_types, *f.text("shift", true, 64));
      if (!type) throw bad_request("unknown shift type", f.pointer("shift"));
      const auto skill = center_.find_skill(*f.text("skill", true, 64));
      if (!skill) throw bad_request("unknown skill", f.pointer("skill"));
      const auto& eng = center_.engineers[e];
      if (eng.level(*skill) == 0) {
        throw bad_request(
            "engineer " + eng.id + " does not have skill " + center_.skills[*skill].id,
            f.pointer("skill"));
      }
      if (eng.on_leave(*day)) {
        throw bad_request("engineer " + eng.id + " is on leave on " + model::format_date(*day),
                          path);
      }
      if (!seen.emplace(e, *day, *type).second) {
        throw bad_request("the same engineer, date and shift twice", path);
      }
      roster.push_back({e, *day, *type, *skill});
    }
  }
  store::LiveWrite write;
  write.roster = roster;
  std::future<void> pending;
  {
    std::unique_lock lock(live_mutex_);
    const auto change = live_.publish_roster(roster, now(), call.principal.actor());
    pending = submit(change, std::move(write));
  }
  commit(std::move(pending));
  return json_response(
      201, {{"shifts", roster.size()}, {"plan_run", run ? ordered_json(*run) : ordered_json()}});
}

}  // namespace rcc::server
