#include "server/api.h"

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
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/plan_run_params.h"

namespace rcc::server {

using model::Instant;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr std::size_t kMaxPage = 500;
constexpr std::size_t kDefaultPage = 50;

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const auto j = path.find('/', i);
    out.emplace_back(path.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j;
  }
  return out;
}

// Invalid UTF-8 can only come from a request echoed in a message; it is replaced, never thrown.
std::string dump(const ordered_json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse json_response(int status, const ordered_json& body) {
  return {status, dump(body), "application/json"};
}

const std::string* query_value(const HttpRequest& r, std::string_view key) {
  for (const auto& [k, v] : r.query) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool is_role(const Principal& p, std::initializer_list<Role> roles) {
  return std::find(roles.begin(), roles.end(), p.role) != roles.end();
}

void require_role(const Principal& p, std::initializer_list<Role> roles) {
  if (!is_role(p, roles)) {
    throw forbidden("role " + std::string(role_name(p.role)) + " may not do this");
  }
}

template <class T>
std::optional<int> find_id(const std::vector<T>& items, std::string_view id) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace

struct Api::Call {
  const HttpRequest& request;
  Principal principal;
  std::vector<std::string> captures;
  const std::string& capture(size_t i) const { return captures.at(i); }
};

std::string Api::error_body(int status, const std::string& code, const std::string& message,
                            const json& details) {
  (void)status;
  ordered_json body;
  body["code"] = code;
  body["message"] = message;
  body["details"] = details;
  return dump(body);
}

Api::Api(store::Store& store, model::Center center, ApiOptions options)
    : store_(&store),
      center_(std::move(center)),
      options_(std::move(options)),
      tokens_(center_),
      routes_{
          {"GET", {"healthz"}, &Api::health, true},
          {"GET", {"metrics"}, &Api::metrics},
          {"GET", {"api", "v1", "engineers"}, &Api::list_engineers},
          {"GET", {"api", "v1", "engineers", "{id}"}, &Api::get_engineer},
          {"GET", {"api", "v1", "engineers", "{id}", "roster"}, &Api::engineer_roster},
          {"GET", {"api", "v1", "clients"}, &Api::list_clients},
          {"GET", {"api", "v1", "clients", "{id}"}, &Api::get_client},
          {"GET", {"api", "v1", "projects"}, &Api::list_projects},
          {"GET", {"api", "v1", "projects", "{id}"}, &Api::get_project},
          {"GET", {"api", "v1", "rosters", "current"}, &Api::current_roster},
          {"POST", {"api", "v1", "rosters"}, &Api::publish_roster},
          {"GET", {"api", "v1", "plan-options"}, &Api::plan_options},
          {"GET", {"api", "v1", "plan-runs"}, &Api::list_plan_runs},
          {"POST", {"api", "v1", "plan-runs"}, &Api::start_plan_run},
          {"GET", {"api", "v1", "plan-runs", "{id}"}, &Api::get_plan_run},
          {"GET", {"api", "v1", "tickets"}, &Api::list_tickets},
          {"POST", {"api", "v1", "tickets"}, &Api::create_ticket},
          {"GET", {"api", "v1", "tickets", "{id}"}, &Api::get_ticket},
          {"GET", {"api", "v1", "tickets", "{id}", "comments"}, &Api::list_comments},
          {"POST", {"api", "v1", "tickets", "{id}", "comments"}, &Api::add_comment},
          {"GET", {"api", "v1", "tickets", "{id}", "events"}, &Api::ticket_events},
          {"GET", {"api", "v1", "tickets", "{id}", "sla"}, &Api::ticket_sla},
          {"POST", {"api", "v1", "tickets", "{id}", "{action}"}, &Api::act_on_ticket},
          {"GET", {"api", "v1", "sla"}, &Api::sla_summary},
          {"GET", {"api", "v1", "tokens"}, &Api::list_tokens},
          {"POST", {"api", "v1", "tokens"}, &Api::create_token},
          {"DELETE", {"api", "v1", "tokens", "{id}"}, &Api::revoke_token},
      },
      metrics_([this] {
        std::vector<std::string> names;
        for (const auto& r : routes_) {
          std::string name;
          for (const auto& s : r.segments) name += "/" + s;
          names.push_back(name);
        }
        names.emplace_back("unmatched");
        return names;
      }()),
      center_zone_(&calendar::zone(center_.timezone)),
      live_(center_, options_.live) {
  if (!options_.clock) {
    options_.clock = [] {
      return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    };
  }
  for (const auto& c : center_.clients) client_zones_.push_back(&calendar::zone(c.timezone));
  const auto records = store_->load_tokens();
  for (const auto& r : records) token_records_[r.id] = r;
  tokens_.load(records);
  seen_data_version_ = store_->data_version();
  next_comment_ = store_->max_comment_id() + 1;
  const auto start = now();
  // Re-publishing the stored roster and restoring tickets records nothing new by itself; what
  // changed since the last run (shifts that ended meanwhile) is written as hand-overs.
  live_.publish_roster(store_->load_roster(center_), start, "system");
  const auto restored = live_.restore(store_->load_tickets(center_), start);
  journal_ = std::make_unique<Journal>(*store_, center_);
  std::vector<std::future<void>> pending;
  if (!restored.empty()) pending.push_back(submit(restored));
  for (auto& run : store_->load_plan_runs()) {
    PlanJob job{run, {}};
    if (run.status == "queued" || run.status == "running") {
      job.run.status = "failed";
      job.run.error = "the server stopped before the run finished";
      job.run.finished = start;
      store::LiveWrite w;
      w.plan_runs.push_back(job.run);
      pending.push_back(journal_->submit(std::move(w)));
    } else if (run.status == "succeeded" && !run.result.empty()) {
      const auto result = json::parse(run.result);
      const auto roster = result.contains("roster") && result["roster"].is_object()
                              ? result["roster"].value("assignments", json::array())
                              : json::array();
      for (const auto& s : roster) {
        const auto e = find_id(center_.engineers, s.at("engineer").get<std::string>());
        const auto t = find_id(center_.shift_types, s.at("shift").get<std::string>());
        const auto k = find_id(center_.skills, s.at("skill").get<std::string>());
        const auto d = model::parse_date(s.at("date").get<std::string>());
        if (e && t && k && d) job.roster.push_back({*e, *d, *t, *k});
      }
    }
    jobs_.emplace(run.id, std::move(job));
  }
  for (auto& p : pending) p.get();
  job_worker_ = std::thread([this] { run_plan_jobs(); });
}

Api::~Api() {
  shutdown();
}

void Api::shutdown() {
  {
    const std::lock_guard lock(jobs_mutex_);
    stopping_ = true;
  }
  jobs_wake_.notify_all();
  if (job_worker_.joinable()) job_worker_.join();
  if (journal_) journal_->stop();
}

std::future<void> Api::submit(const dispatch::Change& change, store::LiveWrite extra) {
  extra.tickets.insert(extra.tickets.end(), change.tickets.begin(), change.tickets.end());
  extra.events.insert(extra.events.end(), change.events.begin(), change.events.end());
  return journal_->submit(std::move(extra));
}

void Api::commit(std::future<void> pending) {
  try {
    pending.get();
  } catch (const std::exception& e) {
    throw ApiError(503, "store_unavailable",
                   std::string("the change could not be stored: ") + e.what());
  }
}

Principal Api::authenticate(const HttpRequest& request, ConnectionAuth* connection) {
  const auto generation = tokens_.generation();
  if (connection != nullptr && connection->principal && connection->generation == generation &&
      connection->header == request.authorization) {
    return *connection->principal;
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (request.authorization.empty()) {
    throw ApiError(401, "unauthorized", "missing Authorization: Bearer <token>");
  }
  if (request.authorization.rfind(kBearer, 0) != 0) {
    throw ApiError(401, "unauthorized", "the Authorization header must be 'Bearer <token>'");
  }
  const auto secret = std::string_view(request.authorization).substr(kBearer.size());
  if (auto p = tokens_.find(secret)) {
    if (connection != nullptr) *connection = {request.authorization, generation, *p};
    return *p;
  }
  throw ApiError(401, "unauthorized", "invalid or revoked token");
}

HttpResponse Api::handle(const HttpRequest& request, ConnectionAuth* connection) {
  const auto started = std::chrono::steady_clock::now();
  size_t route_index = routes_.size();
  HttpResponse response;
  try {
    if (request.body.size() > options_.max_body_bytes) {
      throw ApiError(413, "payload_too_large",
                     "the body exceeds " + std::to_string(options_.max_body_bytes) + " bytes");
    }
    const auto segments = split_path(request.path);
    bool path_known = false;
    std::vector<std::string> captures;
    for (size_t i = 0; i < routes_.size(); ++i) {
      const auto& r = routes_[i];
      if (r.segments.size() != segments.size()) continue;
      std::vector<std::string> caught;
      bool match = true;
      for (size_t s = 0; s < segments.size() && match; ++s) {
        if (r.segments[s].front() == '{') {
          caught.push_back(segments[s]);
        } else {
          match = r.segments[s] == segments[s];
        }
      }
      if (!match) continue;
      path_known = true;
      if (r.method != request.method) continue;
      route_index = i;
      captures = std::move(caught);
      break;
    }
    if (route_index == routes_.size()) {
      if (path_known) {
        throw ApiError(405, "method_not_allowed",
                       request.method + " is not allowed on " + request.path);
      }
      throw not_found("no such endpoint: " + request.path);
    }
    const auto& route = routes_[route_index];
    Call call{request, {}, std::move(captures)};
    if (!route.public_route) call.principal = authenticate(request, connection);
    if (request.method == "POST" && !request.body.empty() &&
        request.content_type.rfind("application/json", 0) != 0) {
      throw ApiError(415, "unsupported_media_type", "the body must be application/json");
    }
    response = (this->*route.handler)(call);
  } catch (const ApiError& e) {
    response = {e.status, error_body(e.status, e.code, e.what(), e.details)};
  } catch (const dispatch::Rejected& e) {
    const int status = e.kind == dispatch::Rejected::Kind::not_found  ? 404
                       : e.kind == dispatch::Rejected::Kind::conflict ? 409
                                                                      : 400;
    const std::string code = status == 404   ? "not_found"
                             : status == 409 ? "conflict"
                                             : "invalid_request";
    response = {status, error_body(status, code, e.what())};
  } catch (const std::exception& e) {
    response = {500, error_body(500, "internal", std::string("internal error: ") + e.what())};
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.observe(route_index, request.method, response.status, seconds);
  return response;
}

void Api::tick() {
  const auto at = now();
  // Tokens created or revoked by `rcc token` in another process.
  const auto version = store_->data_version();
  if (version != seen_data_version_) {
    seen_data_version_ = version;
    const auto records = store_->load_tokens();
    std::unique_lock lock(live_mutex_);
    token_records_.clear();
    for (const auto& r : records) token_records_[r.id] = r;
    tokens_.load(records);
  }
  std::future<void> pending;
  {
    std::unique_lock lock(live_mutex_);
    const auto change = live_.tick(at);
    if (change.empty()) return;
    pending = submit(change);
  }
  pending.get();
}

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
  if (t == nullptr || (p.role == Role::client && t->client != p.client) ||
      (p.role == Role::engineer && t->engineer != p.engineer)) {
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

ordered_json Api::run_json(const PlanJob& job, bool with_roster) const {
  const auto& r = job.run;
  ordered_json j{{"id", r.id},
                 {"status", r.status},
                 {"stage", r.stage},
                 {"progress", r.progress},
                 {"params", json::parse(r.params)},
                 {"created", instant_utc(r.created)},
                 {"finished", r.finished ? ordered_json(instant_utc(*r.finished)) : ordered_json()},
                 {"error", r.error.empty() ? ordered_json() : ordered_json(r.error)}};
  if (!r.result.empty()) {
    auto result = ordered_json::parse(r.result);
    if (!with_roster && result["roster"].is_object()) result["roster"].erase("assignments");
    j["result"] = result;
  } else {
    j["result"] = nullptr;
  }
  return j;
}

HttpResponse Api::plan_options(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead});
  return json_response(200, {{"options", plan::option_declarations_json()},
                             {"stages", std::vector<std::string>(std::begin(plan::kStageNames),
                                                                 std::end(plan::kStageNames))}});
}

HttpResponse Api::list_plan_runs(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead});
  ordered_json items = ordered_json::array();
  const std::lock_guard lock(jobs_mutex_);
  for (const auto& [id, job] : jobs_) items.push_back(run_json(job, false));
  return json_response(200, {{"items", items}});
}

HttpResponse Api::get_plan_run(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::lead});
  const auto* include = query_value(call.request, "include");
  const std::lock_guard lock(jobs_mutex_);
  const auto it = jobs_.find(call.capture(0));
  if (it == jobs_.end()) throw not_found("no plan run " + call.capture(0));
  return json_response(200, run_json(it->second, include != nullptr && *include == "roster"));
}

