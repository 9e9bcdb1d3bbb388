// Handlers of plan runs and the one worker that runs them in order: the pipeline of `rcc plan`,
// injected as ApiOptions::planner.
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

// Runs left queued or running by a server that stopped are failed; a succeeded run's roster can
// still be published.
void Api::restore_plan_runs(Instant start, std::vector<std::future<void>>& pending) {
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

}  // namespace rcc::server
