#include "cli/plan_report.h"

#include <map>
#include <set>

#include "cli/table.h"
#include "model/dates.h"

namespace rcc::cli {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string month_label(model::Date month) {
  const std::chrono::year_month_day ymd{month};
  return kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

}  // namespace

std::string capacity_text(const model::Center& center, const staffing::CapacitySummary& s) {
  std::string out;
  {
    TextTable t({"city", "engineers", "open seats"});
    for (size_t c = 0; c < s.cities.size(); ++c) {
      int seats = 0;
      for (const auto& site : center.sites) {
        if (site.open && site.city == s.cities[c]) seats += site.seats;
      }
      t.add_row({s.cities[c], std::to_string(s.engineers_by_city[c]), std::to_string(seats)});
    }
    out += "Engineers by city\n" + t.render() + "\n";
  }
  {
    std::vector<std::string> header = {"skill", "L1", "L2", "L3", "L4", "L5", "total"};
    header.insert(header.end(), s.cities.begin(), s.cities.end());
    TextTable t(header);
    for (const auto& row : s.headcount) {
      std::vector<std::string> cells = {center.skills[row.skill].id};
      for (int l = 1; l <= model::kMaxLevel; ++l) cells.push_back(std::to_string(row.by_level[l]));
      cells.push_back(std::to_string(row.total));
      for (int n : row.by_city) cells.push_back(std::to_string(n));
      t.add_row(cells);
    }
    out += "Headcount by skill and level (an engineer counts once per skill held)\n" + t.render() +
           "\n";
  }
  {
    std::set<model::Date> months;
    std::map<model::SkillIdx, std::map<model::Date, const staffing::SkillMonthBalance*>> grid;
    for (const auto& b : s.balance) {
      months.insert(b.month);
      grid[b.skill][b.month] = &b;
    }
    std::vector<std::string> header = {"skill"};
    for (auto m : months) header.emplace_back(month_label(m));
    header.emplace_back("peak gap");
    TextTable t(header);
    int short_skills = 0;
    for (const auto& [skill, by_month] : grid) {
      std::vector<std::string> cells = {center.skills[skill].id};
      double peak_gap = 0;
      for (auto m : months) {
        const auto it = by_month.find(m);
        if (it == by_month.end()) {
          cells.emplace_back();
          continue;
        }
        const auto& b = *it->second;
        peak_gap = std::max(peak_gap, b.gap_fte());
        cells.push_back(fixed(b.demand_fte, 0) + "/" + fixed(b.supply_fte, 0) +
                        (b.gap_fte() > 0 ? "!" : ""));
      }
      short_skills += peak_gap > 0 ? 1 : 0;
      cells.push_back(peak_gap > 0 ? fixed(peak_gap) : "-");
      t.add_row(cells);
    }
    out += "Project demand / qualified supply per month (FTE; ! = demand exceeds supply)\n" +
           t.render();
    out += std::to_string(short_skills) + " of " + std::to_string(grid.size()) +
           " demanded skills are short in at least one month. Supply counts every engineer at\n"
           "the lowest level asked that month, less leave; the staffing stage assigns people "
           "exclusively.\n";
  }
  return out;
}

}  // namespace rcc::cli
