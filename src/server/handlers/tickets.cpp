// Handlers of tickets: create, read, list, act on, comments and events.
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

// --- Handlers: tickets -----------------------------------------------------------------------

HttpResponse Api::create_ticket(const Call& call) {
  require_role(call.principal, {Role::admin, Role::lead, Role::client});
  const auto body = parse_body(call.request.body, options_.max_json_depth);
  const Fields f(body, "",
                 {"client", "skill", "priority", "title", "description", "min_level", "language"});
  dispatch::NewTicket n;
  const auto client = f.text("client", call.principal.role != Role::client, 64);
  if (call.principal.role == Role::client) {
    if (client && find_id(center_.clients, *client) != call.principal.client) {
      throw forbidden("a client token creates tickets for its own client only");
    }
    n.client = *call.principal.client;
  } else {
    const auto c = find_id(center_.clients, *client);
    if (!c) throw bad_request("unknown client " + *client, "/client");
    n.client = *c;
  }
  const auto skill_id = *f.text("skill", true, 64);
  const auto skill = center_.find_skill(skill_id);
  if (!skill) throw bad_request("unknown skill " + skill_id, "/skill");
  n.skill = *skill;
  const auto priority = model::priority_from_code(*f.text("priority", true, 2));
  if (!priority) throw bad_request("priority must be P1, P2, P3 or P4", "/priority");
  n.priority = *priority;
  n.title = *f.text("title", true, 200, 1);
  n.description = f.text("description", false, 10000).value_or("");
  n.min_level = static_cast<int>(f.integer("min_level", false, 1, 5).value_or(1));
  n.language = f.text("language", false, 8).value_or("");
  std::future<void> pending;
  ordered_json view;
  {
    std::unique_lock lock(live_mutex_);
    const auto change = live_.create(n, now(), call.principal.actor());
    view = ticket_json(change.tickets.front());
    pending = submit(change);
  }
  commit(std::move(pending));
  return json_response(201, view);
}

std::string Api::rendered_ticket(const model::Ticket& t) const {
  {
    const std::lock_guard lock(rendered_mutex_);
    const auto it = rendered_.find(t.id);
    if (it != rendered_.end() && it->second.first == t.version) return it->second.second;
  }
  auto body = dump(ticket_json(t));
  const std::lock_guard lock(rendered_mutex_);
  if (rendered_.size() >= 100000) rendered_.clear();  // bounded: a cache, not a copy of the data
  rendered_[t.id] = {t.version, body};
  return body;
}

HttpResponse Api::get_ticket(const Call& call) {
  std::shared_lock lock(live_mutex_);
  return {200, rendered_ticket(visible_ticket(call)), "application/json"};
}

HttpResponse Api::list_tickets(const Call& call) {
  const auto& r = call.request;
  std::optional<model::TicketStatus> status;
  std::optional<model::ClientIdx> client;
  std::optional<model::EngineerIdx> engineer;
  std::optional<model::Priority> priority;
  std::optional<std::string> escalation;
  size_t limit = kDefaultPage;
  model::TicketId after = 0;
  for (const auto& [key, value] : r.query) {
    if (key == "status") {
      status = model::status_from_name(value);
      if (!status) throw bad_request("unknown status " + value, "?status");
    } else if (key == "client") {
      client = visible_client(call, value);
    } else if (key == "engineer") {
      const auto e = find_id(center_.engineers, value);
      if (!e) throw bad_request("unknown engineer " + value, "?engineer");
      engineer = *e;
    } else if (key == "priority") {
      priority = model::priority_from_code(value);
      if (!priority) throw bad_request("priority must be P1..P4", "?priority");
    } else if (key == "escalation") {
      if (value != "none" && value != "at_risk" && value != "breached") {
        throw bad_request("escalation must be none, at_risk or breached", "?escalation");
      }
      escalation = value;
    } else if (key == "limit") {
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (ec != std::errc{} || p != value.data() + value.size() || limit < 1 || limit > kMaxPage) {
        throw bad_request("limit must be 1.." + std::to_string(kMaxPage), "?limit");
      }
    } else if (key == "cursor") {
      // The cursor is the id of the last ticket of the previous page, opaque to callers.
      const char* end = value.data() + value.size();
      const auto parsed = value.size() < 2 || value[0] != 'c'
                              ? std::from_chars_result{value.data(), std::errc::invalid_argument}
                              : std::from_chars(value.data() + 1, end, after);
      if (parsed.ec != std::errc{} || parsed.ptr != end) {
        throw bad_request("malformed cursor", "?cursor");
      }
    } else {
      throw bad_request("unknown query parameter " + key, "?" + key);
    }
  }
  const auto& p = call.principal;
  ordered_json items = ordered_json::array();
  std::optional<model::TicketId> last;
  bool more = false;
  std::shared_lock lock(live_mutex_);
  const auto& all = live_.tickets();
  for (auto it = all.upper_bound(after); it != all.end(); ++it) {
    const auto& t = it->second;
    if (p.role == Role::client && t.client != p.client) continue;
    if (p.role == Role::engineer && t.engineer != p.engineer) continue;
    if ((status && t.status != *status) || (client && t.client != *client) ||
        (engineer && t.engineer != *engineer) || (priority && t.priority != *priority) ||
        (escalation && model::escalation_name(t.escalation) != *escalation)) {
      continue;
    }
    if (items.size() == limit) {
      more = true;
      break;
    }
    items.push_back(ticket_json(t));
    last = t.id;
  }
  return json_response(200, {{"items", items},
                             {"next_cursor", more ? ordered_json("c" + std::to_string(*last))
                                                  : ordered_json(nullptr)}});
}

