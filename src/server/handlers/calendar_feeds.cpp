// Handlers of engineers' calendar feeds: a secret URL per engineer that calendar apps subscribe
// to (they cannot send a bearer token), issued and revoked by the engineer or a planner.
#include "calendar/zones.h"
#include "report/roster_ics.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/api_internal.h"

namespace rcc::server {
namespace {

ordered_json feed_view(const store::CalendarFeedRecord& r) {
  return {{"id", r.id},
          {"engineer", r.engineer},
          {"created", calendar::format_utc(r.created)},
          {"revoked", r.revoked ? ordered_json(calendar::format_utc(*r.revoked)) : ordered_json()}};
}

}  // namespace

// The engineer of the path, if the caller may manage their feed; 404 otherwise (an engineer
// learns nothing of other engineers).
int Api::feed_owner(const Call& call) {
  require_role(call.principal, {Role::admin, Role::planner, Role::engineer});
  const auto e = find_id(center_.engineers, call.capture(0));
  if (!e || (call.principal.role == Role::engineer && call.principal.engineer != *e)) {
    throw not_found("no engineer " + call.capture(0));
  }
  return *e;
}

HttpResponse Api::create_calendar_feed(const Call& call) {
  const int engineer = feed_owner(call);
  const auto& id = center_.engineers[engineer].id;
  const std::string secret = random_secret("cal_");
  store::CalendarFeedRecord feed{random_handle("cal_"), hash_secret(secret), id, now(), {}};
  store::LiveWrite w;
  w.feeds.push_back(feed);
  {
    std::shared_lock lock(live_mutex_);
    if (const auto old = feeds_.find(id); old != feeds_.end()) {
      w.feeds.push_back(old->second);
      w.feeds.back().revoked = feed.created;  // one feed in force: a new URL ends the old one
    }
  }
  w.events.push_back(
      {0, now(), call.principal.actor(), "calendar_feed", feed.id, "created", {{"engineer", id}}});
  commit(journal_->submit(std::move(w)));
  {
    std::unique_lock lock(live_mutex_);
    feeds_[id] = feed;
  }
  auto view = feed_view(feed);
  view["url"] = "/api/v1/engineers/" + id + "/roster.ics?key=" + secret;
  return json_response(201, view);
}

HttpResponse Api::revoke_calendar_feed(const Call& call) {
  const int engineer = feed_owner(call);
  const auto& id = center_.engineers[engineer].id;
  store::CalendarFeedRecord feed;
  {
    std::shared_lock lock(live_mutex_);
    const auto it = feeds_.find(id);
    if (it == feeds_.end()) throw not_found("engineer " + id + " has no calendar feed");
    feed = it->second;
  }
  feed.revoked = now();
  store::LiveWrite w;
  w.feeds.push_back(feed);
  w.events.push_back(
      {0, now(), call.principal.actor(), "calendar_feed", feed.id, "revoked", {{"engineer", id}}});
  commit(journal_->submit(std::move(w)));
  {
    std::unique_lock lock(live_mutex_);
    feeds_.erase(id);
  }
  return json_response(200, feed_view(feed));
}

// Public: the secret in the URL is the credential. Any mismatch is the same 404, so a URL
// reveals nothing about which engineers have feeds.
HttpResponse Api::roster_feed(const Call& call) {
  const auto* key = query_value(call.request, "key");
  const auto e = find_id(center_.engineers, call.capture(0));
  const auto missing = [&] { return not_found("no calendar feed at this address"); };
  if (key == nullptr || !e) throw missing();
  const std::string hash = hash_secret(*key);
  std::string text;
  {
    std::shared_lock lock(live_mutex_);
    const auto it = feeds_.find(center_.engineers[*e].id);
    if (it == feeds_.end() || it->second.hash != hash) throw missing();
    text = report::roster_calendar(center_, *e, live_.roster(), {}, now());
  }
  HttpResponse response{200, std::move(text), "text/calendar; charset=utf-8", {}};
  response.headers.emplace_back("Cache-Control", "private, max-age=300");
  return response;
}

}  // namespace rcc::server
