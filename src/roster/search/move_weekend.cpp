// The exact move that re-plans some employees' weekends together (moves.h).
#include <algorithm>

#include "roster/pair_replan.h"
#include "roster/search/moves.h"
#include "roster/search/tuning.h"

namespace rcc::roster {

// Pairs of days a week apart (days 7w + offset and the next, weekends at offset 5) of some
// employees whose rows keep the rules, re-planned together with every other day fixed
// (pair_replan.h), at the search cost; kept when no worse.
void weekend_move(SearchState& s, int offset) {
  const Problem& p = s.problem;
  if (p.fairness_weight > 0) return;
  s.chosen_days.clear();
  s.pair_members.clear();
  for (int d = offset; d + 1 < p.days; d += 7) s.chosen_days.push_back(d);
  const int blocks = static_cast<int>(s.chosen_days.size());
  if (blocks == 0) return;
  for (int k = 0; k < blocks; ++k) {
    std::swap(s.chosen_days[k], s.chosen_days[k + s.rng.below(blocks - k)]);
  }
  s.chosen_days.resize(std::min(kTuning.weekend_move.weekends, blocks));
  PairQuery query;
  s.others = s.cover;
  const int n = static_cast<int>(p.employees.size());
  s.pool.clear();
  for (int i = 0; i < n; ++i) {
    if (s.hard[i] == 0) s.pool.push_back(i);
  }
  const int members = std::min(kTuning.weekend_move.employees, static_cast<int>(s.pool.size()));
  for (int k = 0; k < members; ++k) {
    std::swap(s.pool[k], s.pool[k + s.rng.below(static_cast<int>(s.pool.size()) - k)]);
  }
  s.pool.resize(members);
  std::sort(s.pool.begin(), s.pool.end());
  for (int i : s.pool) {
    const auto& e = p.employees[i];
    auto& ledger = s.ledgers[i];
    auto& row = s.roster[i];
    PairMember member;
    member.shifts_left.resize(s.shifts);
    long minutes = ledger.minutes();
    long worked = ledger.weekends();
    for (int t = 0; t < s.shifts; ++t)
      member.shifts_left[t] = e.max_shifts[t] - ledger.shifts_of(static_cast<ShiftIdx>(t));
    const long base = ledger.soft() + s.half_weight * ledger.half_weekends();
    const int m = static_cast<int>(query.members.size());
    for (int day : s.chosen_days) {
      const ShiftIdx was_first = row[day], was_second = row[day + 1];
      for (ShiftIdx v : {was_first, was_second}) {
        if (v == kOff) continue;
        minutes -= p.shifts[v].minutes;
        ++member.shifts_left[v];
      }
      if (was_first != kOff) --s.others[day * s.shifts + was_first];
      if (was_second != kOff) --s.others[(day + 1) * s.shifts + was_second];
      // The weekends the row works with the pair at rest: a choice works one more or not.
      ledger.set(day, kOff);
      ledger.set(day + 1, kOff);
      const long resting = ledger.weekends();
      ledger.set(day, was_first);
      ledger.set(day + 1, was_second);
      worked -= ledger.weekends() - resting;
      PairSlot slot;
      slot.member = m;
      slot.day = day;
      slot.choices.push_back({was_first, was_second, ledger.weekends() > resting, 0});
      for (int a = -1; a < s.shifts; ++a) {
        const auto first = static_cast<ShiftIdx>(a);
        if (first != kOff && e.max_shifts[first] == 0) continue;
        ledger.set(day, first);
        for (int b = -1; b < s.shifts; ++b) {
          const auto second = static_cast<ShiftIdx>(b);
          if (second != kOff && e.max_shifts[second] == 0) continue;
          if (first == was_first && second == was_second) continue;
          ledger.set(day + 1, second);
          if (ledger.day_rules() > 0) continue;
          const long cost = ledger.soft() + s.half_weight * ledger.half_weekends() - base;
          slot.choices.push_back({first, second, ledger.weekends() > resting, cost});
        }
        ledger.set(day + 1, was_second);
      }
      ledger.set(day, was_first);
      query.slots.push_back(std::move(slot));
    }
    member.minutes_min = e.min_total_minutes - minutes;
    member.minutes_max = e.max_total_minutes - minutes;
    member.weekends_left = static_cast<int>(e.max_weekends - worked);
    query.members.push_back(std::move(member));
    s.pair_members.push_back(i);
  }
  query.others = &s.others;
  query.over_surcharge = &s.over_surcharge;
  query.seconds = kTuning.weekend_move.seconds;
  query.nodes = s.options.max_iterations > 0 ? kTuning.weekend_move.nodes : -1;
  const auto answer = replan_pairs(p, query);
  if (!answer || answer->cost >= answer->start) return;
  const long before = s.current;
  s.changed.clear();
  s.saved.clear();
  long delta = 0;
  for (size_t q = 0; q < query.slots.size(); ++q) {
    const auto& slot = query.slots[q];
    const auto& c = slot.choices[answer->picked[q]];
    const int i = s.pair_members[slot.member];
    if (c.first == s.roster[i][slot.day] && c.second == s.roster[i][slot.day + 1]) continue;
    if (s.changed.empty() || s.changed.back() != i) {
      s.changed.push_back(i);
      s.saved.push_back(s.roster[i]);
    }
    delta += s.put(i, slot.day, c.first) + s.put(i, slot.day + 1, c.second);
  }
  for (int i : s.changed) {
    delta += s.priced(i) - s.row_price[i];
    s.store(i);
  }
  s.current += delta;
  if (s.current <= before) return;
  for (size_t k = 0; k < s.changed.size(); ++k) s.set_row(s.changed[k], s.saved[k]);
}

}  // namespace rcc::roster