HttpResponse Api::start_plan_run(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner});
  const auto body =
      parse_body(call.request.body.empty() ? "{}" : call.request.body, options_.max_json_depth);
  const auto params = plan::options_json(parse_plan_run_params(body));
  PlanJob job;
  job.run.status = "queued";
  job.run.stage = "queued";
  job.run.params = params.dump();
  job.run.actor = call.principal.actor();
  job.run.created = now();
  {
    const std::lock_guard lock(jobs_mutex_);
    job.run.id = "run_" + std::to_string(job.run.created.time_since_epoch().count()) + "_" +
                 std::to_string(jobs_.size() + 1);
    jobs_.emplace(job.run.id, job);
  }
  update_run(job, "queued");
  {
    const std::lock_guard lock(jobs_mutex_);
    job_queue_.push_back(job.run.id);
  }
  jobs_wake_.notify_one();
  return json_response(202, run_json(job, false));
}

void Api::update_run(PlanJob& job, const std::string& kind) {
  {
    const std::lock_guard lock(jobs_mutex_);
    jobs_[job.run.id] = job;
  }
  store::LiveWrite write;
  write.plan_runs.push_back(job.run);
  write.events.push_back({0,
                          now(),
                          job.run.actor,
                          "plan_run",
                          job.run.id,
                          kind,
                          {{"stage", job.run.stage}, {"progress", job.run.progress}}});
  commit(journal_->submit(std::move(write)));
}

