#include "staffing/candidates.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "model/dates.h"
#include "model/errors.h"

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

// One per head of each role, over the role's months inside the plan.
std::vector<Slot> slots_of(const model::Center& center, const std::vector<Date>& months) {
  const int n_months = static_cast<int>(months.size());
  std::vector<Slot> slots;
  for (int p = 0; p < static_cast<int>(center.projects.size()); ++p) {
    const auto& project = center.projects[p];
    for (int r = 0; r < static_cast<int>(project.roles.size()); ++r) {
      const auto& role = project.roles[r];
      Slot base{p, r, 0, -1, -1, std::vector<double>(n_months, 0.0)};
      for (int m = 0; m < n_months; ++m) {
        const int days = overlap_days(months[m], role.start, role.end);
        if (days == 0) continue;
        base.load[m] = role.fte * days / days_in(months[m]);
        if (base.first_month < 0) base.first_month = m;
        base.last_month = m;
      }
      if (base.first_month < 0) continue;  // outside the plan
      for (int h = 0; h < role.headcount; ++h) {
        base.head = h;
        slots.push_back(base);
      }
    }
  }
  return slots;
}

Date months_after(Date month, int k) {
  for (int i = 0; i < k; ++i) month = model::next_month(month);
  return month;
}

// Every way to serve the heads of group `g`, in model.columns. Engineers are indexed by skill so
// that a role only looks at those who hold its skill (or an adjacent one).
void add_candidates(Candidates& model, const PoolIndex& pool, int g) {
  const auto& center = model.center;
  const auto& options = model.options;
  const auto& slot = model.slot_of(g);
  const int heads = model.groups[g].heads;
  const auto& role = center.projects[slot.project].roles[slot.role];
  const auto& free = model.free;
  auto& columns = model.columns;
  double fte_months = 0;
  for (double l : slot.load) fte_months += l;
  const Date start = model.months[slot.first_month];
  const Date plan_month = model.months.front();
  const Date trained_up = months_after(plan_month, options.level_up_training_months);
  const Date retrained = months_after(plan_month, options.retraining_months);
  const Date certified = months_after(plan_month, options.certification_months);
  // An engineer outside the role's preferred city costs more for every FTE-month.
  const auto elsewhere = [&](model::EngineerIdx e) {
    if (role.city.empty() || center.sites[center.engineers[e].site].city == role.city) return 0.0;
    return options.other_city_per_fte_month * fte_months;
  };
  // The role's certificate, when it names one: held and valid to the end of the slot; held at
  // its start and renewed before it lapses (no delay); or taken first, when there is time.
  const Date first_day = std::max(role.start, start);
  const Date last_day = std::min(role.end, center.plan_end);
  const auto add_engineer = [&](model::EngineerIdx e, int most, SlotSource source, double cost,
                                Date ready) {
    bool certifies = false;
    if (!role.certificate.empty()) {
      const auto valid_to = certificate_valid_to(center.engineers[e], role.certificate);
      if (!valid_to || *valid_to < first_day) {
        if (slot.first_month < options.certification_months) return;  // no time to certify
        ready = std::max(ready, certified);
        certifies = true;
      } else if (*valid_to < last_day) {
        certifies = true;
      }
      if (certifies) cost += options.certification_cost;
    }
    columns.push_back({g, source, e, cost, ready, certifies, most});
  };
  const auto first = columns.size();
  for (auto e : pool.holders(role.skill)) {
    const int level = pool.level(e, role.skill);
    if (level < role.min_level - 1 || !pool.speaks(e, role.language)) continue;
    const int most = heads_fitting(slot, free[e], heads);
    if (most == 0) continue;
    if (level >= role.min_level) {
      add_engineer(
          e, most, SlotSource::engineer,
          options.overqualified_per_level_fte_month * (level - role.min_level) * fte_months +
              elsewhere(e),
          start);
    } else if (slot.first_month >= options.level_up_training_months) {
      add_engineer(e, most, SlotSource::upskill, options.level_up_training_cost + elsewhere(e),
                   trained_up);
    }
  }
  if (slot.first_month >= options.retraining_months) {
    std::vector<model::EngineerIdx> retrain;
    for (auto a : center.skills[role.skill].adjacent) {
      for (auto e : pool.holders(a)) {
        if (pool.level(e, a) >= role.min_level && pool.level(e, role.skill) == 0 &&
            pool.speaks(e, role.language) && heads_fitting(slot, free[e], 1) > 0) {
          retrain.push_back(e);
        }
      }
    }
    std::sort(retrain.begin(), retrain.end());
    retrain.erase(std::unique(retrain.begin(), retrain.end()), retrain.end());
    for (auto e : retrain) {
      add_engineer(e, heads_fitting(slot, free[e], heads), SlotSource::retrain,
                   options.retraining_cost + elsewhere(e), retrained);
    }
  }
  if (slot.first_month >= options.hiring_lead_months) {
    columns.push_back({g, SlotSource::hire, -1, options.hire_cost, start, false, heads});
  }
  columns.push_back({g, SlotSource::unfilled, -1, options.unfilled_per_fte_month * fte_months,
                     start, false, heads});
  std::vector<std::pair<double, int>> by_cost;
  for (auto c = first; c < columns.size(); ++c) by_cost.emplace_back(columns[c].cost, c);
  std::sort(by_cost.begin(), by_cost.end());  // by cost, then by candidate: deterministic
  model.by_group[g].reserve(by_cost.size());
  for (const auto& [cost, c] : by_cost) model.by_group[g].push_back(c);
  model.per_head += static_cast<long>(by_cost.size()) * heads;
}

}  // namespace

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

