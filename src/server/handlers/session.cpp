// Handlers of browser sessions: log in with a name and password, who am I, log out. The session
// is an HttpOnly, SameSite=Strict cookie; requests that change state with it must also echo the
// session's CSRF token in X-CSRF-Token, which only a page of rcc's own origin can read.
#include <sodium.h>

#include "calendar/zones.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/api_internal.h"
#include "server/json_body.h"

namespace rcc::server {

namespace {

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD";
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

ordered_json who_json(const Principal& p, const model::Center& center) {
  ordered_json out;
  out["user"] = p.user.empty() ? ordered_json() : ordered_json(p.user);
  out["token"] = p.token_id.empty() ? ordered_json() : ordered_json(p.token_id);
  out["role"] = role_name(p.role);
  out["client"] = p.client ? ordered_json(center.clients[*p.client].id) : ordered_json();
  out["engineer"] = p.engineer ? ordered_json(center.engineers[*p.engineer].id) : ordered_json();
  return out;
}

}  // namespace

std::string Api::session_cookie(const std::string& value, std::chrono::seconds max_age) const {
  std::string cookie =
      std::string(kSessionCookie) + "=" + value +
      "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
  if (options_.secure_cookies) cookie += "; Secure";
  return cookie;
}

Principal Api::authenticate_session(const HttpRequest& request, std::string_view secret) {
  SessionPrincipal found;
  switch (sessions_.find(secret, now(), found)) {
    case SessionRegistry::Lookup::expired:
      throw ApiError(401, "session_expired", "the session has expired; log in again");
    case SessionRegistry::Lookup::unknown:
      throw ApiError(401, "unauthorized", "the session has ended; log in again");
    case SessionRegistry::Lookup::found:
      break;
  }
  if (changes_state(request.method) && !same_secret(request.csrf_token, found.record.csrf)) {
    throw ApiError(403, "csrf", "a change from the browser must carry the session's X-CSRF-Token");
  }
  return found.principal;
}

HttpResponse Api::log_in(const Call& call) {
  const auto body = parse_body(call.request.body, options_.max_json_depth);
  const Fields f(body, "", {"name", "password"});
  const auto name = *f.text("name", true, 64, 1);
  const auto password = *f.text("password", true, 1024, 1);
  const auto& address = call.request.remote_address;
  if (const auto wait = login_throttle_.wait_seconds(name, address, now()); wait > 0) {
    HttpResponse slow{
        429, error_body(429, "too_many_attempts",
                        "too many failed logins; try again in " + std::to_string(wait) + " s",
                        {{"retry_after", wait}})};
    slow.headers.emplace_back("Retry-After", std::to_string(wait));
    return slow;
  }
  const auto user = sessions_.user(name);
  // An unknown name costs as much as a wrong password, so that timing does not tell which names
  // exist.
  static const std::string decoy = hash_password("rcc decoy password");
  const bool matches = password_matches(user ? user->password_hash : decoy, password);
  const auto principal = matches ? sessions_.user_principal(name) : std::nullopt;
  if (!principal) {
    login_throttle_.failed(name, address, now());
    throw ApiError(401, "invalid_login", "wrong name or password, or the user was revoked");
  }
  login_throttle_.succeeded(name);
  const auto issued = issue_session(name, now(), options_.session_lifetime);
  store::LiveWrite w;
  w.sessions.push_back(issued.record);
  w.events.push_back(
      {0, now(), "user:" + name, "session", issued.record.id, "logged_in", {{"address", address}}});
  commit(journal_->submit(std::move(w)));
  sessions_.put(issued.record);
  auto view = who_json(*principal, center_);
  view["csrf_token"] = issued.record.csrf;
  view["expires"] = calendar::format_utc(issued.record.expires);
  auto response = json_response(200, view);
  response.headers.emplace_back("Set-Cookie",
                                session_cookie(issued.secret, options_.session_lifetime));
  return response;
}

HttpResponse Api::current_session(const Call& call) {
  auto view = who_json(call.principal, center_);
  SessionPrincipal found;
  const auto secret = cookie_value(call.request.cookie, kSessionCookie);
  if (!call.principal.user.empty() &&
      sessions_.find(secret, now(), found) == SessionRegistry::Lookup::found) {
    view["csrf_token"] = found.record.csrf;
    view["expires"] = calendar::format_utc(found.record.expires);
  }
  return json_response(200, view);
}

HttpResponse Api::log_out(const Call& call) {
  SessionPrincipal found;
  const auto secret = cookie_value(call.request.cookie, kSessionCookie);
  if (call.principal.user.empty() ||
      sessions_.find(secret, now(), found) != SessionRegistry::Lookup::found) {
    throw ApiError(409, "conflict", "only a browser session can log out; tokens are revoked");
  }
  auto record = found.record;
  record.ended = now();
  store::LiveWrite w;
  w.sessions.push_back(record);
  w.events.push_back({0, now(), call.principal.actor(), "session", record.id, "logged_out", {}});
  commit(journal_->submit(std::move(w)));
  sessions_.put(record);
  auto response = json_response(200, {{"logged_out", true}});
  response.headers.emplace_back("Set-Cookie", session_cookie("", std::chrono::seconds(0)));
  return response;
}

}  // namespace rcc::server
