#include "staffing/capacity.h"

#include <algorithm>
#include <map>

#include "model/dates.h"

namespace rcc::staffing {
namespace {

using model::Date;

int days_between(Date first, Date last_inclusive) {
  return static_cast<int>((last_inclusive - first).count()) + 1;
}

// Days of [first, last] that fall inside [lo, hi], all inclusive.
int overlap_days(Date first, Date last, Date lo, Date hi) {
  const Date a = std::max(first, lo);
  const Date b = std::min(last, hi);
  return b < a ? 0 : days_between(a, b);
}

}  // namespace

CapacitySummary summarize_capacity(const model::Center& center) {
  CapacitySummary out;
  out.engineers = static_cast<int>(center.engineers.size());

  std::map<std::string, int> city_index;
  for (const auto& site : center.sites) city_index.emplace(site.city, 0);
  for (auto& [city, index] : city_index) {
    index = static_cast<int>(out.cities.size());
    out.cities.push_back(city);
  }
  out.engineers_by_city.assign(out.cities.size(), 0);

  std::vector<SkillHeadcount> by_skill(center.skills.size());
  for (size_t s = 0; s < by_skill.size(); ++s) {
    by_skill[s].skill = static_cast<model::SkillIdx>(s);
    by_skill[s].by_city.assign(out.cities.size(), 0);
  }
  for (const auto& e : center.engineers) {
    const int city = city_index.at(center.sites[e.site].city);
    ++out.engineers_by_city[city];
    for (const auto& s : e.skills) {
      auto& row = by_skill[s.skill];
      ++row.by_level[s.level];
      ++row.by_city[city];
      ++row.total;
    }
  }
  for (auto& row : by_skill) {
    if (row.total > 0) out.headcount.push_back(std::move(row));
  }

  int seats = 0;
  for (const auto& site : center.sites) seats += site.open ? site.seats : 0;
  out.open_seats = seats - out.engineers;

  for (Date month = model::month_start(center.plan_start); month <= center.plan_end;
       month = model::next_month(month)) {
    const Date month_end = model::next_month(month) - std::chrono::days{1};
    const double month_days = days_between(month, month_end);
    std::map<model::SkillIdx, SkillMonthBalance> rows;
    for (const auto& p : center.projects) {
      for (const auto& r : p.roles) {
        const int active = overlap_days(r.start, r.end, month, month_end);
        if (active == 0) continue;
        auto& row = rows[r.skill];
        row.month = month;
        row.skill = r.skill;
        row.min_level = row.min_level == 0 ? r.min_level : std::min(row.min_level, r.min_level);
        row.demand_fte += r.headcount * r.fte * active / month_days;
      }
    }
    for (auto& [skill, row] : rows) {
      for (const auto& e : center.engineers) {
        if (e.level(skill) < row.min_level) continue;
        int leave_days = 0;
        for (const auto& l : e.leave) leave_days += overlap_days(l.first, l.last, month, month_end);
        row.supply_fte += center.contracts[e.contract].fte * (month_days - leave_days) / month_days;
      }
      out.balance.push_back(row);
    }
  }
  return out;
}

}  // namespace rcc::staffing
