#include "roster/rcc_roster.h"

#include <algorithm>
#include <limits>
#include <set>

namespace rcc::roster {

RccRosterProblem build_rcc_roster(const model::Center& center,
                                  const std::vector<SkillShiftDemand>& demand,
                                  model::Date first_day, int weeks) {
  RccRosterProblem out;
  out.first_day = first_day;
  auto& p = out.problem;
  p.days = 7 * weeks;

  std::set<std::pair<model::ShiftTypeIdx, model::SkillIdx>> pairs;
  for (const auto& d : demand) {
    if (d.engineers > 0) pairs.emplace(d.shift, d.skill);
  }
  for (const auto& [shift, skill] : pairs) {
    out.types.push_back({shift, skill});
    const auto& type = center.shift_types[shift];
    p.shifts.push_back(
        {type.id + "/" + center.skills[skill].id, type.length_minutes, {}, type.night});
  }
  const int types = static_cast<int>(out.types.size());

  std::set<model::SkillIdx> skills;
  for (const auto& t : out.types) skills.insert(t.skill);
  int longest_rest = 0;
  for (int e = 0; e < static_cast<int>(center.engineers.size()); ++e) {
    const auto& engineer = center.engineers[e];
    const bool useful = std::any_of(engineer.skills.begin(), engineer.skills.end(),
                                    [&](const auto& s) { return skills.contains(s.skill); });
    if (!useful) continue;
    const auto& k = center.contracts[engineer.contract];
    longest_rest = std::max(longest_rest, k.min_rest_minutes);
    Employee row;
    row.id = engineer.id;
    row.max_shifts.assign(types, 0);
    for (int t = 0; t < types; ++t) {
      if (engineer.level(out.types[t].skill) > 0) row.max_shifts[t] = p.days;
    }
    const int limit_week = k.max_minutes_per_week > 0 ? k.max_minutes_per_week : 7 * 1440;
    row.max_total_minutes = limit_week * weeks;
    for (int d = 0; d < p.days; ++d) {
      if (engineer.on_leave(first_day + std::chrono::days{d})) row.days_off.push_back(d);
    }
    // No minimum: engineers the support rota does not need work on projects.
    row.min_total_minutes = 0;
    row.max_consecutive_shifts = k.max_consecutive_days > 0 ? k.max_consecutive_days : p.days;
    row.min_consecutive_shifts = 1;
    row.min_consecutive_days_off = 1;
    const int months = std::max(1, (p.days + 29) / 30);
    row.max_weekends =
        k.max_working_weekends_per_month > 0 ? k.max_working_weekends_per_month * months : weeks;
    out.engineers.push_back(e);
    p.employees.push_back(std::move(row));
  }
  // A shift may not follow another when the rest between them would be shorter than the
  // longest minimum rest of the pool's contracts (one rule for all keeps the model the
  // benchmark's).
  for (int a = 0; a < types; ++a) {
    const auto& first = center.shift_types[out.types[a].shift];
    for (int b = 0; b < types; ++b) {
      const auto& next = center.shift_types[out.types[b].shift];
      const int rest = 1440 + next.start_minute - (first.start_minute + first.length_minutes);
      if (rest < longest_rest) p.shifts[a].forbidden_next.push_back(static_cast<ShiftIdx>(b));
    }
  }
  p.cover.assign(static_cast<size_t>(p.days) * types, {0, 100, 1});
  p.fairness_weight = 1;  // nights and weekends shared out; cover still weighs far more
  for (const auto& d : demand) {
    const auto it = std::find_if(out.types.begin(), out.types.end(), [&](const auto& t) {
      return t.shift == d.shift && t.skill == d.skill;
    });
    if (it == out.types.end()) continue;
    const auto t = static_cast<size_t>(it - out.types.begin());
    for (int day = d.weekday; day < p.days; day += 7) {
      p.cover[static_cast<size_t>(day) * types + t].requirement += d.engineers;
    }
  }
  return out;
}

RccRosterSummary summarize_rcc_roster(const model::Center& center, const RccRosterProblem& rcc,
                                      const Roster& roster) {
  RccRosterSummary s;
  const auto& p = rcc.problem;
  const int types = static_cast<int>(p.shifts.size());
  s.unmet_by_skill.assign(center.skills.size(), 0);
  std::vector<int> on(static_cast<size_t>(p.days) * types, 0);
  s.min_nights = s.min_weekends = std::numeric_limits<int>::max();
  for (const auto& row : roster) {
    int worked = 0, nights = 0, weekends = 0;
    for (int d = 0; d < p.days; ++d) {
      if (row[d] == kOff) continue;
      ++worked;
      ++on[static_cast<size_t>(d) * types + row[d]];
      nights += center.shift_types[rcc.types[row[d]].shift].night ? 1 : 0;
      weekends += (d % 7 >= 5) ? 1 : 0;
    }
    if (worked == 0) continue;
    ++s.engineers_rostered;
    s.shifts += worked;
    s.min_nights = std::min(s.min_nights, nights);
    s.max_nights = std::max(s.max_nights, nights);
    s.min_weekends = std::min(s.min_weekends, weekends);
    s.max_weekends = std::max(s.max_weekends, weekends);
  }
  if (s.engineers_rostered == 0) s.min_nights = s.min_weekends = 0;
  for (int d = 0; d < p.days; ++d) {
    for (int t = 0; t < types; ++t) {
      const int gap = p.cover[static_cast<size_t>(d) * types + t].requirement -
                      on[static_cast<size_t>(d) * types + t];
      if (gap > 0) {
        s.unmet_cover += gap;
        s.unmet_by_skill[rcc.types[t].skill] += gap;
      }
    }
  }
  return s;
}

}  // namespace rcc::roster
