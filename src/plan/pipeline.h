// The planning pipeline as a library: forecast -> hourly need -> shift design -> RCC roster. The
// CLI's `rcc plan` and the server's plan runs both call it; it does no I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "forecast/demand.h"
#include "forecast/shift_design.h"
#include "model/center.h"
#include "model/ticket.h"
#include "roster/rcc_roster.h"
#include "roster/solver.h"
#include "sim/center_input.h"

namespace rcc::plan {

struct StaffingTarget {
  forecast::StaffingTarget service;
  // Candidate shifts of the shift design: "center" (the center's shift types) or "any" (any
  // hourly start of 8 or 9 h).
  std::string shift_patterns = "center";
};

// Hourly need per skill, and the shifts designed to cover it.
struct StaffingPlan {
  std::vector<forecast::SkillHourlyNeed> needs;
  std::vector<std::pair<model::SkillIdx, forecast::ShiftDesign>> designs;
  std::vector<sim::ShiftNeed> shift_needs;  // the designs as weekly needs for the roster
};

// Throws std::invalid_argument for an unknown `shift_patterns`.
StaffingPlan plan_staffing(const model::Center& center, const StaffingTarget& target);

// The RCC roster for the designed shifts: the roster engine over `weeks` weeks from `first_day`
// (a Monday), with a move budget so the same center always gives the same roster.
struct PlannedRoster {
  roster::SolveResult solved;
  roster::RccRosterSummary summary;
  std::vector<sim::RosterShift> shifts;
  std::vector<model::PublishedShift> published;  // the same shifts, as a roster to publish
};

PlannedRoster plan_roster(const model::Center& center, const StaffingPlan& staffing,
                          model::Date first_day, int weeks, long moves);

}  // namespace rcc::plan
