#include "plan/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "dispatch/dispatcher.h"
#include "model/dates.h"
#include "model/enum_names.h"
#include "model/errors.h"

namespace rcc::plan {
namespace {

constexpr model::NameTable<StageStatus, 4> kStageStatusNames{{
    {StageStatus::ok, "ok"},
    {StageStatus::bad_input, "bad_input"},
    {StageStatus::failed, "failed"},
    {StageStatus::skipped, "skipped"},
}};

// The share of a typical run each stage takes, for one progress fraction over the whole run.
constexpr double kStageWeights[] = {0.01, 0.02, 0.02, 0.65, 0.25, 0.05};
static_assert(std::size(kStageWeights) == std::size(kStageNames));

// What an engineer on the support roster full time works in a week.
constexpr double kFullTimeMinutesPerWeek = 40 * 60.0;

// The simulated week of a plan (callers do not abandon).
sim::SimOptions week_simulation(long seed) {
  sim::SimOptions options;
  options.horizon_seconds = 7 * 86400.0;
  options.seed = static_cast<std::uint64_t>(seed);
  options.policy = *dispatch::policy_from_name(kSimulatedPolicy);
  options.client_wait_probability = kClientWaitShare;
  options.mean_client_wait_seconds = kClientWaitMinutes * 60.0;
  return options;
}

std::string percent_text(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * share);
  return text;
}

std::vector<forecast::SkillHourlyNeed> forecast_need(const model::Center& center,
                                                     const PlanOptions& options) {
  return forecast::required_engineers(center, {options.service_level, options.shrinkage},
                                      model::month_start(center.plan_start));
}

void design_shifts(const model::Center& center, const PlanOptions& options,
                   CoverageDesign& coverage) {
  forecast::ShiftDesignOptions design_options;
  if (options.shift_patterns == "center") {
    for (const auto& type : center.shift_types) {
      design_options.patterns.push_back({type.start_minute, type.length_minutes});
    }
  }
  for (const auto& need : coverage.needs) {
    auto design = forecast::design_shifts(need.engineers, design_options);
    for (const auto& s : design.shifts) {
      coverage.shift_needs.push_back(
          {s.day, need.skill, s.start_minute, s.length_minutes, s.engineers});
    }
    coverage.engineer_minutes_per_week += design.engineer_minutes;
    coverage.designs.emplace_back(need.skill, std::move(design));
  }
}

SimulatedWeek simulate_week(const model::Center& center, const CoverageDesign& coverage,
                            const PlannedRoster& roster, long seed) {
  SimulatedWeek week;
  week.setup =
      roster.shifts.empty()
          ? sim::build_simulation(center, coverage.shift_needs, center.plan_start, 1)
          : sim::build_simulation(center, coverage.shift_needs, roster.shifts, roster.first_day, 1);
  week.result = sim::simulate(week.setup.input, week_simulation(seed));
  long in_target = 0;
  for (const auto& client : week.result.by_client) {
    for (const auto& s : client) in_target += s.answered_in_target;
  }
  if (week.result.tickets > 0) {
    week.attainment = static_cast<double>(in_target) / static_cast<double>(week.result.tickets);
  }
  return week;
}

// Runs the stages in order, timing each, and stops at the first that fails.
class StageRunner {
 public:
  StageRunner(PlanResult& result, const Progress& progress) : result_(result), progress_(progress) {
    for (const auto name : kStageNames) result_.stages.push_back({std::string(name)});
  }

  // Runs `work` as the next stage; it returns the stage's detail line.
  template <class Work>
  void stage(Work&& work) {
    auto& report = result_.stages[next_];
    const double done_before = done_;
    done_ += kStageWeights[next_];
    ++next_;
    if (stopped_) return;
    report_progress(report.name, done_before);
    const auto start = std::chrono::steady_clock::now();
    try {
      report.detail = work([&](double share) {
        report_progress(report.name,
                        done_before + kStageWeights[next_ - 1] * std::clamp(share, 0.0, 1.0));
      });
      report.status = StageStatus::ok;
    } catch (const model::BadInput& e) {
      fail(report, StageStatus::bad_input, e.what());
    } catch (const std::exception& e) {
      fail(report, StageStatus::failed, e.what());
    }
    report.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    report.ms = std::round(report.ms * 10) / 10;
  }

  void finish() {
    if (!stopped_) report_progress("done", 1.0);
  }

 private:
  void report_progress(const std::string& stage, double fraction) const {
    if (progress_) progress_(stage, fraction);
  }
  void fail(StageReport& report, StageStatus status, const std::string& why) {
    report.status = status;
    report.detail = why;
    stopped_ = true;
  }

