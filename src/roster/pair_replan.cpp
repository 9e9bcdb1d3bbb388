#include "roster/pair_replan.h"

#include <algorithm>
#include <map>

#include "roster/cbc_mip.h"

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

}  // namespace

std::optional<PairAnswer> replan_pairs(const Problem& p, const PairQuery& q) {
  const int shifts = static_cast<int>(p.shifts.size());
  const int n_slots = static_cast<int>(q.slots.size());
  if (n_slots == 0) return std::nullopt;
  const auto& others = *q.others;
  const auto surcharge = [&](int cell) {
    return q.over_surcharge != nullptr ? (*q.over_surcharge)[cell] : 0L;
  };
  // Rows: one per slot, then the cover of each weekend's days, then the members' limits.
  std::vector<double> lo(n_slots, 1.0), hi(n_slots, 1.0);
  std::map<int, int> cover_rows;  // a pair's first day -> its first cover row
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

  Columns columns;
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
  const int first_choice = columns.size();
  std::vector<int> slot_of, choice_of;
  for (int s = 0; s < n_slots; ++s) {
    const auto& slot = q.slots[s];
    const int first = cover_rows.at(slot.day);
    for (size_t k = 0; k < slot.choices.size(); ++k) {
      const auto& c = slot.choices[k];
      slot_of.push_back(s);
      choice_of.push_back(static_cast<int>(k));
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

  // What a pick costs: its choices and the cover of the chosen weekends.
  const auto pick_cost = [&](const std::vector<int>& picked) {
    long cost = 0;
    std::vector<int> on(static_cast<size_t>(p.days) * shifts, 0);
    for (int s = 0; s < n_slots; ++s) {
      const auto& c = q.slots[s].choices[picked[s]];
      cost += c.cost;
      const int day = q.slots[s].day;
      if (c.first != kOff) ++on[static_cast<size_t>(day) * shifts + c.first];
      if (c.second != kOff) ++on[static_cast<size_t>(day + 1) * shifts + c.second];
    }
    for (const auto& [day, first] : cover_rows) {
      for (int cell = day * shifts; cell < (day + 2) * shifts; ++cell) {
        const auto& cover = p.cover[cell];
        const int n = on[cell] + others[cell];
        cost +=
            n < cover.requirement
                ? static_cast<long>(cover.requirement - n) * cover.under_weight
                : static_cast<long>(n - cover.requirement) * (cover.over_weight + surcharge(cell));
      }
    }
    return cost;
  };
  PairAnswer answer;
  answer.picked.assign(n_slots, 0);
  answer.start = answer.cost = pick_cost(answer.picked);

  MipRun run;
  for (int c = first_choice; c < columns.size(); ++c) {
    run.integers.push_back(c);
    run.start.push_back(choice_of[c - first_choice] == 0 ? 1.0 : 0.0);
  }
  run.seconds = q.seconds;
  run.nodes = q.nodes;
  const auto x = solve_mip(mip_model(columns, lo, hi), run);
  if (x.empty()) return std::nullopt;
  std::vector<int> picked(n_slots, -1);
  for (int c = first_choice; c < columns.size(); ++c) {
    if (x[c] > 0.5) picked[slot_of[c - first_choice]] = choice_of[c - first_choice];
  }
  if (std::find(picked.begin(), picked.end(), -1) != picked.end()) return answer;
  const long cost = pick_cost(picked);
  if (cost < answer.cost) {
    answer.picked = std::move(picked);
    answer.cost = cost;
  }
  return answer;
}

}  // namespace rcc::roster
