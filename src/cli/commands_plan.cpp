// rcc plan, capacity, simulate: the planning pipeline and its stages on their own.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command_support.h"
#include "cli/ops_report.h"
#include "cli/plan_outputs.h"
#include "cli/plan_report.h"
#include "cli/staff_report.h"
#include "cli/table.h"
#include "forecast/demand.h"
#include "model/dates.h"
#include "model/errors.h"
#include "plan/pipeline.h"
#include "report/plan_json.h"
#include "roster/rcc_roster.h"
#include "roster/solver.h"
#include "sim/center_input.h"
#include "sim/simulator.h"
#include "staffing/capacity.h"
#include "staffing/staffing_plan.h"

namespace rcc::cli {
namespace {

sim::SimOptions sim_options(const SimulateOptions& o) {
  const auto policy = dispatch::policy_from_name(o.policy);
  if (!policy) {
    throw model::BadInput("--policy must be longest-idle, least-loaded or sla-risk-first");
  }
  if (o.weeks < 1 || o.weeks > 104) throw model::BadInput("--weeks must be 1..104");
  sim::SimOptions opt;
  opt.horizon_seconds = o.weeks * 7 * 86400.0;
  opt.seed = o.seed;
  opt.policy = *policy;
  opt.mean_patience_seconds = o.patience_minutes * 60;
  opt.client_wait_probability = o.client_wait_share;
  opt.mean_client_wait_seconds = o.client_wait_minutes * 60;
  return opt;
}

std::string stage_line(const std::string& name, std::string_view status, double ms,
                       const std::string& detail) {
  char line[512];
  std::snprintf(line, sizeof line, "  %-10s %-3s %8.1f ms  %s\n", name.c_str(),
                std::string(status).c_str(), ms, detail.c_str());
  return line;
}

// A progress bar on standard error, only where a person watches it.
plan::Progress progress_bar() {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [](std::string_view stage, double fraction) {
    if (stage == "done") {
      std::cerr << "\r" << std::string(40, ' ') << "\r" << std::flush;
      return;
    }
    const int filled = static_cast<int>(std::lround(fraction * 20));
    std::cerr << "\r  [" << std::string(filled, '#') << std::string(20 - filled, ' ') << "] "
              << static_cast<int>(std::lround(fraction * 100)) << "% " << stage << "   "
              << std::flush;
  };
}

void print_plan_text(const LoadedCenter& loaded, double load_ms, const plan::PlanResult& r) {
  const auto& center = loaded.center;
  std::string stages = stage_line("load", "ok", load_ms, counts(center)) +
                       stage_line("validate", "ok", 0.0, loaded.validation);
  for (const auto& s : r.stages) {
    stages += stage_line(s.name, plan::stage_status_name(s.status), s.ms, s.detail);
  }
  std::cout << "rcc plan: " << center.name << " (" << loaded.source << "), "
            << model::format_date(center.plan_start) << " to "
            << model::format_date(center.plan_end) << "\n"
            << stages << "\n";
  if (r.failure() != nullptr) return;
  const auto& roster = r.roster.summary;
  std::cout << capacity_text(center, r.capacity) << "\n"
            << demand_text(center, r.coverage.needs) << "\n"
            << design_text(center, r.coverage) << "\n"
            << "Roster, " << r.roster.weeks << " weeks from "
            << model::format_date(r.roster.first_day) << " (roster engine, " << r.roster.moves
            << " moves): " << roster.engineers_rostered << " engineers, " << roster.shifts
            << " shifts, " << roster.unmet_cover << " places unfilled, "
            << r.roster.solved.evaluation.violations.size()
            << " contract violations; nights per engineer " << roster.min_nights << ".."
            << roster.max_nights << ", weekend days " << roster.min_weekends << ".."
            << roster.max_weekends << "\n\n"
            << "Project staffing, around the support roster\n"
            << staffing_text(center, r.staffing) << "\n"
            << "Simulated first week on that roster\n"
            << simulation_text(r.simulation.setup, r.simulation.result);
}

}  // namespace

int run_plan(const Source& source, const plan::PlanOptions& options, const std::string& out_dir,
             const Output& out) {
  Stopwatch load_time;
  const auto loaded = load_source(source);
  const double load_ms = std::round(load_time.elapsed_ms() * 10) / 10;
  const auto result =
      plan::run(loaded.center, options, out.json ? plan::Progress{} : progress_bar());
  auto j = report::plan_json(loaded.center, result);
  j["input"] = {{"source", loaded.source}, {"load_ms", load_ms}, {"validation", loaded.validation}};
  if (out.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    print_plan_text(loaded, load_ms, result);
  }
  const auto* failure = result.failure();
  if (failure != nullptr) {
    std::cerr << "rcc plan: stage " << failure->name << " failed: " << failure->detail
              << (out_dir.empty() ? "" : "; nothing written to " + out_dir) << "\n";
    return failure->status == plan::StageStatus::bad_input ? kBadInput : kRuntimeFailure;
  }
  if (!out_dir.empty()) {
    const auto written = write_plan_outputs(out_dir, loaded.center, result, j);
    (out.json ? std::cerr : std::cout)
        << "rcc plan: wrote " << out_dir << ": plan.json, " << (written.page ? "plan.html, " : "")
        << "plan.xlsx, " << written.calendars << " roster calendars ("
        << written.calendar_events_changed
        << " events new or changed since the last publication)\n";
    if (!written.page) {
      std::cerr << "rcc plan: plan.html not written: the web front end is not built (make web)\n";
    }
  }
  return kOk;
}

int run_capacity(const Source& source, const plan::PlanOptions& options, const Output& out) {
  const auto loaded = load_source(source);
  const auto staffing = plan::design_coverage(loaded.center, options);
  if (out.json) {
    auto j = report::demand_json(loaded.center, staffing.needs);
    j["shift_design"] = report::design_json(loaded.center, staffing);
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << demand_text(loaded.center, staffing.needs) << "\n"
              << design_text(loaded.center, staffing);
  }
  return kOk;
}

int run_simulate(const Source& source, const SimulateOptions& options, const Output& out) {
  const auto opt = sim_options(options);
  const auto loaded = load_source(source);
  if (options.roster != "engine" && options.roster != "designed" && options.roster != "coverage") {
    throw model::BadInput("--roster must be engine, designed or coverage");
  }
  const auto& center = loaded.center;
  const auto staffing = plan::design_coverage(center, plan::PlanOptions{});
  const auto needs =
      options.roster == "coverage" ? sim::coverage_needs(center) : staffing.shift_needs;
  const auto first_day = model::first_monday(center.plan_start);
  plan::PlannedRoster planned;
  if (options.roster == "engine") {
    planned = plan::plan_roster(center, staffing, first_day, options.weeks,
                                plan::PlanOptions{}.roster_moves);
  }
  const auto setup = planned.shifts.empty()
                         ? sim::build_simulation(center, needs, center.plan_start, options.weeks,
                                                 options.tickets_per_engineer)
                         : sim::build_simulation(center, needs, planned.shifts, first_day,
                                                 options.weeks, options.tickets_per_engineer);
  Stopwatch time;
  const auto result = sim::simulate(setup.input, opt);
  const double ms = time.elapsed_ms();
  if (out.json) {
    auto j = report::simulation_json(setup, result);
    j["weeks"] = options.weeks;
    j["seed"] = options.seed;
    j["policy"] = options.policy;
    j["roster"] = options.roster;
    j["elapsed_ms"] = std::round(ms);
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "rcc simulate: " << options.weeks << " week(s) from "
              << model::format_date(loaded.center.plan_start) << ", seed " << options.seed
              << ", policy " << options.policy << ", roster " << options.roster << " ("
              << fixed(ms, 0) << " ms)\n"
              << simulation_text(setup, result);
  }
  return kOk;
}

}  // namespace rcc::cli
