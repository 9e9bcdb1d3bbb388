// Shift design: which shift start times and lengths to staff, and with how many engineers, so
// that the hourly requirement of a skill is covered with the fewest engineer-hours. A weekly,
// cyclic set-covering integer program (a night shift on Sunday covers Monday morning) solved
// exactly by CBC; the LP relaxation gives the bound reported beside the answer.
#pragma once

#include <array>
#include <vector>

#include "lp/status.h"
#include "model/center.h"

namespace rcc::forecast {

struct ShiftPattern {
  int start_minute = 0;  // whole hours
  int length_minutes = 0;
};

struct ShiftDesignOptions {
  // Candidate shifts: `patterns` when given (e.g. the center's shift types), otherwise every
  // start on the `start_step_minutes` grid with each of `lengths_minutes`.
  std::vector<ShiftPattern> patterns;
  std::vector<int> lengths_minutes = {480, 540};  // whole hours
  int start_step_minutes = 60;
  double time_limit_seconds = 10;
};

struct DesignedShift {
  int day = 0;           // 0 = Monday, center time
  int start_minute = 0;  // after midnight of `day`
  int length_minutes = 0;
  int engineers = 0;
};

struct ShiftDesign {
  lp::SolveStatus status = lp::SolveStatus::optimal;  // nothing to cover is optimal at once
  std::vector<DesignedShift> shifts;                  // engineers > 0 only, by day then start
  long engineer_minutes = 0;                          // objective
  double lower_bound_minutes = 0;                     // best bound proven by the solver
};

// `required[h]`: engineers needed in hour h of the week (0 = Monday 00:00), center time.
// Throws std::invalid_argument for lengths that are not whole hours or out of 1..24 h.
ShiftDesign design_shifts(const std::array<int, model::kHoursPerWeek>& required,
                          const ShiftDesignOptions& options = {});

}  // namespace rcc::forecast
