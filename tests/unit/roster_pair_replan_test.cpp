#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

#include "model/random.h"
#include "roster/pair_replan.h"

namespace rcc::roster {
namespace {

// Two weeks, two shift types of different lengths, three employees: every pair of values on each
// of their two weekends.
Problem two_weeks(model::Rng& rng) {
  Problem p;
  p.days = 14;
  p.shifts = {{"E", 480, {}, false}, {"L", 720, {}, false}};
  for (const char* id : {"A", "B", "C"})
    p.employees.push_back({id, {14, 14}, 0, 0, 5, 1, 1, 2, {}});
  p.cover.assign(static_cast<size_t>(p.days) * 2, {0, 100, 1});
  for (int d : {5, 6, 12, 13}) {
    for (int t = 0; t < 2; ++t) p.cover[d * 2 + t] = {rng.between(1, 3), rng.between(40, 100), 1};
  }
  return p;
}

// The cheapest pick by enumeration of every choice of every slot, the members' limits kept.
long cheapest(const Problem& p, const PairQuery& q) {
  const int slots = static_cast<int>(q.slots.size());
  std::vector<int> picked(slots, 0);
  long best = std::numeric_limits<long>::max();
  std::vector<long> minutes(q.members.size());
  std::vector<int> weekends(q.members.size()), on;
  std::vector<std::vector<int>> shifts(q.members.size());
  for (;;) {
    std::fill(minutes.begin(), minutes.end(), 0);
    std::fill(weekends.begin(), weekends.end(), 0);
    for (auto& s : shifts) s.assign(p.shifts.size(), 0);
    on = *q.others;
    long cost = 0;
    for (int s = 0; s < slots; ++s) {
      const auto& slot = q.slots[s];
      const auto& c = slot.choices[picked[s]];
      cost += c.cost;
      const int saturday = slot.day;
      for (int k = 0; k < 2; ++k) {
        const ShiftIdx v = k == 0 ? c.first : c.second;
        if (v == kOff) continue;
        minutes[slot.member] += p.shifts[v].minutes;
        ++shifts[slot.member][v];
        ++on[(saturday + k) * 2 + v];
      }
      weekends[slot.member] += c.weekend ? 1 : 0;
    }
    bool keeps = true;
    for (size_t m = 0; m < q.members.size(); ++m) {
      const auto& member = q.members[m];
      keeps = keeps && minutes[m] >= member.minutes_min && minutes[m] <= member.minutes_max &&
              weekends[m] <= member.weekends_left;
      for (size_t t = 0; t < p.shifts.size(); ++t)
        keeps = keeps && shifts[m][t] <= member.shifts_left[t];
    }
    if (keeps) {
      for (int d : {5, 6, 12, 13}) {
        for (int t = 0; t < 2; ++t) {
          const auto& c = p.cover[d * 2 + t];
          const int n = on[d * 2 + t];
          cost += n < c.requirement ? (c.requirement - n) * c.under_weight
                                    : (n - c.requirement) * c.over_weight;
        }
      }
      best = std::min(best, cost);
    }
    int s = 0;
    while (s < slots && ++picked[s] == static_cast<int>(q.slots[s].choices.size())) picked[s++] = 0;
    if (s == slots) break;
  }
  return best;
}

// Random weekends as they are, costs, cover, and limits on minutes, weekends and shift counts
// around the weekends as they are: the MIP's answer costs what enumeration finds cheapest, is a
// pick that keeps the limits, and never costs more than the weekends as they were.
TEST(RosterPairReplan, FindsTheCheapestPickWithinTheMembersLimits) {
  model::Rng rng(11);
  for (int trial = 0; trial < 12; ++trial) {
    const Problem p = two_weeks(rng);
    PairQuery q;
    std::vector<int> others(static_cast<size_t>(p.days) * 2, 0);
    for (int d : {5, 6, 12, 13}) others[d * 2 + rng.below(2)] = rng.below(2);
    for (int m = 0; m < 3; ++m) {
      long minutes = 0;
      int weekends = 0;
      std::vector<int> shifts(2, 0);
      const int member_weekends = m < 2 ? 2 : 1;  // 5 slots: 9^5 picks to enumerate
      for (int w = 0; w < member_weekends; ++w) {
        PairSlot slot;
        slot.member = m;
        slot.day = 7 * w + 5;
        const auto sat = static_cast<ShiftIdx>(rng.between(-1, 1));
        const auto sun = static_cast<ShiftIdx>(rng.between(-1, 1));
        slot.choices.push_back({sat, sun, sat != kOff || sun != kOff, 0});
        for (ShiftIdx v : {sat, sun}) {
          if (v == kOff) continue;
          minutes += p.shifts[v].minutes;
          ++shifts[v];
        }
        weekends += sat != kOff || sun != kOff ? 1 : 0;
        for (int a = -1; a < 2; ++a) {
          for (int b = -1; b < 2; ++b) {
            if (a == sat && b == sun) continue;
            slot.choices.push_back({static_cast<ShiftIdx>(a), static_cast<ShiftIdx>(b),
                                    a != -1 || b != -1, rng.between(-30, 30)});
          }
        }
        q.slots.push_back(slot);
      }
      PairMember member;
      member.minutes_min = std::max(0L, minutes - rng.between(0, 3) * 240);
      member.minutes_max = minutes + rng.between(0, 3) * 240;
      member.weekends_left = std::max(weekends, rng.between(0, 1));
      member.shifts_left = {shifts[0] + rng.between(0, 2), shifts[1] + rng.between(0, 2)};
      q.members.push_back(member);
    }
    q.others = &others;
    const auto answer = replan_pairs(p, q);
    ASSERT_TRUE(answer.has_value()) << "trial " << trial;
    EXPECT_EQ(answer->cost, cheapest(p, q)) << "trial " << trial;
    EXPECT_LE(answer->cost, answer->start);
    PairQuery chosen = q;  // the answer alone: a pick that keeps the limits, at its cost
    for (size_t s = 0; s < q.slots.size(); ++s)
      chosen.slots[s].choices = {q.slots[s].choices[answer->picked[s]]};
    EXPECT_EQ(cheapest(p, chosen), answer->cost) << "trial " << trial;
    EXPECT_EQ(pairs_cost(p, q, answer->picked), answer->cost) << "trial " << trial;

    // The LP's value bounds the cheapest pick; the plan from the LP and CBC keeps the limits
    // and costs what pairs_cost says (fixing the LP's whole choices need not be optimal).
    const auto lp = pairs_lp_value(p, q);
    ASSERT_TRUE(lp.has_value()) << "trial " << trial;
    EXPECT_LE(*lp, static_cast<double>(answer->cost) + 1e-6) << "trial " << trial;
    const auto planned = plan_pairs(p, q);
    ASSERT_TRUE(planned.has_value()) << "trial " << trial;
    for (size_t s = 0; s < q.slots.size(); ++s)
      chosen.slots[s].choices = {q.slots[s].choices[(*planned)[s]]};
    EXPECT_EQ(cheapest(p, chosen), pairs_cost(p, q, *planned)) << "trial " << trial;
    EXPECT_GE(pairs_cost(p, q, *planned), answer->cost) << "trial " << trial;
  }
}

}  // namespace
}  // namespace rcc::roster
