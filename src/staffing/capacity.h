// The first look at a center: who it has (headcount by skill, level and city) and what its project
// pipeline asks of it (demand vs. qualified supply per skill per month). The staffing optimiser
// assigns people exclusively; this summary deliberately does not, so it shows where the pool is
// thin before any plan is made.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/center.h"

namespace rcc::staffing {

struct SkillHeadcount {
  model::SkillIdx skill = 0;
  std::array<int, model::kMaxLevel + 1> by_level{};  // [1..5]; [0] unused
  std::vector<int> by_city;                          // parallel to CapacitySummary::cities
  int total = 0;
};

// Demand and supply of one skill in one month, in full-time equivalents.
struct SkillMonthBalance {
  model::Date month;  // first day of the month
  model::SkillIdx skill = 0;
  int min_level = 0;      // lowest level any role of this skill asks for this month
  double demand_fte = 0;  // role headcount x FTE x share of the month the role is active
  double supply_fte = 0;  // engineers at >= min_level: contract FTE x share of month not on leave
  double gap_fte() const { return demand_fte > supply_fte ? demand_fte - supply_fte : 0.0; }
};

struct CapacitySummary {
  int engineers = 0;
  std::vector<std::string> cities;  // sorted
  std::vector<int> engineers_by_city;
  std::vector<SkillHeadcount> headcount;   // skills held by at least one engineer, by taxonomy
  std::vector<SkillMonthBalance> balance;  // months of the plan with demand, by month then skill
  double open_seats = 0;                   // seats of open sites minus engineers
};

CapacitySummary summarize_capacity(const model::Center& center);

}  // namespace rcc::staffing
