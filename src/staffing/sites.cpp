// choose_sites (explain.h): where the plan's hires sit.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "lp/model.h"
#include "staffing/explain.h"

namespace rcc::staffing {
namespace {

// Hires grouped by the month they join (a seat is taken from then to the end of the plan), their
// skill (local talent supply is per skill) and the city their roles prefer.
using GroupKey = std::tuple<int, model::SkillIdx, std::string>;

// A hire with no seat costs far more than any seat: the plan reports the shortage.
constexpr double kNoSeatCost = 1e7;

}  // namespace

void choose_sites(const model::Center& center, const StaffingOptions& options,
                  const std::vector<model::Date>& months, double seconds, StaffingResult& result) {
  const auto n_sites = static_cast<int>(center.sites.size());
  std::vector<int> free(n_sites, 0);
  for (int k = 0; k < n_sites; ++k) free[k] = center.sites[k].seats;
  for (const auto& e : center.engineers) --free[e.site];
  std::map<GroupKey, std::vector<int>> by_month;
  for (int h = 0; h < static_cast<int>(result.hires.size()); ++h) {
    const auto m =
        std::lower_bound(months.begin(), months.end(), result.hires[h].joins) - months.begin();
    by_month[{static_cast<int>(m), result.hires[h].skill, result.hires[h].city}].push_back(h);
  }
  for (int k = 0; k < n_sites; ++k) {
    result.sites.push_back({k, center.sites[k].open, false, 0, std::max(0, free[k])});
  }
  if (by_month.empty()) return;
  // Rows: one per group (demand), one per site (seats), one per listed (site, skill) supply.
  lp::ModelBuilder b;
  std::vector<GroupKey> group_key;
  for (const auto& [key, hires] : by_month) {
    const auto n = static_cast<double>(hires.size());
    b.add_row(n, n);
    group_key.push_back(key);
  }
  const int groups = static_cast<int>(group_key.size());
  for (int k = 0; k < n_sites; ++k) {
    b.add_row(-1e30, center.sites[k].open ? std::max(0, free[k]) : 0.0);
  }
  std::map<std::pair<int, model::SkillIdx>, int> talent_row;  // (site, skill) -> row
  for (int k = 0; k < n_sites; ++k) {
    for (const auto& t : center.sites[k].talent)
      talent_row[{k, t.skill}] = b.add_row(-1e30, t.hires);
  }
  // Columns: z[g][k] integer hires of group g at site k, short[g]; then y[k] opening candidate k.
  std::vector<std::pair<int, double>> entries;
  for (int g = 0; g < groups; ++g) {
    const auto& [join_month, skill, city] = group_key[g];
    const double months_seated = static_cast<double>(months.size()) - join_month;
    for (int k = 0; k < n_sites; ++k) {
      // A seat outside the city the hire's roles prefer costs what an engineer from elsewhere
      // costs in the assignment, for every month seated.
      const bool elsewhere = !city.empty() && center.sites[k].city != city;
      entries = {{g, 1.0}, {groups + k, 1.0}};
      if (const auto it = talent_row.find({k, skill}); it != talent_row.end()) {
        entries.emplace_back(it->second, 1.0);
      }
      b.add_column((center.sites[k].cost_per_seat_month +
                    (elsewhere ? options.other_city_per_fte_month : 0.0)) *
                       months_seated,
                   0.0, 1e9, entries);
    }
    b.add_column(kNoSeatCost, 0.0, 1e9, std::vector<std::pair<int, double>>{{g, 1.0}});
  }
  std::vector<int> open_column(n_sites, -1);
  for (int k = 0; k < n_sites; ++k) {
    if (center.sites[k].open) continue;
    open_column[k] = b.add_column(center.sites[k].opening_cost, 0.0, 1.0,
                                  std::vector<std::pair<int, double>>{
                                      {groups + k, -static_cast<double>(center.sites[k].seats)}});
  }
  lp::MipRun run;
  for (int c = 0; c < static_cast<int>(b.cost.size()); ++c) run.integers.push_back(c);
  run.seconds = seconds;
  const auto answer = lp::solve_mip(b.view(), run);
  result.site_status = answer.status == lp::SolveStatus::optimal ? lp::SolveStatus::optimal
                                                                 : lp::SolveStatus::feasible;
  const auto& x = answer.values;
  double site_cost = 0;
  for (int g = 0; g < groups; ++g) {
    auto& hires = by_month[group_key[g]];
    size_t next = 0;
    for (int k = 0; k < n_sites; ++k) {
      const int col = g * (n_sites + 1) + k;
      const auto n = static_cast<int>(std::lround(x[col]));
      // Seats only: the out-of-city weight steers the choice but is no money spent on seats.
      site_cost += n * center.sites[k].cost_per_seat_month *
                   (static_cast<double>(months.size()) - std::get<0>(group_key[g]));
      for (int i = 0; i < n && next < hires.size(); ++i) result.hires[hires[next++]].site = k;
      result.sites[k].seats_used_by_hires += n;
      result.sites[k].free_seats_after -= n;
    }
    result.seats_short += static_cast<int>(std::lround(x[g * (n_sites + 1) + n_sites]));
  }
  for (int k = 0; k < n_sites; ++k) {
    if (open_column[k] < 0 || std::lround(x[open_column[k]]) == 0) continue;
    result.sites[k].open = result.sites[k].opened = true;
    result.sites[k].free_seats_after += center.sites[k].seats;
    site_cost += center.sites[k].opening_cost;
  }
  result.site_cost = site_cost;
}

}  // namespace rcc::staffing
