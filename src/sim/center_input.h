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
  model::ShiftTypeIdx shift = 0;
};

// A stand-in roster until the roster engine exists: every day, each coverage requirement of
// center.json (skill x shift x engineers) is filled by rotating through the engineers with that
// skill who are not on leave, work at most 5 days in 7 and take one shift a day. Requirements that
// cannot be filled are left short (the simulation then shows the gap).
std::vector<RosterShift> coverage_roster(const model::Center& center, model::Date first_day,
                                         int days);

struct CenterSimulation {
  SimInput input;
  std::vector<std::string> client_ids;  // parallel to input.clients
  std::vector<std::string> skill_ids;   // parallel to skills
  model::Instant start;
  int rostered_shifts = 0;
  int unfilled_shifts = 0;
};

// The first Monday on or after `day`, 00:00 center time, starts the simulation.
CenterSimulation build_simulation(const model::Center& center, model::Date first_day, int weeks,
                                  int tickets_per_engineer = 1);

}  // namespace rcc::sim