  PlanResult& result_;
  const Progress& progress_;
  size_t next_ = 0;
  double done_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::string_view stage_status_name(StageStatus status) {
  return model::name_of(kStageStatusNames, status);
}

const StageReport* PlanResult::failure() const {
  for (const auto& s : stages) {
    if (s.status != StageStatus::ok) return &s;
  }
  return nullptr;
}

CoverageDesign design_coverage(const model::Center& center, const PlanOptions& options) {
  validate(options);
  CoverageDesign coverage;
  coverage.needs = forecast_need(center, options);
  design_shifts(center, options, coverage);
  return coverage;
}

PlannedRoster plan_roster(const model::Center& center, const CoverageDesign& coverage,
                          model::Date first_day, int weeks, long moves,
                          const std::function<void(double)>& progress) {
  std::vector<roster::SkillShiftDemand> demand;
  for (const auto& [skill, design] : coverage.designs) {
    for (const auto& d : design.shifts) {
      for (int t = 0; t < static_cast<int>(center.shift_types.size()); ++t) {
        const auto& type = center.shift_types[t];
        if (type.start_minute == d.start_minute && type.length_minutes == d.length_minutes) {
          demand.push_back({d.day, t, skill, d.engineers});
          break;
        }
      }
    }
  }
  PlannedRoster out;
  out.first_day = first_day;
  out.weeks = weeks;
  out.moves = moves;
  if (demand.empty()) return out;  // shifts designed outside the center's shift types
  const auto rcc = roster::build_rcc_roster(center, demand, first_day, weeks);
  roster::SolveOptions options;
  options.max_iterations = moves;
  options.time_limit_seconds = 600;  // guards only against a machine far slower than expected
  if (progress) {
    options.moves_made = [&](long made) {
      progress(static_cast<double>(made) / static_cast<double>(moves));
    };
  }
  out.solved = roster::solve(rcc.problem, options);
  out.summary = roster::summarize_rcc_roster(center, rcc, out.solved.roster);
  for (size_t i = 0; i < out.solved.roster.size(); ++i) {
    for (int d = 0; d < rcc.problem.days; ++d) {
      const auto t = out.solved.roster[i][d];
      if (t == roster::kOff) continue;
      const auto& type = center.shift_types[rcc.types[t].shift];
      out.shifts.push_back({rcc.engineers[i], first_day + std::chrono::days{d}, type.start_minute,
                            type.length_minutes});
      out.published.push_back({rcc.engineers[i], first_day + std::chrono::days{d},
                               rcc.types[t].shift, rcc.types[t].skill});
    }
  }
  return out;
}

std::vector<std::vector<double>> support_commitments(const model::Center& center,
                                                     const PlannedRoster& roster) {
  const auto months = staffing::plan_months(center).size();
  std::vector<double> support_minutes(center.engineers.size(), 0.0);
  for (const auto& shift : roster.shifts) support_minutes[shift.engineer] += shift.length_minutes;
  const double full_time = kFullTimeMinutesPerWeek * std::max(1, roster.weeks);
  std::vector<std::vector<double>> committed(center.engineers.size());
  for (size_t e = 0; e < center.engineers.size(); ++e) {
    committed[e].assign(months, std::min(1.0, support_minutes[e] / full_time));
  }
  return committed;
}

PlanResult run(const model::Center& center, const PlanOptions& options, const Progress& progress) {
  validate(options);
  PlanResult r;
  r.options = options;
  StageRunner runner(r, progress);
  runner.stage([&](const auto&) {
    r.capacity = staffing::summarize_capacity(center);
    return std::to_string(r.capacity.headcount.size()) + " skills held, " +
           std::to_string(r.capacity.balance.size()) + " skill-months demanded";
  });
  runner.stage([&](const auto&) {
    r.coverage.needs = forecast_need(center, options);
    r.coverage_gaps = forecast::shortfalls(r.coverage.needs);
    return std::to_string(r.coverage.needs.size()) +
           " skills forecast; center.json coverage short in " +
           std::to_string(r.coverage_gaps.size()) + " periods of the first week";
  });
  runner.stage([&](const auto&) {
    design_shifts(center, options, r.coverage);
    return std::to_string(r.coverage.engineer_minutes_per_week / 60) +
           " engineer-hours a week in " + std::to_string(r.coverage.shift_needs.size()) +
           " designed shifts";
  });
  runner.stage([&](const auto& share) {
    r.roster = plan_roster(center, r.coverage, model::first_monday(center.plan_start),
                           options.roster_weeks, options.roster_moves, share);
    const auto& s = r.roster.summary;
    return std::to_string(s.engineers_rostered) + " engineers, " + std::to_string(s.shifts) +
           " shifts in " + std::to_string(options.roster_weeks) + " weeks, " +
           std::to_string(s.unmet_cover) + " places unfilled, " +
           std::to_string(r.roster.solved.evaluation.violations.size()) + " contract violations";
  });
  // Project staffing around the support pool: what an engineer works on the support roster is
  // committed before any project may use them.
  runner.stage([&](const auto&) {
    staffing::StaffingOptions staffing_options;
    staffing_options.committed = support_commitments(center, r.roster);
    r.staffing = staffing::plan_staffing(center, staffing_options);
    return std::to_string(r.staffing.slots.size()) + " role heads, " +
           std::string(staffing::status_name(r.staffing.status)) + ", fill rate " +
           percent_text(r.staffing.fill_rate) + ", " + std::to_string(r.staffing.hires.size()) +
           " jobs created";
  });
  runner.stage([&](const auto&) {
    r.simulation = simulate_week(center, r.coverage, r.roster, options.seed);
    return std::to_string(r.simulation.result.tickets) + " tickets in one week on the roster, " +
           percent_text(r.simulation.attainment) + " answered within SLA";
  });
  runner.finish();
  return r;
}

}  // namespace rcc::plan
