// The RCC's own roster as an instance of the roster problem: support engineers x days ->
// (Pakistan-time shift type, skill) or off. Each (shift type, skill) pair becomes one roster
// "shift" that only engineers holding the skill may work; cover is the designed demand per
// weekday, shift and skill; contracts give the minutes, runs, nights' rest and weekends; leave
// gives the days off; successions that would break the contract's minimum rest are forbidden.
#pragma once

#include <vector>

#include "model/center.h"
#include "roster/evaluator.h"
#include "roster/problem.h"

namespace rcc::roster {

struct SkillShiftDemand {
  int weekday = 0;  // 0 = Monday
  model::ShiftTypeIdx shift = 0;
  model::SkillIdx skill = 0;
  int engineers = 0;
};

struct RccRosterProblem {
  Problem problem;
  model::Date first_day;                      // a Monday
  std::vector<model::EngineerIdx> engineers;  // roster row -> engineer
  struct Type {
    model::ShiftTypeIdx shift;
    model::SkillIdx skill;
  };
  std::vector<Type> types;  // roster shift -> (center shift type, skill)
};

// Engineers who hold a demanded skill form the pool. Weeks of 7 days from `first_day` (a Monday).
RccRosterProblem build_rcc_roster(const model::Center& center,
                                  const std::vector<SkillShiftDemand>& demand,
                                  model::Date first_day, int weeks);

// Coverage, gaps and fairness of a solved RCC roster.
struct RccRosterSummary {
  int engineers_rostered = 0;
  long shifts = 0;
  long unmet_cover = 0;                    // engineer-shifts short of demand
  std::vector<long> unmet_by_skill;        // by center skill index
  int min_nights = 0, max_nights = 0;      // among rostered engineers
  int min_weekends = 0, max_weekends = 0;  // weekend days worked
};
RccRosterSummary summarize_rcc_roster(const model::Center& center, const RccRosterProblem& rcc,
                                      const Roster& roster);

}  // namespace rcc::roster