int heads_fitting(const Slot& slot, const std::vector<double>& capacity, int heads) {
  int most = heads;
  for (int m = slot.first_month; m <= slot.last_month && most > 0; ++m) {
    if (slot.load[m] <= 0) continue;
    most = std::min(most, static_cast<int>(std::floor((capacity[m] + 1e-9) / slot.load[m])));
  }
  return std::max(most, 0);
}

void reserve(const Slot& slot, std::vector<double>& capacity, double count) {
  for (int m = slot.first_month; m <= slot.last_month; ++m) capacity[m] -= slot.load[m] * count;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Candidates build_candidates(const model::Center& center, const StaffingOptions& options,
                            const PoolIndex& pool) {
  Candidates model{center, options};
  model.months = plan_months(center);
  if (model.months.empty()) throw model::BadInput("the plan period is empty");
  model.n_months = static_cast<int>(model.months.size());
  model.n_engineers = static_cast<int>(center.engineers.size());
  const int n_months = model.n_months, n_engineers = model.n_engineers;
  if (!options.committed.empty() &&
      (static_cast<int>(options.committed.size()) != n_engineers ||
       std::any_of(options.committed.begin(), options.committed.end(),
                   [&](const auto& row) { return static_cast<int>(row.size()) != n_months; }))) {
    throw std::invalid_argument("committed FTE must be given per engineer and plan month");
  }
  model.slots = slots_of(center, model.months);
  model.free.assign(n_engineers, std::vector<double>(n_months, 0.0));
  for (int e = 0; e < n_engineers; ++e) {
    for (int m = 0; m < n_months; ++m) {
      model.free[e][m] = engineer_availability(center, center.engineers[e], model.months[m]) -
                         (options.committed.empty() ? 0.0 : options.committed[e][m]);
    }
  }
  model.group_of.resize(model.slots.size());
  for (int s = 0; s < model.n_slots(); ++s) {
    if (s == 0 || model.slots[s].head == 0) model.groups.push_back({s, 0});
    ++model.groups.back().heads;
    model.group_of[s] = model.n_groups() - 1;
  }
  model.by_group.resize(model.groups.size());
  for (int g = 0; g < model.n_groups(); ++g) add_candidates(model, pool, g);
  model.candidates_of.resize(n_engineers);
  for (int c = 0; c < static_cast<int>(model.columns.size()); ++c) {
    if (model.columns[c].engineer >= 0) model.candidates_of[model.columns[c].engineer].push_back(c);
  }
  return model;
}

double Candidates::fillable(model::EngineerIdx e, int month, double capacity) const {
  std::vector<double> loads;
  for (int c : candidates_of[e]) {
    const double load = slot_of(columns[c].group).load[month];
    if (load > 1e-9 && load <= capacity + 1e-9) loads.push_back(load);
  }
  std::sort(loads.begin(), loads.end());
  loads.erase(
      std::unique(loads.begin(), loads.end(), [](double a, double b) { return b - a < 1e-9; }),
      loads.end());
  // Sums of loads up to the capacity (each load any number of times: a superset of what the
  // candidates can fill, so the rounding stays valid); too many sums: keep the capacity.
  constexpr size_t kMostSums = 512;
  std::vector<double> sums{0.0};
  double most = 0;
  for (size_t i = 0; i < sums.size(); ++i) {
    for (double load : loads) {
      const double sum = sums[i] + load;
      if (sum > capacity + 1e-9) break;
      if (std::none_of(sums.begin(), sums.end(),
                       [&](double x) { return std::abs(x - sum) < 1e-9; })) {
        if (sums.size() == kMostSums) return capacity;
        sums.push_back(sum);
        most = std::max(most, sum);
      }
    }
  }
  return std::min(most, capacity);
}

// A binary per head and candidate, a row per head, and a row with the plain capacity for every
// engineer-month that all their candidate heads together could overfill.
StaffingMip full_model(const Candidates& model, bool per_candidate) {
  const int n_months = model.n_months;
  const auto& groups = model.groups;
  std::vector<double> potential(static_cast<size_t>(model.n_engineers) * n_months, 0.0);
  for (const auto& c : model.columns) {
    if (c.engineer < 0) continue;
    const auto& slot = model.slot_of(c.group);
    for (int m = slot.first_month; m <= slot.last_month; ++m) {
      potential[model.em(c.engineer, m)] += slot.load[m] * groups[c.group].heads;
    }
  }
  StaffingMip m;
  m.starts.push_back(0);
  for (int g = 0; g < model.n_groups(); ++g) {
    const int rows = per_candidate ? 1 : groups[g].heads;
    const double served = per_candidate ? groups[g].heads : 1.0;
    m.row_lower.insert(m.row_lower.end(), rows, served);
    m.row_upper.insert(m.row_upper.end(), rows, served);
  }
  std::map<std::pair<model::EngineerIdx, int>, int> month_row;
  for (int g = 0; g < model.n_groups(); ++g) {
    const auto& slot = model.slot_of(g);
    for (int c : model.by_group[g]) {
      const auto& col = model.columns[c];
      for (int h = 0; h < (per_candidate ? 1 : groups[g].heads); ++h) {
        m.rows.push_back(per_candidate ? g : groups[g].first + h);
        m.values.push_back(1.0);
        for (int month = slot.first_month; month <= slot.last_month && col.engineer >= 0; ++month) {
          const double free_here = model.free[col.engineer][month];
          if (slot.load[month] == 0 ||
              potential[model.em(col.engineer, month)] <= free_here + 1e-9) {
            continue;
          }
          auto [it, added] = month_row.emplace(std::pair{col.engineer, month}, -1);
          if (added) {
            it->second = static_cast<int>(m.row_lower.size());
            m.row_lower.push_back(-1e30);
            m.row_upper.push_back(std::max(0.0, free_here));
          }
          m.rows.push_back(it->second);
          m.values.push_back(slot.load[month]);
        }
        m.starts.push_back(static_cast<long>(m.rows.size()));
        m.cost.push_back(col.cost);
        m.column_upper.push_back(per_candidate ? col.most : 1.0);
      }
    }
  }
  return m;
}

}  // namespace rcc::staffing
