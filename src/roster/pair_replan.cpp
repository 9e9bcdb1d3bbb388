#include "roster/pair_replan.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

#include "lp/simplex.h"

namespace rcc::roster {
namespace {

// The MIP column by column: slacks of the cover rows first, then the choices.
struct Columns {
  std::vector<double> cost, lower, upper, value;
  std::vector<int> start{0};
  std::vector<int> row;

  void open(double c, double up) {
    cost.push_back(c);
    lower.push_back(0);
    upper.push_back(up);
    start.push_back(start.back());
  }
  void entry(int r, double v) {
    row.push_back(r);
    value.push_back(v);
    ++start.back();
  }
  int size() const { return static_cast<int>(cost.size()); }
};

// The query as a MIP: one row per slot, the cover of the pairs' days, the members' limits.
struct PairModel {
  Columns columns;
  std::vector<double> lo, hi;           // row bounds
  std::map<int, int> cover_rows;        // a pair's first day -> its first cover row
  int first_choice = 0;                 // columns from here on are choices
  std::vector<int> slot_of, choice_of;  // of each choice column
};

PairModel pair_model(const Problem& p, const PairQuery& q) {
  const int shifts = static_cast<int>(p.shifts.size());
  const int n_slots = static_cast<int>(q.slots.size());
  const auto& others = *q.others;
  const auto surcharge = [&](int cell) {
    return q.over_surcharge != nullptr ? (*q.over_surcharge)[cell] : 0L;
  };
  PairModel model;
  auto& lo = model.lo;
  auto& hi = model.hi;
  auto& cover_rows = model.cover_rows;
  lo.assign(n_slots, 1.0);
  hi.assign(n_slots, 1.0);
  for (const auto& slot : q.slots) {
    const int day = slot.day;
    if (cover_rows.contains(day)) continue;
    cover_rows[day] = static_cast<int>(lo.size());
    for (int d = day; d <= day + 1; ++d) {
      for (int t = 0; t < shifts; ++t) {
        const double need = p.cover_of(d, static_cast<ShiftIdx>(t)).requirement -
                            others[static_cast<size_t>(d) * shifts + t];
        lo.push_back(need);
        hi.push_back(need);
      }
    }
  }
  // A member's row is needed only where its limit can bind.
  const int n_members = static_cast<int>(q.members.size());
  std::vector<long> most_minutes(n_members, 0), least_minutes(n_members, 0);
  std::vector<int> may_work(n_members, 0);
  std::vector<std::vector<int>> most_shifts(n_members, std::vector<int>(shifts, 0));
  for (const auto& slot : q.slots) {
    long most = 0, least = 1L << 40;
    bool works = false;
    std::vector<int> shifts_most(shifts, 0);
    for (const auto& c : slot.choices) {
      long minutes = 0;
      for (ShiftIdx v : {c.first, c.second}) {
        if (v != kOff) minutes += p.shifts[v].minutes;
      }
      works = works || c.weekend;
      most = std::max(most, minutes);
      least = std::min(least, minutes);
      const int same = c.first == c.second ? 2 : 1;
      if (c.first != kOff) shifts_most[c.first] = std::max(shifts_most[c.first], same);
      if (c.second != kOff) shifts_most[c.second] = std::max(shifts_most[c.second], same);
    }
    most_minutes[slot.member] += most;
    least_minutes[slot.member] += least;
    may_work[slot.member] += works ? 1 : 0;
    for (int t = 0; t < shifts; ++t) most_shifts[slot.member][t] += shifts_most[t];
  }
  std::vector<int> minutes_row(n_members, -1), weekend_row(n_members, -1);
  std::vector<std::vector<int>> shift_row(n_members, std::vector<int>(shifts, -1));
  for (int m = 0; m < n_members; ++m) {
    const auto& member = q.members[m];
    if (least_minutes[m] < member.minutes_min || most_minutes[m] > member.minutes_max) {
      minutes_row[m] = static_cast<int>(lo.size());
      lo.push_back(static_cast<double>(member.minutes_min));
      hi.push_back(static_cast<double>(member.minutes_max));
    }
    if (may_work[m] > member.weekends_left) {
      weekend_row[m] = static_cast<int>(lo.size());
      lo.push_back(-1e30);
      hi.push_back(member.weekends_left);
    }
    for (int t = 0; t < shifts; ++t) {
      if (most_shifts[m][t] <= member.shifts_left[t]) continue;
      shift_row[m][t] = static_cast<int>(lo.size());
      lo.push_back(-1e30);
      hi.push_back(member.shifts_left[t]);
    }
  }

  auto& columns = model.columns;
  for (const auto& [day, first] : cover_rows) {
    for (int k = 0; k < 2 * shifts; ++k) {
      const int d = day + k / shifts;
      const auto t = static_cast<ShiftIdx>(k % shifts);
      const auto& cover = p.cover_of(d, t);
      columns.open(cover.under_weight, 1e30);
      columns.entry(first + k, 1.0);
      columns.open(static_cast<double>(cover.over_weight + surcharge(d * shifts + t)), 1e30);
      columns.entry(first + k, -1.0);
    }
  }
  model.first_choice = columns.size();
  for (int s = 0; s < n_slots; ++s) {
    const auto& slot = q.slots[s];
    const int first = cover_rows.at(slot.day);
    for (size_t k = 0; k < slot.choices.size(); ++k) {
      const auto& c = slot.choices[k];
      model.slot_of.push_back(s);
      model.choice_of.push_back(static_cast<int>(k));
      columns.open(static_cast<double>(c.cost), 1.0);
      columns.entry(s, 1.0);
      long minutes = 0;
      if (c.first != kOff) columns.entry(first + c.first, 1.0);
      if (c.second != kOff) columns.entry(first + shifts + c.second, 1.0);
      for (ShiftIdx v : {c.first, c.second}) {
        if (v != kOff) minutes += p.shifts[v].minutes;
      }
      const int m = slot.member;
      if (minutes_row[m] >= 0 && minutes > 0)
        columns.entry(minutes_row[m], static_cast<double>(minutes));
      if (weekend_row[m] >= 0 && c.weekend) columns.entry(weekend_row[m], 1.0);
      if (c.first != kOff && shift_row[m][c.first] >= 0)
        columns.entry(shift_row[m][c.first], c.first == c.second ? 2.0 : 1.0);
      if (c.second != kOff && c.second != c.first && shift_row[m][c.second] >= 0)
        columns.entry(shift_row[m][c.second], 1.0);
    }
  }
  return model;
}

}  // namespace

long pairs_cost(const Problem& p, const PairQuery& q, const std::vector<int>& picked) {
  const int shifts = static_cast<int>(p.shifts.size());
  const auto& others = *q.others;
  long cost = 0;
  std::vector<int> on(static_cast<size_t>(p.days) * shifts, 0);
  std::vector<char> paired(p.days, 0);  // the first days of the slots' pairs
  for (size_t s = 0; s < q.slots.size(); ++s) {
    const auto& slot = q.slots[s];
    const auto& c = slot.choices[picked[s]];
    cost += c.cost;
    paired[slot.day] = 1;
    if (c.first != kOff) ++on[static_cast<size_t>(slot.day) * shifts + c.first];
    if (c.second != kOff) ++on[static_cast<size_t>(slot.day + 1) * shifts + c.second];
  }
  for (int day = 0; day < p.days; ++day) {
    if (paired[day] == 0) continue;
    for (int cell = day * shifts; cell < (day + 2) * shifts; ++cell) {
      const auto& cover = p.cover[cell];
      const int n = on[cell] + others[cell];
      const long surcharge = q.over_surcharge != nullptr ? (*q.over_surcharge)[cell] : 0L;
      cost += n < cover.requirement
                  ? static_cast<long>(cover.requirement - n) * cover.under_weight
                  : static_cast<long>(n - cover.requirement) * (cover.over_weight + surcharge);
    }
  }
  return cost;
}

std::optional<PairAnswer> replan_pairs(const Problem& p, const PairQuery& q) {
  const int n_slots = static_cast<int>(q.slots.size());
  if (n_slots == 0) return std::nullopt;
  const auto model = pair_model(p, q);
  const auto& columns = model.columns;
  const int first_choice = model.first_choice;

  const auto pick_cost = [&](const std::vector<int>& picked) { return pairs_cost(p, q, picked); };
  PairAnswer answer;
  answer.picked.assign(n_slots, 0);
  answer.start = answer.cost = pick_cost(answer.picked);

  lp::MipRun run;
  for (int c = first_choice; c < columns.size(); ++c) {
    run.integers.push_back(c);
    run.start.push_back(model.choice_of[c - first_choice] == 0 ? 1.0 : 0.0);
  }
  run.seconds = q.seconds;
  run.nodes = q.nodes;
  const auto x = lp::solve_mip(lp::view_of(columns, model.lo, model.hi), run).values;
  if (x.empty()) return std::nullopt;
  std::vector<int> picked(n_slots, -1);
  for (int c = first_choice; c < columns.size(); ++c) {
    if (x[c] > 0.5) picked[model.slot_of[c - first_choice]] = model.choice_of[c - first_choice];
  }
  if (std::find(picked.begin(), picked.end(), -1) != picked.end()) return answer;
  const long cost = pick_cost(picked);
  if (cost < answer.cost) {
    answer.picked = std::move(picked);
    answer.cost = cost;
  }
  return answer;
}

namespace {

// The query's LP relaxation by CLP: its optimum, and in x each choice column's value (from
// model.first_choice on); nullopt when it did not finish or is infeasible.
std::optional<double> solve_pairs_lp(const PairModel& model, double seconds,
                                     std::vector<double>* x) {
  const auto& c = model.columns;
  lp::Simplex simplex(lp::view_of(c, model.lo, model.hi));
  // The barrier is the fastest of CLP's methods here (docs/experiments.md).
  if (!simplex.solve(lp::SimplexMethod::barrier, seconds)) return std::nullopt;
  if (x != nullptr) {
    const double* solution = simplex.values();
    x->assign(solution + model.first_choice, solution + c.size());
  }
  return simplex.objective();
}

}  // namespace

std::optional<double> pairs_lp_value(const Problem& p, const PairQuery& q) {
  if (q.slots.empty()) return std::nullopt;
  return solve_pairs_lp(pair_model(p, q), q.seconds, nullptr);
}

std::optional<std::vector<int>> plan_pairs(const Problem& p, const PairQuery& q) {
  using clock = std::chrono::steady_clock;
  const auto began = clock::now();
  if (q.slots.empty()) return std::nullopt;
  const auto model = pair_model(p, q);
  std::vector<double> x;
  if (!solve_pairs_lp(model, q.seconds, &x)) return std::nullopt;
  // Each slot's choice where the LP takes one whole; the others are left to CBC.
  constexpr double kWhole = 1 - 1e-6;
  std::vector<int> picked(q.slots.size(), -1);
  for (size_t k = 0; k < x.size(); ++k) {
    if (x[k] >= kWhole) picked[model.slot_of[k]] = model.choice_of[k];
  }
  const int shifts = static_cast<int>(p.shifts.size());
  std::vector<int> others = *q.others;
  PairQuery rest;
  rest.members = q.members;
  rest.over_surcharge = q.over_surcharge;
  std::vector<int> open;  // the slots CBC decides, by their index in q
  for (size_t s = 0; s < q.slots.size(); ++s) {
    const auto& slot = q.slots[s];
    if (picked[s] < 0) {
      open.push_back(static_cast<int>(s));
      rest.slots.push_back(slot);
      continue;
    }
    const auto& c = slot.choices[picked[s]];
    auto& member = rest.members[slot.member];
    member.weekends_left -= c.weekend ? 1 : 0;
    for (int j = 0; j < 2; ++j) {
      const ShiftIdx v = j == 0 ? c.first : c.second;
      if (v == kOff) continue;
      ++others[static_cast<size_t>(slot.day + j) * shifts + v];
      --member.shifts_left[v];
      member.minutes_min -= p.shifts[v].minutes;
      member.minutes_max -= p.shifts[v].minutes;
    }
  }
  if (open.empty()) return picked;
  rest.others = &others;
  rest.seconds =
      std::max(0.1, q.seconds - std::chrono::duration<double>(clock::now() - began).count());
  rest.nodes = q.nodes;
  const auto answer = replan_pairs(p, rest);
  if (!answer) return std::nullopt;
  for (size_t k = 0; k < open.size(); ++k) picked[open[k]] = answer->picked[k];
  return picked;
}

WeekendsAlone weekends_alone(const Problem& p) {
  WeekendsAlone alone;
  const int shifts = static_cast<int>(p.shifts.size());
  const int n = static_cast<int>(p.employees.size());
  alone.nobody.assign(static_cast<size_t>(p.days) * shifts, 0);
  auto& q = alone.query;
  q.others = &alone.nobody;
  // Each request's price on its day: [day * (shifts + 1) + 1 + value], value kOff = -1.
  std::vector<std::vector<long>> price(n);
  const auto priced_day = [&](int i, int day) -> long* {
    auto& row = price[i];
    if (row.empty()) row.assign(static_cast<size_t>(p.days) * (shifts + 1), 0);
    return &row[static_cast<size_t>(day) * (shifts + 1) + 1];
  };
  for (const auto& r : p.on_requests) {
    if (r.day % 7 < 5 || r.day >= p.days) continue;
    long* v = priced_day(r.employee, r.day);
    for (int t = -1; t < shifts; ++t) v[t] += t != r.shift ? r.weight : 0;
  }
  for (const auto& r : p.off_requests) {
    if (r.day % 7 >= 5 && r.day < p.days) priced_day(r.employee, r.day)[r.shift] += r.weight;
  }
  const auto request_cost = [&](int i, int day, ShiftIdx v) {
    return price[i].empty() ? 0L : price[i][static_cast<size_t>(day) * (shifts + 1) + 1 + v];
  };
  for (int i = 0; i < n; ++i) {
    const auto& e = p.employees[i];
    std::vector<char> off(p.days, 0);
    for (int d : e.days_off) {
      if (d >= 0 && d < p.days) off[d] = 1;
    }
    PairMember member;
    member.minutes_min = 0;
    member.minutes_max = e.max_total_minutes;
    member.weekends_left = e.max_weekends;
    member.shifts_left = e.max_shifts;
    q.members.push_back(std::move(member));
    for (int saturday = 5; saturday + 1 < p.days; saturday += 7) {
      const int sunday = saturday + 1;
      PairSlot slot;
      slot.member = i;
      slot.day = saturday;
      slot.choices.push_back(
          {kOff, kOff, false, request_cost(i, saturday, kOff) + request_cost(i, sunday, kOff)});
      const auto may_work = [&](int day, ShiftIdx t) { return !off[day] && e.max_shifts[t] > 0; };
      for (int a = -1; a < shifts; ++a) {
        const auto first = static_cast<ShiftIdx>(a);
        if (first != kOff && !may_work(saturday, first)) continue;
        for (int b = -1; b < shifts; ++b) {
          const auto second = static_cast<ShiftIdx>(b);
          if (first == kOff && second == kOff) continue;
          if (second != kOff && !may_work(sunday, second)) continue;
          if (first != kOff && second != kOff) {
            const auto& banned = p.shifts[first].forbidden_next;
            if (e.max_consecutive_shifts < 2 ||
                std::find(banned.begin(), banned.end(), second) != banned.end())
              continue;
          }
          if (e.max_consecutive_shifts < 1) continue;
          slot.choices.push_back(
              {first, second, true,
               request_cost(i, saturday, first) + request_cost(i, sunday, second)});
        }
      }
      alone.choices += static_cast<long>(slot.choices.size());
      q.slots.push_back(std::move(slot));
    }
  }
  return alone;
}

}  // namespace rcc::roster
