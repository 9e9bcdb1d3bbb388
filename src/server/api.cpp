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
#include "server/api_internal.h"
#include "server/json_body.h"

namespace rcc::server {

namespace {

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

}  // namespace

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
      sessions_(center_),
      routes_{
          {"GET", {"healthz"}, &Api::health, true},
          {"GET", {"metrics"}, &Api::metrics},
          {"GET", {"api", "v1", "engineers"}, &Api::list_engineers},
          {"GET", {"api", "v1", "engineers", "{id}"}, &Api::get_engineer},
          {"GET", {"api", "v1", "engineers", "{id}", "roster"}, &Api::engineer_roster},
          {"GET", {"api", "v1", "engineers", "{id}", "roster.ics"}, &Api::roster_feed, true},
          {"POST", {"api", "v1", "engineers", "{id}", "calendar-feed"}, &Api::create_calendar_feed},
          {"DELETE",
           {"api", "v1", "engineers", "{id}", "calendar-feed"},
           &Api::revoke_calendar_feed},
          {"GET", {"api", "v1", "clients"}, &Api::list_clients},
          {"GET", {"api", "v1", "clients", "{id}"}, &Api::get_client},
          {"GET", {"api", "v1", "clients", "{id}", "sla-report"}, &Api::client_sla_report},
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
          {"GET", {"api", "v1", "sla", "outlook"}, &Api::sla_outlook},
          {"GET", {"api", "v1", "tokens"}, &Api::list_tokens},
          {"POST", {"api", "v1", "tokens"}, &Api::create_token},
          {"DELETE", {"api", "v1", "tokens", "{id}"}, &Api::revoke_token},
          {"POST", {"api", "v1", "session"}, &Api::log_in, true},
          {"GET", {"api", "v1", "session"}, &Api::current_session},
          {"DELETE", {"api", "v1", "session"}, &Api::log_out},
      },
      web_(options_.web_root),
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
  reload_credentials();
  seen_data_version_ = store_->data_version();
  next_comment_ = store_->max_comment_id() + 1;
  const auto start = now();
  // Re-publishing the stored roster and restoring tickets records nothing new by itself; what
  // changed since the last run (shifts that ended meanwhile) is written as hand-overs.
  live_.publish_roster(store_->load_roster(center_), start, "system");
  const auto restored = live_.restore(store_->load_tickets(center_), start);
  journal_ = std::make_unique<Journal>(*store_, center_, [this](const auto& batch) {
    for (const auto& write : batch) {
      for (const auto& t : write.tickets) streams_.publish_ticket(t, rendered_ticket(t));
    }
  });
  std::vector<std::future<void>> pending;
  if (!restored.empty()) pending.push_back(submit(restored));
  restore_plan_runs(start, pending);
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

void Api::reload_credentials() {
  const auto records = store_->load_tokens();
  const auto feeds = store_->load_calendar_feeds();
  sessions_.load(store_->load_users(), store_->load_sessions(now()));
  const std::unique_lock lock(live_mutex_);
  token_records_.clear();
  for (const auto& r : records) token_records_[r.id] = r;
  feeds_.clear();
  for (const auto& f : feeds) {
    if (!f.revoked) feeds_[f.engineer] = f;
  }
  tokens_.load(records);
}

Principal Api::authenticate(const HttpRequest& request, ConnectionAuth* connection) {
  // A browser's session cookie, when the request carries no token.
  if (request.authorization.empty()) {
    if (const auto secret = cookie_value(request.cookie, kSessionCookie); !secret.empty()) {
      return authenticate_session(request, secret);
    }
  }
  const auto generation = tokens_.generation();
  if (connection != nullptr && connection->principal && connection->generation == generation &&
      connection->header == request.authorization) {
    return *connection->principal;
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (request.authorization.empty()) {
    throw ApiError(401, "unauthorized", "log in, or send Authorization: Bearer <token>");
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
  // The dashboard's files: public (the page asks to log in), outside the API's metrics.
  if (request.method == "GET" && request.path.rfind("/api/", 0) != 0 &&
      request.path != "/healthz" && request.path != "/metrics") {
    if (auto file = web_.get(request.path)) {
      add_security_headers(*file);
      return std::move(*file);
    }
  }
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
  add_security_headers(response);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.observe(route_index, request.method, response.status, seconds);
  return response;
}

std::uint64_t Api::open_stream(const HttpRequest& request, StreamSink sink) {
  auto principal = authenticate(request, nullptr);
  return streams_.subscribe(std::move(principal), std::move(sink));
}

void Api::close_stream(std::uint64_t id) {
  streams_.unsubscribe(id);
}

void Api::tick() {
  const auto at = now();
  // Tokens and users created or revoked by `rcc token` and `rcc user` in another process.
  const auto version = store_->data_version();
  if (version != seen_data_version_) {
    seen_data_version_ = version;
    reload_credentials();
  }
  streams_.end_where([&](const Principal& p) {
    return p.user.empty() ? !tokens_.in_force(p.credential) : !sessions_.in_force(p.credential, at);
  });
  std::future<void> pending;
  {
    std::unique_lock lock(live_mutex_);
    const auto change = live_.tick(at);
    if (change.empty()) return;
    pending = submit(change);
  }
  pending.get();
}

}  // namespace rcc::server