HttpResponse Api::act_on_ticket(const Call& call) {
  const auto action = dispatch::action_from_name(call.capture(1));
  if (!action) throw not_found("no such endpoint: " + call.request.path);
  const auto& p = call.principal;
  using dispatch::Action;
  if (!dispatch::may_take(p.role, *action)) {
    throw forbidden("role " + std::string(role_name(p.role)) + " may not " +
                    std::string(dispatch::action_name(*action)) + " a ticket");
  }
  std::optional<model::EngineerIdx> engineer;
  if (!call.request.body.empty()) {
    const auto body = parse_body(call.request.body, options_.max_json_depth);
    const Fields f(body, "", {"engineer"});
    if (const auto id = f.text("engineer", *action == Action::assign, 64)) {
      engineer = engineer_index(*id, "/engineer");
    }
    if (*action != Action::assign && engineer) {
      throw ApiError(400, "unknown_field", "only assign takes an engineer",
                     {{"field", "/engineer"}});
    }
  } else if (*action == Action::assign) {
    throw bad_request("assign needs {\"engineer\": ID}", "/engineer");
  }
  if (*action == Action::accept && p.role == Role::engineer) engineer = p.engineer;
  std::future<void> pending;
  ordered_json view;
  {
    std::unique_lock lock(live_mutex_);
    const auto& t = visible_ticket(call);
    const auto change = live_.act(t.id, *action, engineer, now(), p.actor());
    view = ticket_json(*live_.find(t.id));
    pending = submit(change);
  }
  commit(std::move(pending));
  return json_response(200, view);
}

HttpResponse Api::list_comments(const Call& call) {
  model::TicketId id = 0;
  {
    std::shared_lock lock(live_mutex_);
    id = visible_ticket(call).id;
  }
  ordered_json items = ordered_json::array();
  for (const auto& c : store_->comments(id)) {
    items.push_back(
        {{"id", c.id}, {"at", instant_utc(c.at)}, {"actor", c.actor}, {"body", c.body}});
  }
  return json_response(200, {{"items", items}});
}

HttpResponse Api::add_comment(const Call& call) {
  require_role(call.principal, {Role::admin, Role::lead, Role::engineer, Role::client});
  const auto body = parse_body(call.request.body, options_.max_json_depth);
  const Fields f(body, "", {"body"});
  model::Comment c;
  c.body = *f.text("body", true, 10000, 1);
  c.at = now();
  c.actor = call.principal.actor();
  std::future<void> pending;
  {
    std::unique_lock lock(live_mutex_);
    c.ticket = visible_ticket(call).id;
    c.id = next_comment_++;
    store::LiveWrite w;
    w.comments.push_back(c);
    w.events.push_back(
        {0,
         c.at,
         c.actor,
         "ticket",
         std::to_string(c.ticket),
         "commented",
         {{"comment", c.id}, {"role", std::string(role_name(call.principal.role))}}});
    pending = journal_->submit(std::move(w));
  }
  commit(std::move(pending));
  return json_response(201, {{"id", c.id},
                             {"ticket", c.ticket},
                             {"at", instant_utc(c.at)},
                             {"actor", c.actor},
                             {"body", c.body}});
}

HttpResponse Api::ticket_events(const Call& call) {
  model::TicketId id = 0;
  {
    std::shared_lock lock(live_mutex_);
    id = visible_ticket(call).id;
  }
  ordered_json items = ordered_json::array();
  for (const auto& e : store_->events("ticket", std::to_string(id))) {
    items.push_back({{"id", e.id},
                     {"at", instant_utc(e.at)},
                     {"actor", e.actor},
                     {"kind", e.kind},
                     {"detail", io::event_detail_json(e.detail)}});
  }
  return json_response(200, {{"items", items}});
}

}  // namespace rcc::server
