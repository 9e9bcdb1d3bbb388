// The HTTP JSON API of `rcc serve`, independent of the HTTP library: a request in, a response
// out. It authenticates the bearer token, checks the role, runs the command on the live center
// and answers only after the change and its events are committed (group commit through the
// journal). Clients see only their own client's tickets (others are 404); engineers see their own
// roster and tickets.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dispatch/live_center.h"
#include "plan/options.h"
#include "server/auth.h"
#include "server/http_types.h"
#include "server/journal.h"
#include "server/metrics.h"
#include "server/static_files.h"
#include "server/stream_hub.h"
#include "server/users.h"
#include "store/store.h"

namespace rcc::server {

// What a keep-alive connection remembers of its last Authorization header, so that the token is
// hashed and looked up once per connection rather than once per request. Void as soon as any token
// changes (revocations included).
struct ConnectionAuth {
  std::string header;
  std::uint64_t generation = 0;
  std::optional<Principal> principal;
};

// What a plan run gives back: the result as `rcc plan --json` has it, the roster to publish, and
// why it failed when a stage did.
struct PlanRunOutcome {
  std::string result_json;
  std::vector<model::PublishedShift> roster;
  std::string failed_stage;  // empty when every stage finished
  std::string error;
};
using PlanRunProgress = std::function<void(std::string_view stage, double fraction)>;
// The planning pipeline, wired in by `rcc serve` (plan::run), so that the HTTP layer does not link
// the solvers.
using PlanRunner = std::function<PlanRunOutcome(const model::Center&, const plan::PlanOptions&,
                                                const PlanRunProgress&)>;

struct ApiOptions {
  std::function<model::Instant()> clock;  // default: the system clock
  PlanRunner planner;                     // without it every plan run fails
  dispatch::LiveOptions live;
  int max_json_depth = 32;
  // Larger bodies are refused before they are read (413); `rcc serve --max-body` sets it.
  std::size_t max_body_bytes = 1 << 20;
  // How long a login lasts; the browser is then asked to log in again.
  std::chrono::seconds session_lifetime{12 * 3600};
  // The dashboard's built assets (web/dist); empty: the API alone.
  std::string web_root;
  // Marks the session cookie Secure: set it when rcc is served over HTTPS (behind a proxy).
  bool secure_cookies = false;
};

class Api {
 public:
  // Loads tokens, the published roster and open tickets from `store`; `center` is the imported
  // center the store holds.
  Api(store::Store& store, model::Center center, ApiOptions options = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  HttpResponse handle(const HttpRequest& request, ConnectionAuth* connection = nullptr);
  // GET /api/v1/stream, which the HTTP layer holds open: authenticates like any read and registers
  // `sink` for the ticket changes the caller may see (stream_hub.h). Throws ApiError.
  std::uint64_t open_stream(const HttpRequest& request, StreamSink sink);
  void close_stream(std::uint64_t id);
  static constexpr std::string_view kStreamPath = "/api/v1/stream";
  std::size_t max_body_bytes() const { return options_.max_body_bytes; }
  // Shift changes, hand-overs, escalations and token revocations made elsewhere; the server calls
  // it about once a second.
  void tick();
  // Finishes the plan runs under way, commits what is queued and stops the writer.
  void shutdown();

  static std::string error_body(int status, const std::string& code, const std::string& message,
                                const nlohmann::json& details = nlohmann::json::object());

 private:
  struct Call;
  using Handler = HttpResponse (Api::*)(const Call&);
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{x}" captures a segment
    Handler handler;
    bool public_route = false;
  };
  struct PlanJob {
    store::PlanRun run;
    std::vector<model::PublishedShift> roster;
  };

  model::Instant now() const { return options_.clock(); }
  Principal authenticate(const HttpRequest& request, ConnectionAuth* connection);
  Principal authenticate_session(const HttpRequest& request, std::string_view secret);
  std::string session_cookie(const std::string& value, std::chrono::seconds max_age) const;
  void reload_credentials();
  // Commits `change` (plus extra writes) and waits for the commit; the caller holds no lock.
  void commit(std::future<void> pending);
  std::future<void> submit(const dispatch::Change& change, store::LiveWrite extra = {});

