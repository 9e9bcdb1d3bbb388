#include "staffing/staffing_plan.h"

#include <coin/Cbc_C_Interface.h>
#include <coin/Clp_C_Interface.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>

#include "model/dates.h"
#include "model/enum_names.h"

namespace rcc::staffing {
namespace {

using model::Date;

int days_in(Date month) {
  return static_cast<int>((model::next_month(month) - month).count());
}

// Days of [first, last] inside the month starting at `month`.
int overlap_days(Date month, Date first, Date last) {
  const Date begin = std::max(month, first);
  const Date end = std::min(model::next_month(month) - std::chrono::days{1}, last);
  return end < begin ? 0 : static_cast<int>((end - begin).count()) + 1;
}

struct Column {
  int slot;
  SlotSource source;
  model::EngineerIdx engineer;  // -1 for hire and unfilled
  double cost;
  Date ready;
};

using CbcPtr = std::unique_ptr<Cbc_Model, decltype(&Cbc_deleteModel)>;

std::string describe_month_range(const std::vector<Date>& months, const Slot& s) {
  return model::format_date(months[s.first_month]).substr(0, 7) + ".." +
         model::format_date(months[s.last_month]).substr(0, 7);
}

}  // namespace

constexpr model::NameTable<SlotSource, 5> kSourceNames{{
    {SlotSource::engineer, "engineer"},
    {SlotSource::upskill, "upskill"},
    {SlotSource::retrain, "retrain"},
    {SlotSource::hire, "hire"},
    {SlotSource::unfilled, "unfilled"},
}};
constexpr model::NameTable<SolveStatus, 3> kStatusNames{{
    {SolveStatus::optimal, "optimal"},
    {SolveStatus::time_limit, "time_limit"},
    {SolveStatus::infeasible, "infeasible"},
}};

std::string_view source_name(SlotSource source) {
  return model::name_of(kSourceNames, source);
}

std::string_view status_name(SolveStatus status) {
  return model::name_of(kStatusNames, status);
}

std::vector<Date> plan_months(const model::Center& center) {
  std::vector<Date> months;
  for (Date m = model::month_start(center.plan_start); m <= center.plan_end;
       m = model::next_month(m)) {
    months.push_back(m);
  }
  return months;
}

double engineer_availability(const model::Center& center, const model::Engineer& e, Date month) {
  const int days = days_in(month);
  int on_leave = 0;
  for (const auto& l : e.leave) on_leave += overlap_days(month, l.first, l.last);
  on_leave = std::min(on_leave, days);
  return center.contracts[e.contract].fte * static_cast<double>(days - on_leave) / days;
}

namespace {

// Capacitated facility location for the hires: which candidate sites to open and where each
// hire sits, at the least seat and opening cost, within each site's seats and local talent supply
// per skill; hires beyond every seat are counted short.
void choose_sites(const model::Center& center, const StaffingOptions& options,
                  const std::vector<Date>& months, StaffingResult& result) {
  const auto n_sites = static_cast<int>(center.sites.size());
  std::vector<int> free(n_sites, 0);
  for (int k = 0; k < n_sites; ++k) free[k] = center.sites[k].seats;
  for (const auto& e : center.engineers) --free[e.site];
  // Hires grouped by the month they join (a seat is taken from then to the end of the plan) and
  // their skill (local talent supply is per skill).
  std::map<std::pair<int, model::SkillIdx>, std::vector<int>> by_month;
  for (int h = 0; h < static_cast<int>(result.hires.size()); ++h) {
    const auto m =
        std::lower_bound(months.begin(), months.end(), result.hires[h].joins) - months.begin();
    by_month[{static_cast<int>(m), result.hires[h].skill}].push_back(h);
  }
  // Columns: z[g][k] integer hires of group g at site k; y[k] opening of candidate k; short[g].
  std::vector<double> cost, lower, upper, values, row_lower, row_upper;
  std::vector<CoinBigIndex> starts = {0};
  std::vector<int> rows;
  std::vector<bool> integer;
  const int groups = static_cast<int>(by_month.size());
  // Rows: one per group (demand), one per site (seats), one per listed (site, skill) supply.
  const int capacity_row0 = groups;
  std::vector<std::pair<int, model::SkillIdx>> group_key;
  for (const auto& [key, hires] : by_month) group_key.push_back(key);
  std::map<std::pair<int, model::SkillIdx>, int> talent_row;  // (site, skill) -> row
  std::vector<double> talent_limit;
  for (int k = 0; k < n_sites; ++k) {
    for (const auto& t : center.sites[k].talent) {
      talent_row[{k, t.skill}] = capacity_row0 + n_sites + static_cast<int>(talent_limit.size());
      talent_limit.push_back(t.hires);
    }
  }
  for (int g = 0; g < groups; ++g) {
    const double months_seated = static_cast<double>(months.size()) - group_key[g].first;
    for (int k = 0; k < n_sites; ++k) {
      cost.push_back(center.sites[k].cost_per_seat_month * months_seated);
      lower.push_back(0);
      upper.push_back(1e9);
      rows.insert(rows.end(), {g, capacity_row0 + k});
      values.insert(values.end(), {1.0, 1.0});
      if (const auto it = talent_row.find({k, group_key[g].second}); it != talent_row.end()) {
        rows.push_back(it->second);
        values.push_back(1.0);
      }
      starts.push_back(static_cast<CoinBigIndex>(rows.size()));
      integer.push_back(true);
    }
    // A hire with no seat costs far more than any seat: the plan reports the shortage.
    cost.push_back(1e7);
    lower.push_back(0);
    upper.push_back(1e9);
    rows.push_back(g);
    values.push_back(1.0);
    starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    integer.push_back(true);
  }
  std::vector<int> open_column(n_sites, -1);
  for (int k = 0; k < n_sites; ++k) {
    if (center.sites[k].open) continue;
    open_column[k] = static_cast<int>(cost.size());
    cost.push_back(center.sites[k].opening_cost);
    lower.push_back(0);
    upper.push_back(1);
    rows.push_back(capacity_row0 + k);
    values.push_back(-static_cast<double>(center.sites[k].seats));
    starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    integer.push_back(true);
  }
  for (int g = 0; g < groups; ++g) {
    const auto n = static_cast<double>(by_month[group_key[g]].size());
    row_lower.push_back(n);
    row_upper.push_back(n);
  }
  for (int k = 0; k < n_sites; ++k) {
    row_lower.push_back(-1e30);
    row_upper.push_back(center.sites[k].open ? std::max(0, free[k]) : 0.0);
  }
  for (double limit : talent_limit) {
    row_lower.push_back(-1e30);
    row_upper.push_back(limit);
  }
  for (int k = 0; k < n_sites; ++k) {
    result.sites.push_back({k, center.sites[k].open, false, 0, std::max(0, free[k])});
  }
  if (groups == 0) return;
  CbcPtr model(Cbc_newModel(), &Cbc_deleteModel);
  Cbc_loadProblem(model.get(), static_cast<int>(cost.size()), static_cast<int>(row_lower.size()),
                  starts.data(), rows.data(), values.data(), lower.data(), upper.data(),
                  cost.data(), row_lower.data(), row_upper.data());
  for (int c = 0; c < static_cast<int>(cost.size()); ++c) Cbc_setInteger(model.get(), c);
  Cbc_setObjSense(model.get(), 1);
  Cbc_setLogLevel(model.get(), 0);
  Cbc_setMaximumSeconds(model.get(), options.time_limit_seconds);
  Cbc_setParameter(model.get(), "threads", "1");
  Cbc_solve(model.get());
  result.site_status =
      Cbc_isProvenOptimal(model.get()) ? SolveStatus::optimal : SolveStatus::time_limit;
  const double* x = Cbc_getColSolution(model.get());
  double site_cost = 0;
  for (int g = 0; g < groups; ++g) {
    auto& hires = by_month[group_key[g]];
    size_t next = 0;
    for (int k = 0; k < n_sites; ++k) {
      const int col = g * (n_sites + 1) + k;
      const auto n = static_cast<int>(std::lround(x[col]));
      site_cost += n * cost[col];
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

// Why nobody from the pool took slot `s`: the first filter that leaves nobody.
std::string why_unstaffed(const model::Center& center, const std::vector<std::vector<double>>& free,
                          const std::vector<Date>& months, const Slot& s) {
  const auto& role = center.projects[s.project].roles[s.role];
  const auto& skill = center.skills[role.skill].id;
  int with_skill = 0, qualified = 0, speaking = 0, available = 0;
  for (int e = 0; e < static_cast<int>(center.engineers.size()); ++e) {
    const auto& eng = center.engineers[e];
    const int level = eng.level(role.skill);
    if (level == 0) continue;
    ++with_skill;
    if (level < role.min_level - 1) continue;
    ++qualified;
    if (!role.language.empty() && !eng.speaks(role.language)) continue;
    ++speaking;
    bool fits = true;
    for (int m = s.first_month; m <= s.last_month && fits; ++m) {
      fits = s.load[m] <= free[e][m] + 1e-9;
    }
    if (fits) ++available;
  }
  if (with_skill == 0) return "no engineer has " + skill;
  if (qualified == 0) {
    return "no engineer has " + skill + " at level " + std::to_string(role.min_level - 1) +
           " or above (" + std::to_string(with_skill) + " have it lower)";
  }
  if (speaking == 0) {
    return std::to_string(qualified) + " engineers qualify in " + skill + " but none speaks " +
           role.language;
  }
  if (available == 0) {
    return "all " + std::to_string(speaking) + " qualified engineers are busy or on leave in " +
           describe_month_range(months, s);
  }
  return std::to_string(available) +
         " qualified engineers were free but cheaper to use elsewhere, or training would not "
         "finish in time";
}

}  // namespace

StaffingResult plan_staffing(const model::Center& center, const StaffingOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  StaffingResult result;
  result.months = plan_months(center);
  if (result.months.empty()) throw std::invalid_argument("the plan period is empty");
  const int n_months = static_cast<int>(result.months.size());
  const int n_engineers = static_cast<int>(center.engineers.size());
  if (!options.committed.empty() &&
      (static_cast<int>(options.committed.size()) != n_engineers ||
       std::any_of(options.committed.begin(), options.committed.end(),
                   [&](const auto& row) { return static_cast<int>(row.size()) != n_months; }))) {
    throw std::invalid_argument("committed FTE must be given per engineer and plan month");
  }

  // Slots: one per head of each role, over the role's months inside the plan.
  for (int p = 0; p < static_cast<int>(center.projects.size()); ++p) {
    const auto& project = center.projects[p];
    for (int r = 0; r < static_cast<int>(project.roles.size()); ++r) {
      const auto& role = project.roles[r];
      Slot base{p, r, 0, -1, -1, std::vector<double>(n_months, 0.0)};
      for (int m = 0; m < n_months; ++m) {
        const int days = overlap_days(result.months[m], role.start, role.end);
        if (days == 0) continue;
        base.load[m] = role.fte * days / days_in(result.months[m]);
        if (base.first_month < 0) base.first_month = m;
        base.last_month = m;
      }
      if (base.first_month < 0) continue;  // outside the plan
      for (int h = 0; h < role.headcount; ++h) {
        base.head = h;
        result.slots.push_back(base);
      }
    }
  }

  // Free FTE per engineer and month.
  std::vector<std::vector<double>> free(n_engineers, std::vector<double>(n_months, 0.0));
  for (int e = 0; e < n_engineers; ++e) {
    for (int m = 0; m < n_months; ++m) {
      free[e][m] = engineer_availability(center, center.engineers[e], result.months[m]) -
                   (options.committed.empty() ? 0.0 : options.committed[e][m]);
    }
  }

  // Columns: every way to serve each slot. Engineers are indexed by skill so that a slot only
  // looks at those who hold its skill (or an adjacent one).
  const Date plan_month = result.months.front();
  const auto after_months = [&](int k) {
    Date d = plan_month;
    for (int i = 0; i < k; ++i) d = model::next_month(d);
    return d;
  };
  std::vector<std::vector<model::EngineerIdx>> holders(center.skills.size());
  for (int e = 0; e < n_engineers; ++e) {
    for (const auto& sl : center.engineers[e].skills) holders[sl.skill].push_back(e);
  }
  std::vector<Column> columns;
  std::vector<std::vector<int>> by_slot(result.slots.size());
  for (int s = 0; s < static_cast<int>(result.slots.size()); ++s) {
    const auto& slot = result.slots[s];
    const auto& role = center.projects[slot.project].roles[slot.role];
    double fte_months = 0;
    for (double l : slot.load) fte_months += l;
    const Date start = result.months[slot.first_month];
    const auto fits = [&](model::EngineerIdx e) {
      for (int m = slot.first_month; m <= slot.last_month; ++m) {
        if (slot.load[m] > free[e][m] + 1e-9) return false;
      }
      return true;
    };
    // An engineer outside the role's preferred city costs more for every FTE-month.
    const auto elsewhere = [&](model::EngineerIdx e) {
      if (role.city.empty() || center.sites[center.engineers[e].site].city == role.city) return 0.0;
      return options.other_city_per_fte_month * fte_months;
    };
    const auto speaks = [&](const model::Engineer& eng) {
      return role.language.empty() || eng.speaks(role.language);
    };
    const auto first = columns.size();
    for (auto e : holders[role.skill]) {
      const auto& eng = center.engineers[e];
      const int level = eng.level(role.skill);
      if (!speaks(eng) || !fits(e)) continue;
      if (level >= role.min_level) {
        columns.push_back(
            {s, SlotSource::engineer, e,
             options.overqualified_per_level_fte_month * (level - role.min_level) * fte_months +
                 elsewhere(e),
             start});
      } else if (level == role.min_level - 1 &&
                 slot.first_month >= options.level_up_training_months) {
        columns.push_back({s, SlotSource::upskill, e, options.level_up_training_cost + elsewhere(e),
                           after_months(options.level_up_training_months)});
      }
    }
    if (slot.first_month >= options.retraining_months) {
      std::vector<model::EngineerIdx> retrain;
      for (auto a : center.skills[role.skill].adjacent) {
        for (auto e : holders[a]) {
          const auto& eng = center.engineers[e];
          if (eng.level(a) >= role.min_level && eng.level(role.skill) == 0 && speaks(eng) &&
              fits(e)) {
            retrain.push_back(e);
          }
        }
      }
      std::sort(retrain.begin(), retrain.end());
      retrain.erase(std::unique(retrain.begin(), retrain.end()), retrain.end());
      for (auto e : retrain) {
        columns.push_back({s, SlotSource::retrain, e, options.retraining_cost + elsewhere(e),
                           after_months(options.retraining_months)});
      }
    }
    if (slot.first_month >= options.hiring_lead_months) {
      columns.push_back({s, SlotSource::hire, -1, options.hire_cost, start});
    }
    columns.push_back(
        {s, SlotSource::unfilled, -1, options.unfilled_per_fte_month * fte_months, start});
    for (auto c = first; c < columns.size(); ++c) by_slot[s].push_back(static_cast<int>(c));
    std::stable_sort(by_slot[s].begin(), by_slot[s].end(),
                     [&](int x, int y) { return columns[x].cost < columns[y].cost; });
  }
  const int n_slots = static_cast<int>(result.slots.size());
  result.candidates = static_cast<long>(columns.size());
  const auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  result.seconds_candidates = since(started);
  const auto lp_started = std::chrono::steady_clock::now();

  // An engineer's month needs a row only where all their candidate slots together could exceed
  // what they have free; elsewhere it can never bind.
  std::vector<std::vector<double>> potential(n_engineers, std::vector<double>(n_months, 0.0));
  for (const auto& c : columns) {
    if (c.engineer < 0) continue;
    const auto& slot = result.slots[c.slot];
    for (int m = slot.first_month; m <= slot.last_month; ++m) {
      potential[c.engineer][m] += slot.load[m];
    }
  }
  const auto binds = [&](model::EngineerIdx e, int m) {
    return potential[e][m] > free[e][m] + 1e-9;
  };

  // Column generation with reduced-cost fixing, which keeps the answer exact for the full set of
  // candidates: (1) start from the cheapest few candidates of each slot; (2) solve the LP and add
  // every column whose reduced cost is negative until none is, so the LP bound holds for all
  // candidates; (3) solve the MIP on the columns in hand; (4) a column whose reduced cost exceeds
  // the gap between that MIP and the LP bound cannot improve on it, so adding the remaining columns
  // of smaller reduced cost and solving again proves the optimum over every candidate.
  constexpr int kFirstCandidates = 8;
  std::vector<char> in(columns.size(), 0);
  std::vector<int> active;
  for (int s = 0; s < n_slots; ++s) {
    int taken = 0;
    for (int c : by_slot[s]) {
      const bool always = columns[c].engineer < 0;
      if (always || taken < kFirstCandidates) {
        in[c] = 1;
        active.push_back(c);
        if (!always) ++taken;
      }
    }
  }
  struct Built {
    std::vector<CoinBigIndex> starts{0};
    std::vector<int> rows;
    std::vector<double> values, cost, row_lower, row_upper;
    std::map<std::pair<int, int>, int> row_of;  // (engineer, month) -> row
  };
  const auto build = [&](const std::vector<int>& set) {
    Built b;
    b.row_lower.assign(n_slots, 1.0);
    b.row_upper.assign(n_slots, 1.0);
    for (int c : set) {
      const auto& col = columns[c];
      b.rows.push_back(col.slot);
      b.values.push_back(1.0);
      if (col.engineer >= 0) {
        const auto& slot = result.slots[col.slot];
        for (int m = slot.first_month; m <= slot.last_month; ++m) {
          if (slot.load[m] == 0 || !binds(col.engineer, m)) continue;
          auto [it, added] =
              b.row_of.emplace(std::pair{col.engineer, m}, static_cast<int>(b.row_lower.size()));
          if (added) {
            b.row_lower.push_back(-1e30);
            b.row_upper.push_back(std::max(0.0, free[col.engineer][m]));
          }
          b.rows.push_back(it->second);
          b.values.push_back(slot.load[m]);
        }
      }
      b.starts.push_back(static_cast<CoinBigIndex>(b.rows.size()));
      b.cost.push_back(col.cost);
    }
    return b;
  };
  const auto reduced_cost = [&](int c, const Built& b, const double* duals) {
    const auto& col = columns[c];
    double rc = col.cost - duals[col.slot];
    if (col.engineer >= 0) {
      const auto& slot = result.slots[col.slot];
      for (int m = slot.first_month; m <= slot.last_month; ++m) {
        const auto it = b.row_of.find({col.engineer, m});
        if (it != b.row_of.end()) rc -= slot.load[m] * duals[it->second];
        // A month without a row in this LP is slack there: its dual is zero.
      }
    }
    return rc;
  };
  if (options.on_full_model) {
    std::vector<int> all(columns.size());
    for (size_t c = 0; c < all.size(); ++c) all[c] = static_cast<int>(c);
    const auto b = build(all);
    options.on_full_model({std::vector<long>(b.starts.begin(), b.starts.end()), b.rows, b.values,
                           b.cost, b.row_lower, b.row_upper});
  }
  double lp_bound = 0;
  bool lp_integral = false;
  std::vector<double> lp_solution;
  std::vector<double> lp_value;  // the final LP's value of every candidate (0 if absent)
  std::vector<double> reduced(columns.size(), 0.0);
  for (;;) {
    const auto b = build(active);
    const std::vector<double> lower(active.size(), 0.0), upper(active.size(), 1.0);
    const std::unique_ptr<Clp_Simplex, decltype(&Clp_deleteModel)> lp(Clp_newModel(),
                                                                      &Clp_deleteModel);
    Clp_loadProblem(lp.get(), static_cast<int>(active.size()), static_cast<int>(b.row_lower.size()),
                    b.starts.data(), b.rows.data(), b.values.data(), lower.data(), upper.data(),
                    b.cost.data(), b.row_lower.data(), b.row_upper.data());
    Clp_setLogLevel(lp.get(), 0);
    Clp_dual(lp.get(), 0);
    lp_bound = Clp_objectiveValue(lp.get());
    const double* duals = Clp_dualRowSolution(lp.get());
    int added = 0;
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
      // A new row (an engineer-month the LP did not have) would start slack: dual zero.
      reduced[c] = reduced_cost(c, b, duals);
      if (!in[c] && reduced[c] < -1e-7) {
        in[c] = 1;
        active.push_back(c);
        ++added;
      }
    }
    ++result.lp_rounds;
    if (added == 0) {
      const double* primal = Clp_getColSolution(lp.get());
      lp_value.assign(columns.size(), 0.0);
      for (size_t i = 0; i < active.size(); ++i) lp_value[active[i]] = primal[i];
      // An integral LP optimum over all candidates is the MIP optimum: no branching needed.
      lp_integral = std::all_of(primal, primal + active.size(),
                                [](double v) { return std::abs(v - std::round(v)) < 1e-7; });
      if (lp_integral) {
        lp_solution.assign(columns.size(), 0.0);
        for (size_t i = 0; i < active.size(); ++i) lp_solution[active[i]] = std::round(primal[i]);
      }
      break;
    }
  }
  result.seconds_lp = since(lp_started);
  const auto mip_started = std::chrono::steady_clock::now();
  // The best plan found so far over all candidates (absent columns are zero), and whether the
  // last MIP proved it optimal for every candidate.
  std::vector<double> picked(columns.size(), 0.0);
  double incumbent = std::numeric_limits<double>::infinity();
  bool proven = false;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(options.time_limit_seconds);
  if (lp_integral) {
    picked = lp_solution;
    incumbent = lp_bound;
    proven = true;
  } else {
    // Round the LP: slots in order of their strongest LP value take the candidate with the most
    // LP weight that still fits, else the cheapest that fits; a hire or nobody otherwise. When
    // that plan costs no more than the LP bound it is optimal, and otherwise it starts CBC.
    std::vector<std::vector<double>> left = free;
    std::vector<int> order(n_slots);
    std::vector<double> strongest(n_slots, 0.0);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
      strongest[columns[c].slot] = std::max(strongest[columns[c].slot], lp_value[c]);
    }
    for (int i = 0; i < n_slots; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return strongest[a] > strongest[b]; });
    std::vector<double> rounded(columns.size(), 0.0);
    double cost_sum = 0;
    for (int s : order) {
      const auto& slot = result.slots[s];
      std::vector<int> by_weight = by_slot[s];
      std::stable_sort(by_weight.begin(), by_weight.end(),
                       [&](int a, int b) { return lp_value[a] > lp_value[b]; });
      for (int c : by_weight) {
        if (!in[c]) continue;  // only columns CBC will have, so the plan can start it
        const auto e = columns[c].engineer;
        bool fits = true;
        for (int m = slot.first_month; m <= slot.last_month && fits && e >= 0; ++m) {
          fits = slot.load[m] <= left[e][m] + 1e-9;
        }
        if (!fits) continue;
        if (e >= 0) {
          for (int m = slot.first_month; m <= slot.last_month; ++m) left[e][m] -= slot.load[m];
        }
        rounded[c] = 1.0;
        cost_sum += columns[c].cost;
        break;
      }
    }
    picked = rounded;
    incumbent = cost_sum;
    if (incumbent <= lp_bound + 1e-6 * std::max(1.0, std::abs(lp_bound))) proven = true;
  }
  for (int round = 0; round < 2 && !proven; ++round) {
    const double left =
        std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
    if (round > 0 && left <= 0) break;
    const auto b = build(active);
    const std::vector<double> lower(active.size(), 0.0), upper(active.size(), 1.0);
    const CbcPtr model(Cbc_newModel(), &Cbc_deleteModel);
    Cbc_loadProblem(model.get(), static_cast<int>(active.size()),
                    static_cast<int>(b.row_lower.size()), b.starts.data(), b.rows.data(),
                    b.values.data(), lower.data(), upper.data(), b.cost.data(), b.row_lower.data(),
                    b.row_upper.data());
    for (int c = 0; c < static_cast<int>(active.size()); ++c) Cbc_setInteger(model.get(), c);
    Cbc_setObjSense(model.get(), 1);
    Cbc_setLogLevel(model.get(), 0);
    Cbc_setMaximumSeconds(model.get(), std::max(left, 0.1));
    {
      // The best plan so far as CBC's first incumbent (its columns are all in the model: the
      // rounding and earlier rounds only used active columns or columns added since).
      std::vector<int> index;
      std::vector<double> value;
      for (int i = 0; i < static_cast<int>(active.size()); ++i) {
        index.push_back(i);
        value.push_back(picked[active[i]]);
      }
      Cbc_setMIPStartI(model.get(), static_cast<int>(index.size()), index.data(), value.data());
    }
    Cbc_setParameter(model.get(), "threads", "1");
    Cbc_solve(model.get());
    result.variables = static_cast<int>(active.size());
    result.constraints = static_cast<int>(b.row_lower.size());
    const double* solution = Cbc_getColSolution(model.get());
    if (solution == nullptr) break;
    if (Cbc_getObjValue(model.get()) < incumbent) {
      incumbent = Cbc_getObjValue(model.get());
      std::fill(picked.begin(), picked.end(), 0.0);
      for (size_t i = 0; i < active.size(); ++i) picked[active[i]] = solution[i];
    }
    if (!Cbc_isProvenOptimal(model.get())) break;
    // Only a column whose reduced cost is below the gap could give a strictly better plan.
    const double gap = incumbent - lp_bound;
    int added = 0;
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
      if (!in[c] && reduced[c] < gap - 1e-6) {
        in[c] = 1;
        active.push_back(c);
        ++added;
      }
    }
    if (added == 0) {
      proven = true;
      break;
    }
  }
  result.seconds_mip = since(mip_started);
  if (!std::isfinite(incumbent)) {
    result.status = SolveStatus::infeasible;  // cannot happen: "unfilled" always serves a slot
    return result;
  }
  result.status = proven ? SolveStatus::optimal : SolveStatus::time_limit;
  result.objective = incumbent;
  result.bound = proven ? incumbent : std::max(lp_bound, 0.0);
  const double* x = picked.data();

