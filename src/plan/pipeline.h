// The planning pipeline as one library call: capacity, forecast, shift design, roster, project
// staffing and a simulated week, each stage with its status, timing and progress. `rcc plan`, the
// API's plan runs, the dashboard and the reports all render the one PlanResult it returns; it
// does no I/O.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "forecast/demand.h"
#include "forecast/shift_design.h"
#include "model/center.h"
#include "model/ticket.h"
#include "plan/options.h"
#include "roster/rcc_roster.h"
#include "roster/solver.h"
#include "sim/center_input.h"
#include "sim/simulator.h"
#include "staffing/capacity.h"
#include "staffing/staffing_plan.h"

namespace rcc::plan {

// Hourly need per skill, and the shifts designed to cover it.
struct CoverageDesign {
  std::vector<forecast::SkillHourlyNeed> needs;
  std::vector<std::pair<model::SkillIdx, forecast::ShiftDesign>> designs;
  std::vector<sim::ShiftNeed> shift_needs;  // the designs as weekly needs for the roster
  long engineer_minutes_per_week = 0;       // of every design together
};

// The forecast stage and the shift design of one week, from `service_level`, `shrinkage` and
// `shift_patterns` of `options`. Throws OptionError for options outside their declaration.
CoverageDesign design_coverage(const model::Center& center, const PlanOptions& options);

// The RCC roster for the designed shifts: the roster engine over `weeks` weeks from `first_day`
// (a Monday), with a move budget so the same center always gives the same roster.
struct PlannedRoster {
  model::Date first_day;
  int weeks = 0;
  long moves = 0;
  roster::SolveResult solved;
  roster::RccRosterSummary summary;
  std::vector<sim::RosterShift> shifts;
  std::vector<model::PublishedShift> published;  // the same shifts, as a roster to publish
};

// `progress` gets the share of the moves made so far.
PlannedRoster plan_roster(const model::Center& center, const CoverageDesign& coverage,
                          model::Date first_day, int weeks, long moves,
                          const std::function<void(double)>& progress = {});

// Per engineer and month of the staffing plan, the share of a full-time engineer the support
// roster takes: committed before any project may use them.
std::vector<std::vector<double>> support_commitments(const model::Center& center,
                                                     const PlannedRoster& roster);

// A stage that fails leaves the ones after it skipped: each needs what the ones before found.
// `bad_input` failures come from the center's data (a service level no staffing reaches),
// `failed` ones from inside (a solver's error).
enum class StageStatus { ok, bad_input, failed, skipped };
std::string_view stage_status_name(StageStatus status);

struct StageReport {
  std::string name;  // one of kStageNames
  StageStatus status = StageStatus::skipped;
  double ms = 0;
  std::string detail;  // one line for people: what the stage found, or why it failed
};

struct SimulatedWeek {
  sim::CenterSimulation setup;
  sim::SimResult result;
  double attainment = 1;  // share of all tickets answered within their response target
};

struct PlanResult {
  PlanOptions options;
  std::vector<StageReport> stages;
  staffing::CapacitySummary capacity;
  CoverageDesign coverage;
  std::vector<forecast::Shortfall> coverage_gaps;  // center.json coverage against the need
  PlannedRoster roster;
  staffing::StaffingResult staffing;
  SimulatedWeek simulation;

  // The first stage that did not finish, or nullptr when every stage did.
  const StageReport* failure() const;
};

// Called as stages start and progress: the stage's name and the share of the whole run done.
using Progress = std::function<void(std::string_view stage, double fraction)>;

// Runs every stage in order. Throws OptionError for bad options before any stage runs; a stage
// that fails is reported in `stages`, not thrown.
PlanResult run(const model::Center& center, const PlanOptions& options,
               const Progress& progress = {});

}  // namespace rcc::plan