  // Handlers.
  HttpResponse health(const Call&);
  HttpResponse metrics(const Call&);
  HttpResponse list_engineers(const Call&);
  HttpResponse get_engineer(const Call&);
  HttpResponse engineer_roster(const Call&);
  HttpResponse list_clients(const Call&);
  HttpResponse get_client(const Call&);
  HttpResponse list_projects(const Call&);
  HttpResponse get_project(const Call&);
  HttpResponse current_roster(const Call&);
  HttpResponse publish_roster(const Call&);
  HttpResponse plan_options(const Call&);
  HttpResponse list_plan_runs(const Call&);
  HttpResponse start_plan_run(const Call&);
  HttpResponse get_plan_run(const Call&);
  HttpResponse list_tickets(const Call&);
  HttpResponse create_ticket(const Call&);
  HttpResponse get_ticket(const Call&);
  HttpResponse act_on_ticket(const Call&);
  HttpResponse list_comments(const Call&);
  HttpResponse add_comment(const Call&);
  HttpResponse ticket_events(const Call&);
  HttpResponse ticket_sla(const Call&);
  HttpResponse sla_summary(const Call&);
  HttpResponse sla_outlook(const Call&);
  HttpResponse client_sla_report(const Call&);
  HttpResponse list_tokens(const Call&);
  HttpResponse create_token(const Call&);
  HttpResponse revoke_token(const Call&);
  HttpResponse create_calendar_feed(const Call&);
  HttpResponse revoke_calendar_feed(const Call&);
  HttpResponse roster_feed(const Call&);
  int feed_owner(const Call& call);
  HttpResponse log_in(const Call&);
  HttpResponse current_session(const Call&);
  HttpResponse log_out(const Call&);

  // Lookups that enforce visibility: what the caller may not see does not exist (404).
  const model::Ticket& visible_ticket(const Call& call) const;
  model::ClientIdx visible_client(const Call& call, const std::string& id) const;
  model::EngineerIdx engineer_index(const std::string& id, const std::string& field) const;
  nlohmann::ordered_json ticket_json(const model::Ticket& t) const;
  std::string rendered_ticket(const model::Ticket& t) const;
  nlohmann::ordered_json shift_json(const model::PublishedShift& s) const;
  nlohmann::ordered_json run_json(const PlanJob& job, bool with_roster) const;
  std::string instant_utc(model::Instant t) const;
  nlohmann::ordered_json both_clocks(model::Instant t, model::ClientIdx client) const;
  void restore_plan_runs(model::Instant start, std::vector<std::future<void>>& pending);
  void run_plan_jobs();
  void run_plan_job(PlanJob& job);
  void update_run(PlanJob& job, const std::string& kind);

  store::Store* store_;
  model::Center center_;
  ApiOptions options_;
  TokenRegistry tokens_;
  SessionRegistry sessions_;
  LoginThrottle login_throttle_;
  std::vector<Route> routes_;
  StaticFiles web_;
  Metrics metrics_;
  const date::time_zone* center_zone_;
  std::vector<const date::time_zone*> client_zones_;

  // The live state; commands take it exclusively, reads shared.
  mutable std::shared_mutex live_mutex_;
  dispatch::LiveCenter live_;
  std::int64_t next_comment_ = 1;
  std::map<std::string, store::TokenRecord> token_records_;  // by id
  std::map<std::string, store::CalendarFeedRecord> feeds_;   // in force, by engineer id
  std::int64_t seen_data_version_ = 0;
  StreamHub streams_;
  std::unique_ptr<Journal> journal_;
  // Rendered tickets by id, valid while the version matches: reads far outnumber changes.
  mutable std::mutex rendered_mutex_;
  mutable std::unordered_map<model::TicketId, std::pair<std::int64_t, std::string>> rendered_;

  // Plan runs: one worker, jobs in order.
  std::mutex jobs_mutex_;
  std::condition_variable jobs_wake_;
  std::map<std::string, PlanJob> jobs_;
  std::deque<std::string> job_queue_;
  bool stopping_ = false;
  std::thread job_worker_;
};

}  // namespace rcc::server