// Runs the one pipeline, as `rcc plan` does, reporting each stage and its progress as the run's.
void Api::run_plan_job(PlanJob& job) {
  plan::PlanOptions options;
  const auto params = json::parse(job.run.params);
  plan::for_each_option(options, [&](const auto& option, auto& value) {
    params.at(std::string(option.name)).get_to(value);
  });
  job.run.status = "running";
  job.run.stage = "queued";
  job.run.progress = 0;
  update_run(job, "started");
  if (!options_.planner) throw std::runtime_error("this server runs no plans");
  // The store records a stage's start and every tenth of the run, not every move.
  double recorded = 0;
  auto outcome = options_.planner(center_, options, [&](std::string_view stage, double fraction) {
    if (stage == job.run.stage && fraction < recorded + 0.1) return;
    job.run.stage = std::string(stage);
    job.run.progress = std::round(fraction * 1000) / 1000;
    recorded = fraction;
    update_run(job, "progress");
  });
  job.run.result = std::move(outcome.result_json);
  job.run.finished = now();
  if (!outcome.failed_stage.empty()) {
    job.run.status = "failed";
    job.run.stage = outcome.failed_stage;
    job.run.error = "stage " + outcome.failed_stage + " failed: " + outcome.error;
    update_run(job, "failed");
    return;
  }
  job.roster = std::move(outcome.roster);
  job.run.status = "succeeded";
  job.run.stage = "done";
  job.run.progress = 1.0;
  update_run(job, "succeeded");
}