  // The chosen column of each slot, and the cheapest alternative, for the explanations.
  result.plans.resize(n_slots);
  std::vector<const Column*> cheapest(n_slots, nullptr);
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    const auto& col = columns[c];
    if (col.engineer >= 0 &&
        (cheapest[col.slot] == nullptr || col.cost < cheapest[col.slot]->cost)) {
      cheapest[col.slot] = &col;
    }
    if (x[c] < 0.5) continue;
    result.plans[col.slot] = {
        col.slot,  col.source, col.engineer >= 0 ? std::optional(col.engineer) : std::nullopt,
        col.ready, col.cost,   ""};
    if (col.engineer >= 0) {
      const auto& slot = result.slots[col.slot];
      for (int m = slot.first_month; m <= slot.last_month; ++m) {
        free[col.engineer][m] -= slot.load[m];
      }
    }
  }
  double filled = 0, demanded = 0;
  for (int s = 0; s < n_slots; ++s) {
    auto& plan = result.plans[s];
    const auto& slot = result.slots[s];
    const auto& role = center.projects[slot.project].roles[slot.role];
    double fte_months = 0;
    for (double l : slot.load) fte_months += l;
    demanded += fte_months;
    if (plan.engineer) {
      filled += fte_months;
      const auto& eng = center.engineers[*plan.engineer];
      plan.why = eng.id + " (" + center.skills[role.skill].id + " level " +
                 std::to_string(eng.level(role.skill)) + ", needs " +
                 std::to_string(role.min_level) + ")";
      if (plan.source == SlotSource::upskill) plan.why += ", trained one level up first";
      if (plan.source == SlotSource::retrain) plan.why += ", retrained from an adjacent skill";
      const auto* best = cheapest[s];
      if (best != nullptr && best->cost + 1e-9 < plan.cost) {
        plan.why +=
            "; cheaper " + center.engineers[best->engineer].id + " was needed on another role";
      } else {
        plan.why += "; the least costly fit for this role";
      }
    } else {
      plan.why = why_unstaffed(center, free, result.months, slot);
    }
  }
  result.fill_rate = demanded > 0 ? filled / demanded : 1.0;

  // Hires: slots of one skill and level share a new engineer when their months fit in 1.0 FTE.
  std::map<std::pair<model::SkillIdx, int>, std::vector<int>> to_hire;
  for (int s = 0; s < n_slots; ++s) {
    if (result.plans[s].source != SlotSource::hire) continue;
    const auto& role = center.projects[result.slots[s].project].roles[result.slots[s].role];
    to_hire[{role.skill, role.min_level}].push_back(s);
  }
  for (auto& [key, slots] : to_hire) {
    std::stable_sort(slots.begin(), slots.end(), [&](int a, int b) {
      return result.slots[a].first_month < result.slots[b].first_month;
    });
    std::vector<std::vector<double>> loads;
    std::vector<int> hire_index;
    for (int s : slots) {
      const auto& slot = result.slots[s];
      int chosen = -1;
      for (int h = 0; h < static_cast<int>(loads.size()) && chosen < 0; ++h) {
        bool fits = true;
        for (int m = slot.first_month; m <= slot.last_month && fits; ++m) {
          fits = loads[h][m] + slot.load[m] <= 1.0 + 1e-9;
        }
        if (fits) chosen = h;
      }
      if (chosen < 0) {
        chosen = static_cast<int>(loads.size());
        loads.emplace_back(n_months, 0.0);
        Hire hire;
        hire.skill = key.first;
        hire.level = key.second;
        hire.joins = result.months[slot.first_month];
        hire.recruit_from = result.months[slot.first_month - options.hiring_lead_months];
        hire_index.push_back(static_cast<int>(result.hires.size()));
        result.hires.push_back(hire);
      }
      for (int m = slot.first_month; m <= slot.last_month; ++m) loads[chosen][m] += slot.load[m];
      result.hires[hire_index[chosen]].slots.push_back(s);
    }
  }
  choose_sites(center, options, result.months, result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace rcc::staffing
