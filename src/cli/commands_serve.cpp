// rcc serve and rcc token: the live service over the store, and its API tokens.
#include <iostream>

#include "cli/command_support.h"
#include "model/errors.h"
#include "plan/pipeline.h"
#include "report/plan_json.h"
#include "server/api.h"
#include "server/auth.h"
#include "server/http_server.h"
#include "store/store.h"

namespace rcc::cli {
namespace {

// Plan runs of the API: the pipeline of `rcc plan`, its result rendered as `rcc plan --json` does.
server::PlanRunOutcome run_plan_for_api(const model::Center& center,
                                        const plan::PlanOptions& options,
                                        const server::PlanRunProgress& progress) {
  const auto result = plan::run(center, options, progress);
  server::PlanRunOutcome outcome;
  outcome.result_json = report::plan_json(center, result).dump();
  if (const auto* failure = result.failure()) {
    outcome.failed_stage = failure->name;
    outcome.error = failure->detail;
  } else {
    outcome.roster = result.roster.published;
  }
  return outcome;
}

}  // namespace

int run_serve(const ServeCommand& options) {
  server::block_stop_signals();
  store::StoreOptions store_options;
  store_options.flush_every_commit = options.durable;
  const auto store = store::open_store(options.db, store_options);
  server::ApiOptions api_options;
  api_options.planner = run_plan_for_api;
  const auto policy = dispatch::policy_from_name(options.policy);
  if (!policy) {
    throw model::BadInput("--policy must be longest-idle, least-loaded or sla-risk-first");
  }
  api_options.live.policy = *policy;
  api_options.live.capacity = options.capacity;
  api_options.max_body_bytes = options.max_body_bytes;
  api_options.web_root = options.web_root;
  api_options.secure_cookies = options.secure_cookies;
  api_options.session_lifetime = std::chrono::seconds(options.session_seconds);
  server::Api api(*store, stored_center(*store, options.db), api_options);
  server::ServeOptions serve;
  serve.host = options.host;
  serve.port = options.port;
  serve.threads = options.threads;
  serve.port_file = options.port_file;
  serve.tick_milliseconds = options.tick_milliseconds;
  return server::serve(api, serve) == 0 ? kOk : kRuntimeFailure;
}

int run_token_create(const std::string& db, const std::string& role, const std::string& client,
                     const std::string& engineer, const std::string& label, const Output& out) {
  const auto store = store::open_store(db);
  const auto center = stored_center(*store, db);
  const auto parsed = server::role_from_name(role);
  if (!parsed) {
    throw model::BadInput("--role must be admin, planner, lead, engineer or client");
  }
  const auto issued = server::issue_token(center, *parsed, client, engineer, label, now_seconds());
  store::LiveWrite write;
  write.tokens.push_back(issued.record);
  write.events.push_back(
      {0, issued.record.created, "cli", "token", issued.record.id, "created", {{"role", role}}});
  store->write(center, {write});
  if (out.json) {
    std::cout
        << OrderedJson{{"id", issued.record.id}, {"role", role}, {"token", issued.secret}}.dump(2)
        << "\n";
  } else {
    // The secret is shown once and never stored: only its hash is.
    std::cout << issued.secret << "\n";
    std::cerr << "token " << issued.record.id << " (" << role << ") created; keep it secret, it "
              << "is not shown again\n";
  }
  return kOk;
}

int run_token_revoke(const std::string& db, const std::string& id, const Output& out) {
  const auto store = store::open_store(db);
  const auto center = stored_center(*store, db);
  for (auto record : store->load_tokens()) {
    if (record.id != id) continue;
    if (!record.revoked) {
      record.revoked = now_seconds();
      store::LiveWrite write;
      write.tokens.push_back(record);
      write.events.push_back({0, *record.revoked, "cli", "token", id, "revoked", {}});
      store->write(center, {write});
    }
    if (out.json) {
      std::cout << OrderedJson{{"id", id}, {"revoked", true}}.dump(2) << "\n";
    } else {
      std::cout << "token " << id << " revoked\n";
    }
    return kOk;
  }
  throw model::BadInput("no token " + id + " in " + db);
}

int run_token_list(const std::string& db, const Output& out) {
  const auto store = store::open_store(db);
  OrderedJson items = OrderedJson::array();
  for (const auto& r : store->load_tokens()) {
    items.push_back({{"id", r.id},
                     {"role", r.role},
                     {"client", r.client},
                     {"engineer", r.engineer},
                     {"label", r.label},
                     {"revoked", r.revoked.has_value()}});
    if (!out.json) {
      std::cout << r.id << "  " << r.role << "  " << (r.client.empty() ? "-" : r.client) << "  "
                << (r.engineer.empty() ? "-" : r.engineer) << "  "
                << (r.revoked ? "revoked" : "active") << "  " << r.label << "\n";
    }
  }
  if (out.json) std::cout << items.dump(2) << "\n";
  return kOk;
}

}  // namespace rcc::cli
