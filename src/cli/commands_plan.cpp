// rcc plan, capacity, simulate: the planning pipeline and its stages on their own.
#include <cmath>
#include <iostream>

#include "cli/command_support.h"
#include "cli/ops_report.h"
#include "cli/plan_report.h"
#include "cli/staff_report.h"
#include "cli/table.h"
#include "forecast/demand.h"
#include "model/dates.h"
#include "plan/pipeline.h"
#include "roster/rcc_roster.h"
#include "roster/solver.h"
#include "sim/center_input.h"
#include "sim/simulator.h"
#include "staffing/capacity.h"
#include "staffing/staffing_plan.h"

namespace rcc::cli {
namespace {

plan::StaffingTarget plan_target(const CapacityOptions& o) {
  return {{o.service_level, o.shrinkage}, o.shift_patterns};
}

sim::SimOptions sim_options(const SimulateOptions& o) {
  const auto policy = dispatch::policy_from_name(o.policy);
  if (!policy) {
    throw std::invalid_argument("--policy must be longest-idle, least-loaded or sla-risk-first");
  }
  if (o.weeks < 1 || o.weeks > 104) throw std::invalid_argument("--weeks must be 1..104");
  sim::SimOptions opt;
  opt.horizon_seconds = o.weeks * 7 * 86400.0;
  opt.seed = o.seed;
  opt.policy = *policy;
  opt.mean_patience_seconds = o.patience_minutes * 60;
  opt.client_wait_probability = o.client_wait_share;
  opt.mean_client_wait_seconds = o.client_wait_minutes * 60;
  return opt;
}

}  // namespace

int run_plan(const Source& source, const CapacityOptions& capacity, const Output& out) {
  OrderedJson stages = OrderedJson::array();
  std::string text;
  const auto stage = [&](const std::string& name, double ms, const std::string& detail) {
    stages.push_back(
        {{"stage", name}, {"status", "ok"}, {"ms", std::round(ms * 10) / 10}, {"detail", detail}});
    char line[256];
    std::snprintf(line, sizeof line, "  %-10s ok  %8.1f ms  %s\n", name.c_str(), ms,
                  detail.c_str());
    text += line;
  };

  Stopwatch load_time;
  const auto loaded = load_source(source);
  const auto& center = loaded.center;
  stage("load", load_time.elapsed_ms(), counts(center));
  stage("validate", 0.0, loaded.validation);

  Stopwatch capacity_time;
  const auto summary = staffing::summarize_capacity(center);
  stage("capacity", capacity_time.elapsed_ms(),
        std::to_string(summary.headcount.size()) + " skills held, " +
            std::to_string(summary.balance.size()) + " skill-months demanded");

  Stopwatch forecast_time;
  const auto staffing = plan::plan_staffing(center, plan_target(capacity));
  const auto gaps = forecast::shortfalls(staffing.needs);
  stage("forecast", forecast_time.elapsed_ms(),
        std::to_string(staffing.needs.size()) + " skills forecast; center.json coverage short in " +
            std::to_string(gaps.size()) + " periods of the first week");
  long designed_minutes = 0;
  for (const auto& [skill, d] : staffing.designs) designed_minutes += d.engineer_minutes;
  stage("shifts", 0.0,
        std::to_string(designed_minutes / 60) + " engineer-hours a week in " +
            std::to_string(staffing.shift_needs.size()) + " designed shifts");

  Stopwatch roster_time;
  const auto first_day = model::first_monday(center.plan_start);
  const auto planned = plan::plan_roster(center, staffing, first_day, 4, capacity.roster_moves);
  const auto& summary_roster = planned.summary;
  const auto& solved = planned.solved;
  stage("roster", roster_time.elapsed_ms(),
        std::to_string(summary_roster.engineers_rostered) + " engineers, " +
            std::to_string(summary_roster.shifts) + " shifts in 4 weeks, " +
            std::to_string(summary_roster.unmet_cover) + " places unfilled, " +
            std::to_string(solved.evaluation.violations.size()) + " contract violations");

  // Project staffing around the support pool: what an engineer works on the support roster is
  // committed before any project may use them.
  Stopwatch staffing_time;
  staffing::StaffingOptions staffing_options;
  {
    const auto months = staffing::plan_months(center).size();
    std::vector<double> support_minutes(center.engineers.size(), 0.0);
    for (const auto& shift : planned.shifts)
      support_minutes[shift.engineer] += shift.length_minutes;
    staffing_options.committed.assign(center.engineers.size(), std::vector<double>(months, 0.0));
    constexpr double kFullTimeMinutesIn4Weeks = 4 * 40 * 60.0;
    for (size_t e = 0; e < center.engineers.size(); ++e) {
      const double share = std::min(1.0, support_minutes[e] / kFullTimeMinutesIn4Weeks);
      for (auto& m : staffing_options.committed[e]) m = share;
    }
  }
  const auto projects = staffing::plan_staffing(center, staffing_options);
  stage("staffing", staffing_time.elapsed_ms(),
        std::to_string(projects.slots.size()) + " role heads, " +
            std::string(staffing::status_name(projects.status)) + ", fill rate " +
            fixed(100 * projects.fill_rate) + "%, " + std::to_string(projects.hires.size()) +
            " jobs created");

  Stopwatch sim_time;
  const SimulateOptions sim_defaults;
  const auto setup =
      planned.shifts.empty()
          ? sim::build_simulation(center, staffing.shift_needs, center.plan_start, 1)
          : sim::build_simulation(center, staffing.shift_needs, planned.shifts, first_day, 1);
  const auto result = sim::simulate(setup.input, sim_options(sim_defaults));
  long in_target = 0;
  for (const auto& client : result.by_client) {
    for (const auto& s : client) in_target += s.answered_in_target;
  }
  const double attainment =
      result.tickets > 0 ? static_cast<double>(in_target) / static_cast<double>(result.tickets) : 1;
  stage("simulate", sim_time.elapsed_ms(),
        std::to_string(result.tickets) + " tickets in one week on the roster, " +
            fixed(100 * attainment) + "% answered within SLA");

  if (out.json) {
    std::cout << OrderedJson{{"center", center.id},
                             {"name", center.name},
                             {"source", loaded.source},
                             {"plan_start", model::format_date(center.plan_start)},
                             {"plan_end", model::format_date(center.plan_end)},
                             {"stages", stages},
                             {"capacity", capacity_json(center, summary)},
                             {"forecast", demand_json(center, staffing.needs)},
                             {"shift_design", design_json(center, staffing)},
                             {"roster",
                              {{"engineers", summary_roster.engineers_rostered},
                               {"shifts", summary_roster.shifts},
                               {"unfilled", summary_roster.unmet_cover},
                               {"violations", solved.evaluation.violations.size()},
                               {"nights_per_engineer",
                                {summary_roster.min_nights, summary_roster.max_nights}},
                               {"weekend_days_per_engineer",
                                {summary_roster.min_weekends, summary_roster.max_weekends}}}},
                             {"staffing", staffing_json(center, projects)},
                             {"simulation", simulation_json(setup, result)}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "rcc plan: " << center.name << " (" << loaded.source << "), "
              << model::format_date(center.plan_start) << " to "
              << model::format_date(center.plan_end) << "\n"
              << text << "\n"
              << capacity_text(center, summary) << "\n"
              << demand_text(center, staffing.needs) << "\n"
              << design_text(center, staffing) << "\n"
              << "Roster, 4 weeks from " << model::format_date(first_day) << " (roster engine, "
              << capacity.roster_moves << " moves): " << summary_roster.engineers_rostered
              << " engineers, " << summary_roster.shifts << " shifts, "
              << summary_roster.unmet_cover << " places unfilled, "
              << solved.evaluation.violations.size() << " contract violations; nights per engineer "
              << summary_roster.min_nights << ".." << summary_roster.max_nights << ", weekend days "
              << summary_roster.min_weekends << ".." << summary_roster.max_weekends << "\n\n"
              << "Project staffing, around the support roster\n"
              << staffing_text(center, projects) << "\n"
              << "Simulated first week on that roster\n"
              << simulation_text(setup, result);
  }
  return kOk;
}

int run_capacity(const Source& source, const CapacityOptions& capacity, const Output& out) {
  const auto loaded = load_source(source);
  const auto staffing = plan::plan_staffing(loaded.center, plan_target(capacity));
  if (out.json) {
    auto j = demand_json(loaded.center, staffing.needs);
    j["shift_design"] = design_json(loaded.center, staffing);
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
    throw std::invalid_argument("--roster must be engine, designed or coverage");
  }
  const auto& center = loaded.center;
  const auto staffing = plan::plan_staffing(center, plan_target(CapacityOptions{}));
  const auto needs =
      options.roster == "coverage" ? sim::coverage_needs(center) : staffing.shift_needs;
  const auto first_day = model::first_monday(center.plan_start);
  plan::PlannedRoster planned;
  if (options.roster == "engine") {
    planned = plan::plan_roster(center, staffing, first_day, options.weeks,
                                CapacityOptions{}.roster_moves);
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
    auto j = simulation_json(setup, result);
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
