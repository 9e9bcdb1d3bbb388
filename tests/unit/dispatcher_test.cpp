#include "dispatch/dispatcher.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>
#include <vector>

#include "model/random.h"

namespace rcc::dispatch {
namespace {

constexpr LanguageId kEn = 0, kAr = 2;

Dispatcher make(Policy policy = Policy::least_loaded) {
  return Dispatcher({policy, 3, 4, 900});
}

Ticket ticket(TicketId id, model::SkillIdx skill, int level = 1, LanguageId lang = kAnyLanguage,
              int priority = 3, double arrived = 0, double deadline = 1e9) {
  return {id, skill, level, lang, priority, arrived, deadline};
}

TEST(Dispatcher, RoutesOnlyWithinSkillLevelLanguageAndShift) {
  auto d = make();
  const auto ims3 = d.add_agent({{{1, 3}}, {kEn}, 1});
  const auto ims2_ar = d.add_agent({{{1, 2}}, {kEn, kAr}, 1});
  const auto ran5 = d.add_agent({{{0, 5}}, {kEn, kAr}, 1});
  // Nobody on shift yet.
  EXPECT_FALSE(d.route(ticket(1, 1), 0));
  d.start_shift(ims3, 0, 8 * 3600);
  d.start_shift(ims2_ar, 0, 8 * 3600);
  d.start_shift(ran5, 0, 8 * 3600);
  EXPECT_FALSE(d.route(ticket(2, 1, 4), 10));                  // nobody at level 4 in core.ims
  EXPECT_EQ(d.route(ticket(3, 1, 2, kAr), 10), ims2_ar);       // only one speaks Arabic
  EXPECT_EQ(d.route(ticket(4, 1, 1, kAr), 10), std::nullopt);  // she is busy now
  EXPECT_EQ(d.route(ticket(5, 1, 3), 10), ims3);
  EXPECT_FALSE(d.route(ticket(6, 1), 10));  // both core.ims engineers busy
  EXPECT_FALSE(d.route(ticket(7, 3), 10));  // a skill nobody has
  EXPECT_EQ(d.route(ticket(8, 0, 5, kAr), 10), ran5);
}

TEST(Dispatcher, NoP1ToSomeoneLeavingSoon) {
  auto d = make();
  const auto leaving = d.add_agent({{{0, 3}}, {kEn}, 1});
  const auto staying = d.add_agent({{{0, 3}}, {kEn}, 1});
  d.start_shift(leaving, 0, 1000);  // leaves in 1000 s, within the 900 s guard at t = 200
  d.start_shift(staying, 0, 30000);
  EXPECT_EQ(d.route(ticket(1, 0, 1, kAnyLanguage, 0), 200), staying);
  EXPECT_FALSE(d.route(ticket(2, 0, 1, kAnyLanguage, 0), 200));        // P1 waits for someone else
  EXPECT_EQ(d.route(ticket(3, 0, 1, kAnyLanguage, 3), 200), leaving);  // a P4 is fine
}

TEST(Dispatcher, LongestIdleAndLeastLoaded) {
  auto idle = make(Policy::longest_idle);
  const auto a = idle.add_agent({{{0, 2}}, {}, 2});
  const auto b = idle.add_agent({{{0, 2}}, {}, 2});
  idle.start_shift(b, 0, 1e6);   // b has been idle since 0
  idle.start_shift(a, 50, 1e6);  // a since 50
  EXPECT_EQ(idle.route(ticket(1, 0), 100), b);
  EXPECT_EQ(idle.route(ticket(2, 0), 100), a);  // b now holds one ticket: a has fewer
  idle.release(b, 1, 150);
  EXPECT_EQ(idle.route(ticket(3, 0), 200), b);  // a still holds one ticket, b none
  EXPECT_EQ(idle.load(b), 1);

  auto loaded = make(Policy::least_loaded);
  const auto x = loaded.add_agent({{{0, 2}}, {}, 3});
  const auto y = loaded.add_agent({{{0, 2}}, {}, 3});
  loaded.start_shift(x, 0, 1e6);
  loaded.start_shift(y, 0, 1e6);
  for (int i = 0; i < 6; ++i) loaded.route(ticket(i, 0), 1);
  EXPECT_EQ(loaded.load(x), 3);
  EXPECT_EQ(loaded.load(y), 3);
  EXPECT_FALSE(loaded.route(ticket(9, 0), 1));  // both at capacity
}

TEST(Dispatcher, QueueOrderFollowsThePolicy) {
  for (auto policy : {Policy::least_loaded, Policy::sla_risk_first}) {
    auto d = make(policy);
    const auto agent = d.add_agent({{{2, 3}}, {kEn}, 1});
    // P4 with a close deadline, P2 with a far one.
    d.enqueue(ticket(1, 2, 1, kAnyLanguage, 3, 0, 600));
    d.enqueue(ticket(2, 2, 1, kAnyLanguage, 1, 10, 7200));
    const auto other = d.enqueue(ticket(3, 3, 1));  // another skill: never pulled by this agent
    EXPECT_EQ(d.waiting(), 3u);
    d.start_shift(agent, 20, 30000);
    const auto first = d.pull(agent, 20);
    ASSERT_TRUE(first);
    EXPECT_EQ(*first, policy == Policy::sla_risk_first ? 1 : 2);
    d.release(agent, *first, 30);
    const auto second = d.pull(agent, 30);
    ASSERT_TRUE(second);
    EXPECT_NE(*second, *first);
    d.release(agent, *second, 40);
    EXPECT_FALSE(d.pull(agent, 40));
    EXPECT_TRUE(d.withdraw(other));
    EXPECT_FALSE(d.withdraw(other));
    EXPECT_EQ(d.waiting(), 0u);
  }
}

// The queues are hand-kept heaps with handles: a long random mix of waits, withdrawals (live and
// stale handles) and pulls must always hand out what an ordered reference says comes first.
TEST(Dispatcher, QueuesPullInPolicyOrderThroughRandomWithdrawals) {
  for (auto policy : {Policy::least_loaded, Policy::sla_risk_first}) {
    auto d = make(policy);
    const auto agent = d.add_agent({{{1, 5}}, {kEn}, 1});
    d.start_shift(agent, 0, 1e9);
    model::Rng rng(7);
    std::map<std::tuple<double, double, TicketId>, WaitHandle> reference;
    std::vector<std::pair<WaitHandle, std::tuple<double, double, TicketId>>> handles;
    std::vector<WaitHandle> stale;
    for (TicketId id = 0; id < 4000; ++id) {
      const int op = rng.below(10);
      if (op < 6) {
        const auto t = ticket(id, 1, rng.between(1, 5), rng.chance(0.3) ? kEn : kAnyLanguage,
                              rng.below(4), rng.below(500), rng.below(500));
        const std::tuple key{policy == Policy::sla_risk_first ? t.deadline : t.priority, t.arrived,
                             id};
        const auto h = d.enqueue(t);
        reference[key] = h;
        handles.emplace_back(h, key);
      } else if (op < 8 && !handles.empty()) {
        const auto pick = static_cast<size_t>(rng.below(static_cast<int>(handles.size())));
        const auto [h, key] = handles[pick];
        handles.erase(handles.begin() + static_cast<std::ptrdiff_t>(pick));
        const bool live = reference.erase(key) > 0;
        EXPECT_EQ(d.withdraw(h), live);
        stale.push_back(h);
      } else if (op == 8 && !stale.empty()) {
        EXPECT_FALSE(
            d.withdraw(stale[static_cast<size_t>(rng.below(static_cast<int>(stale.size())))]));
      } else {
        const auto got = d.pull(agent, 1);
        ASSERT_EQ(got.has_value(), !reference.empty());
        if (!got) continue;
        EXPECT_EQ(*got, std::get<2>(reference.begin()->first));
        reference.erase(reference.begin());
        d.release(agent, *got, 1);
      }
      ASSERT_EQ(d.waiting(), reference.size());
    }
  }
}

TEST(Dispatcher, ShiftEndHandsOverOpenTickets) {
  auto d = make();
  const auto a = d.add_agent({{{0, 3}}, {}, 2});
  d.start_shift(a, 0, 3600);
  d.route(ticket(1, 0), 10);
  d.route(ticket(2, 0), 20);
  EXPECT_EQ(d.qualified_on_shift(0, 3), 1);
  const auto handed = d.end_shift(a, 3600);
  EXPECT_EQ(handed, (std::vector<TicketId>{1, 2}));
  EXPECT_EQ(d.qualified_on_shift(0, 1), 0);
  EXPECT_FALSE(d.route(ticket(3, 0), 3601));
  d.release(a, 1, 3700);  // a late completion of a handed-over ticket changes nothing
  EXPECT_EQ(d.load(a), 0);
}

// Random traffic: every routed ticket matches the engineer's skill, level, language and shift.
TEST(Dispatcher, NeverAssignsOutsideSkillShiftOrLanguage) {
  model::Rng rng(7);
  auto d = make(Policy::sla_risk_first);
  std::vector<AgentId> agents;
  for (int i = 0; i < 200; ++i) {
    AgentProfile p;
    p.skills.push_back({rng.below(4), rng.between(1, 5)});
    if (rng.chance(0.5)) p.skills.push_back({(p.skills[0].skill + 1) % 4, rng.between(1, 5)});
    p.languages = {kEn};
    if (rng.chance(0.2)) p.languages.push_back(kAr);
    p.capacity = rng.between(1, 3);
    agents.push_back(d.add_agent(p));
  }
  std::vector<bool> on(agents.size(), false);
  for (int step = 0; step < 20000; ++step) {
    const double now = step;
    const auto agent = agents[rng.below(static_cast<int>(agents.size()))];
    switch (rng.below(4)) {
      case 0:
        if (!on[agent]) d.start_shift(agent, now, now + rng.between(600, 30000));
        on[agent] = true;
        break;
      case 1:
        if (on[agent]) d.end_shift(agent, now);
        on[agent] = false;
        break;
      default: {
        const auto t = ticket(step, rng.below(4), rng.between(1, 5),
                              rng.chance(0.3) ? kAr : kAnyLanguage, rng.below(4), now);
        if (const auto got = d.route(t, now)) {
          ASSERT_TRUE(on[*got]);
          const auto& prof = d.profile(*got);
          int level = 0;
          for (const auto& s : prof.skills) level = s.skill == t.skill ? s.level : level;
          ASSERT_GE(level, t.min_level);
          if (t.language != kAnyLanguage) {
            ASSERT_NE(std::find(prof.languages.begin(), prof.languages.end(), t.language),
                      prof.languages.end());
          }
          ASSERT_LE(d.load(*got), prof.capacity);
          if (rng.chance(0.7)) d.release(*got, t.id, now);
        }
      }
    }
  }
}

}  // namespace
}  // namespace rcc::dispatch
