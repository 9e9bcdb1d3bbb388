#include "staffing/explain.h"

#include <map>
#include <tuple>

#include "model/dates.h"

namespace rcc::staffing {
namespace {

using model::Date;

std::string describe_month_range(const std::vector<Date>& months, const Slot& s) {
  return model::format_date(months[s.first_month]).substr(0, 7) + ".." +
         model::format_date(months[s.last_month]).substr(0, 7);
}

// Why nobody from the pool took slot `s`: the first filter that leaves nobody.
std::string why_unstaffed(const model::Center& center, const StaffingOptions& options,
                          const PoolIndex& pool, const std::vector<std::vector<double>>& free,
                          const std::vector<Date>& months, const Slot& s) {
  const auto& role = center.projects[s.project].roles[s.role];
  const auto& skill = center.skills[role.skill].id;
  int with_skill = 0, qualified = 0, speaking = 0, certified = 0, available = 0;
  for (const auto e : pool.holders(role.skill)) {
    const int level = pool.level(e, role.skill);
    if (level == 0) continue;
    ++with_skill;
    if (level < role.min_level - 1) continue;
    ++qualified;
    if (!pool.speaks(e, role.language)) continue;
    ++speaking;
    if (!role.certificate.empty() && s.first_month < options.certification_months) {
      const auto valid_to = certificate_valid_to(center.engineers[e], role.certificate);
      if (!valid_to || *valid_to < std::max(role.start, months[s.first_month])) continue;
    }
    ++certified;
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
  if (certified == 0) {
    return std::to_string(speaking) + " engineers qualify in " + skill + " but none holds " +
           role.certificate + " and there is no time to take it";
  }
  if (available == 0) {
    return "all " + std::to_string(speaking) + " qualified engineers are busy or on leave in " +
           describe_month_range(months, s);
  }
  return std::to_string(available) +
         " qualified engineers were free but cheaper to use elsewhere, or training would not "
         "finish in time";
}

// Why an unfilled slot was not hired for either: the lead time, or a hire costs more.
std::string why_not_hired(const StaffingOptions& options, const std::vector<Date>& months,
                          const Slot& s) {
  if (s.first_month < options.hiring_lead_months) {
    const auto lead = std::to_string(options.hiring_lead_months) +
                      (options.hiring_lead_months == 1 ? " month" : " months");
    if (options.hiring_lead_months >= static_cast<int>(months.size())) {
      return "; no hire can join within the plan (hiring lead time " + lead + ")";
    }
    return "; no hire can join before " +
           model::format_date(months[options.hiring_lead_months]).substr(0, 7) +
           " (hiring lead time " + lead + ")";
  }
  return "; leaving it unfilled costs less than a hire";
}

// Who serves the slot and why them.
std::string why_engineer(const Candidates& model, const SlotPlan& plan, const Column* cheapest) {
  const auto& center = model.center;
  const auto& slot = model.slots[plan.slot];
  const auto& role = center.projects[slot.project].roles[slot.role];
  const auto& eng = center.engineers[*plan.engineer];
  std::string why = eng.id + " (" + center.skills[role.skill].id + " level " +
                    std::to_string(eng.level(role.skill)) + ", needs " +
                    std::to_string(role.min_level) + ")";
  if (plan.source == SlotSource::upskill) why += ", trained one level up first";
  if (plan.source == SlotSource::retrain) why += ", retrained from an adjacent skill";
  if (plan.certifies) why += ", takes or renews " + role.certificate;
  if (cheapest != nullptr && cheapest->cost + 1e-9 < plan.cost) {
    why += "; cheaper " + center.engineers[cheapest->engineer].id + " was needed on another role";
  } else {
    why += "; the least costly fit for this role";
  }
  return why;
}

}  // namespace

void explain_plans(const Candidates& model, const PoolIndex& pool, const std::vector<int>& picked,
                   StaffingResult& result) {
  const int n_slots = model.n_slots();
  auto free = model.free;
  result.plans.resize(n_slots);
  std::vector<const Column*> cheapest(n_slots, nullptr);
  for (int s = 0; s < n_slots; ++s) {
    for (int c : model.by_group[model.group_of[s]]) {  // by cost
      if (model.columns[c].engineer >= 0) {
        cheapest[s] = &model.columns[c];
        break;
      }
    }
    const auto& col = model.columns[picked[s]];
    result.plans[s] = {s,
                       col.source,
                       col.engineer >= 0 ? std::optional(col.engineer) : std::nullopt,
                       col.ready,
                       col.cost,
                       "",
                       col.certifies};
    if (col.engineer >= 0) reserve(model.slots[s], free[col.engineer], 1);
  }
  double filled = 0, demanded = 0;
  for (int s = 0; s < n_slots; ++s) {
    auto& plan = result.plans[s];
    const auto& slot = model.slots[s];
    double fte_months = 0;
    for (double l : slot.load) fte_months += l;
    demanded += fte_months;
    if (plan.engineer) {
      filled += fte_months;
      plan.why = why_engineer(model, plan, cheapest[s]);
    } else {
      plan.why = why_unstaffed(model.center, model.options, pool, free, model.months, slot);
      if (plan.source == SlotSource::unfilled) {
        plan.why += why_not_hired(model.options, model.months, slot);
      }
    }
  }
  result.fill_rate = demanded > 0 ? filled / demanded : 1.0;
}

std::vector<Hire> group_hires(const Candidates& model, const std::vector<SlotPlan>& plans) {
  const auto& slots = model.slots;
  std::vector<Hire> hires;
  std::map<std::tuple<model::SkillIdx, int, std::string>, std::vector<int>> to_hire;
  for (int s = 0; s < model.n_slots(); ++s) {
    if (plans[s].source != SlotSource::hire) continue;
    const auto& role = model.center.projects[slots[s].project].roles[slots[s].role];
    to_hire[{role.skill, role.min_level, role.city}].push_back(s);
  }
  for (auto& [key, of_key] : to_hire) {
    std::stable_sort(of_key.begin(), of_key.end(),
                     [&](int a, int b) { return slots[a].first_month < slots[b].first_month; });
    std::vector<std::vector<double>> loads;
    std::vector<int> hire_index;
    for (int s : of_key) {
      const auto& slot = slots[s];
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
        loads.emplace_back(model.n_months, 0.0);
        Hire hire;
        hire.skill = std::get<0>(key);
        hire.level = std::get<1>(key);
        hire.city = std::get<2>(key);
        hire.joins = model.months[slot.first_month];
        hire.recruit_from = model.months[slot.first_month - model.options.hiring_lead_months];
        hire_index.push_back(static_cast<int>(hires.size()));
        hires.push_back(hire);
      }
      for (int m = slot.first_month; m <= slot.last_month; ++m) loads[chosen][m] += slot.load[m];
      hires[hire_index[chosen]].slots.push_back(s);
    }
  }
  return hires;
}

}  // namespace rcc::staffing
