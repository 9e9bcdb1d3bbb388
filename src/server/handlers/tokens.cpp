// Handlers of API tokens.
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
