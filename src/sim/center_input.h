// Builds a simulation of a center from its dataset: ticket streams from the forecast (client time
// converted to the simulated weeks), SLA clocks from each client's policy and calendar, and the
// engineers of a roster with their skills and languages.
#pragma once

#include <string>
#include <vector>

#include "model/center.h"
#include "sim/simulator.h"

namespace rcc::sim {

// Who works when: one entry per engineer and shift, in center time.
struct RosterShift {
  model::EngineerIdx engineer = 0;
  model::Date day;  // the day the shift starts, center time
  int start_minute = 0;
  int length_minutes = 0;
};

// Engineers of a skill wanted on a shift that repeats every week.
struct ShiftNeed {
  int weekday = 0;  // 0 = Monday, center time
  model::SkillIdx skill = 0;
  int start_minute = 0;
  int length_minutes = 0;
  int engineers = 0;
};

// center.json's support coverage: every day, each skill x shift type.
std::vector<ShiftNeed> coverage_needs(const model::Center& center);

// A stand-in roster until the roster engine exists: every day, each need is filled by rotating
// through the engineers with the skill who are not on leave, have had their contract's rest
// since their last shift, work at most 5 days in 7 and take one shift a day. Needs that cannot
// be filled are left short (the simulation then shows the gap).
std::vector<RosterShift> simple_roster(const model::Center& center,
                                       const std::vector<ShiftNeed>& needs, model::Date first_day,
                                       int days);

struct CenterSimulation {
  SimInput input;
  std::vector<std::string> client_ids;  // parallel to input.clients
  std::vector<std::string> skill_ids;   // parallel to skills
  model::Instant start;
  int rostered_shifts = 0;
  int unfilled_shifts = 0;
};

// The first Monday on or after `day`, 00:00 center time, starts the simulation; the roster
// staffs `needs` (shift design from the forecast, or coverage_needs).
CenterSimulation build_simulation(const model::Center& center, const std::vector<ShiftNeed>& needs,
                                  model::Date first_day, int weeks, int tickets_per_engineer = 1);
// The same on a roster made elsewhere (the roster engine); its days count from the first Monday
// on or after `first_day`. `needs` is only used to count unfilled places.
CenterSimulation build_simulation(const model::Center& center, const std::vector<ShiftNeed>& needs,
                                  const std::vector<RosterShift>& roster, model::Date first_day,
                                  int weeks, int tickets_per_engineer = 1);

}  // namespace rcc::sim