void Api::run_plan_jobs() {
  for (;;) {
    PlanJob job;
    {
      std::unique_lock lock(jobs_mutex_);
      jobs_wake_.wait(lock, [&] { return stopping_ || !job_queue_.empty(); });
      if (stopping_) return;
      job = jobs_.at(job_queue_.front());
      job_queue_.pop_front();
    }
    try {
      run_plan_job(job);
    } catch (const std::exception& e) {
      job.run.status = "failed";
      job.run.error = e.what();
      job.run.finished = now();
      try {
        update_run(job, "failed");
      } catch (const std::exception&) {
        // The store is failing; the health check reports it.
      }
    }
  }
}

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
  switch (*action) {
    case Action::assign:
      require_role(p, {Role::admin, Role::lead});
      break;
    case Action::accept:
    case Action::wait_on_client:
    case Action::resolve:
      require_role(p, {Role::admin, Role::lead, Role::engineer});
      break;
    case Action::resume:
      require_role(p, {Role::admin, Role::lead, Role::engineer, Role::client});
      break;
    case Action::close:
      require_role(p, {Role::admin, Role::lead, Role::client});
      break;
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

// --- Handlers: tokens ------------------------------------------------------------------------

namespace {
ordered_json token_view(const store::TokenRecord& r) {
  return {{"id", r.id},
          {"role", r.role},
          {"client", r.client.empty() ? ordered_json() : ordered_json(r.client)},
          {"engineer", r.engineer.empty() ? ordered_json() : ordered_json(r.engineer)},
          {"label", r.label},
          {"created", calendar::format_utc(r.created)},
          {"revoked", r.revoked ? ordered_json(calendar::format_utc(*r.revoked)) : ordered_json()}};
}
}  // namespace

HttpResponse Api::list_tokens(const Call& call) {
  require_role(call.principal, {Role::admin});
  ordered_json items = ordered_json::array();
  std::shared_lock lock(live_mutex_);
  for (const auto& [id, r] : token_records_) items.push_back(token_view(r));
  return json_response(200, {{"items", items}});
}

HttpResponse Api::create_token(const Call& call) {
  require_role(call.principal, {Role::admin});
  const auto body = parse_body(call.request.body, options_.max_json_depth);
  const Fields f(body, "", {"role", "client", "engineer", "label"});
  const auto role = role_from_name(*f.text("role", true, 16));
  if (!role) throw bad_request("role must be admin, planner, lead, engineer or client", "/role");
  IssuedToken issued;
  try {
    issued = issue_token(center_, *role, f.text("client", false, 64).value_or(""),
                         f.text("engineer", false, 64).value_or(""),
                         f.text("label", false, 200).value_or(""), now());
  } catch (const model::BadInput& e) {
    throw bad_request(e.what(), *role == Role::client ? "/client" : "/engineer");
  }
  store::LiveWrite w;
  w.tokens.push_back(issued.record);
  w.events.push_back({0,
                      now(),
                      call.principal.actor(),
                      "token",
                      issued.record.id,
                      "created",
                      {{"role", issued.record.role}}});
  std::future<void> pending;
  {
    std::unique_lock lock(live_mutex_);
    pending = journal_->submit(std::move(w));
  }
  commit(std::move(pending));
  {
    std::unique_lock lock(live_mutex_);
    token_records_[issued.record.id] = issued.record;
  }
  tokens_.put(issued.record);
  auto view = token_view(issued.record);
  view["token"] = issued.secret;
  return json_response(201, view);
}

HttpResponse Api::revoke_token(const Call& call) {
  require_role(call.principal, {Role::admin});
  store::TokenRecord record;
  {
    std::shared_lock lock(live_mutex_);
    const auto it = token_records_.find(call.capture(0));
    if (it == token_records_.end()) throw not_found("no token " + call.capture(0));
    record = it->second;
  }
  if (record.revoked) throw ApiError(409, "conflict", "token " + record.id + " is already revoked");
  record.revoked = now();
  store::LiveWrite w;
  w.tokens.push_back(record);
  w.events.push_back({0, now(), call.principal.actor(), "token", record.id, "revoked", {}});
  commit(journal_->submit(std::move(w)));
  {
    std::unique_lock lock(live_mutex_);
    token_records_[record.id] = record;
  }
  tokens_.put(record);
  return json_response(200, token_view(record));
}

}  // namespace rcc::server
