#include "dispatch/live_center.h"

#include <gtest/gtest.h>

#include "calendar/zones.h"
#include "test_center.h"

namespace rcc::dispatch {
namespace {

using model::TicketStatus;
using std::chrono::minutes;

model::Instant at(const char* iso) {
  return calendar::parse_instant(iso).value();
}

// Monday 4 Jan 2027. Shift M is 06:00-15:00 Karachi (01:00-10:00 UTC), N 22:00-07:00 Karachi
// (17:00-02:00 UTC). E1 and E2 hold ran.5g (skill 0); only E2 speaks Arabic.
struct Live {
  model::Center center = testing::tiny_center();
  LiveCenter live{center, [] {
                    LiveOptions o;
                    o.capacity = 2;
                    return o;
                  }()};
  void roster(std::vector<model::PublishedShift> shifts, model::Instant now) {
    live.publish_roster(std::move(shifts), now, "test");
  }
  NewTicket ticket(model::Priority p, model::SkillIdx skill = 0) {
    NewTicket n;
    n.client = 0;
    n.skill = skill;
    n.priority = p;
    n.title = "t";
    return n;
  }
  bool has_event(const Change& c, const std::string& kind) {
    for (const auto& e : c.events) {
      if (e.kind == kind) return true;
    }
    return false;
  }
};

const auto kMonday = testing::d("2027-01-04");

TEST(LiveCenter, RoutesANewTicketToAQualifiedEngineerOnShift) {
  Live s;
  s.roster({{1, kMonday, 0, 0}}, at("2027-01-04T03:00:00Z"));
  const auto c = s.live.create(s.ticket(model::Priority::p2), at("2027-01-04T03:00:00Z"), "a");
  ASSERT_EQ(c.tickets.size(), 1U);
  EXPECT_EQ(c.tickets[0].status, TicketStatus::assigned);
  EXPECT_EQ(c.tickets[0].engineer, 1);
  // P2 is 30 minutes around the clock.
  EXPECT_EQ(c.tickets[0].response_due, at("2027-01-04T03:30:00Z"));
  EXPECT_TRUE(s.has_event(c, "created"));
  EXPECT_TRUE(s.has_event(c, "assigned"));
}

TEST(LiveCenter, ArabicP1GoesOnlyToAnArabicSpeaker) {
  Live s;
  s.roster({{0, kMonday, 0, 0}}, at("2027-01-04T03:00:00Z"));  // E1: no Arabic
  auto c = s.live.create(s.ticket(model::Priority::p1), at("2027-01-04T03:00:00Z"), "a");
  EXPECT_EQ(c.tickets[0].status, TicketStatus::open);
  EXPECT_EQ(c.tickets[0].language, "ar");
  s.roster({{0, kMonday, 0, 0}, {1, kMonday, 0, 0}}, at("2027-01-04T03:05:00Z"));
  EXPECT_EQ(s.live.find(c.tickets[0].id)->engineer, 1);
}

TEST(LiveCenter, HandsTicketsOverWhenAShiftEndsAndPullsThemWhenOneStarts) {
  Live s;
  s.roster({{1, kMonday, 0, 0}, {0, kMonday, 1, 0}}, at("2027-01-04T03:00:00Z"));
  const auto id =
      s.live.create(s.ticket(model::Priority::p3), at("2027-01-04T03:00:00Z"), "a").tickets[0].id;
  ASSERT_EQ(s.live.find(id)->engineer, 1);
  s.live.act(id, Action::accept, std::nullopt, at("2027-01-04T03:10:00Z"), "e");
  auto c = s.live.tick(at("2027-01-04T10:00:00Z"));  // E2's shift ends, nobody else on
  EXPECT_TRUE(s.has_event(c, "handed_over"));
  EXPECT_EQ(s.live.find(id)->status, TicketStatus::open);
  EXPECT_FALSE(s.live.find(id)->engineer.has_value());
  c = s.live.tick(at("2027-01-04T17:00:00Z"));  // E1's night shift starts
  EXPECT_EQ(s.live.find(id)->engineer, 0);
  EXPECT_EQ(s.live.find(id)->status, TicketStatus::assigned);
  EXPECT_TRUE(s.live.find(id)->responded_at.has_value());  // the response was met before
}

TEST(LiveCenter, EscalatesWhenTheResponseIsAtRiskThenBreached) {
  Live s;
  const auto t0 = at("2027-01-04T12:00:00Z");  // nobody on shift
  const auto id = s.live.create(s.ticket(model::Priority::p2), t0, "a").tickets[0].id;
  EXPECT_TRUE(s.live.tick(t0 + minutes{22}).empty());
  auto c = s.live.tick(t0 + minutes{23});  // 30 min target, at risk under 25 % = 7.5 min left
  EXPECT_TRUE(s.has_event(c, "escalated"));
  EXPECT_EQ(s.live.find(id)->escalation, model::Escalation::at_risk);
  c = s.live.tick(t0 + minutes{31});
  EXPECT_EQ(s.live.find(id)->escalation, model::Escalation::breached);
  EXPECT_TRUE(s.live.sla(*s.live.find(id), t0 + minutes{31}).response_breached);
  EXPECT_EQ(s.live.counts().escalations, 2);
}

TEST(LiveCenter, WaitingOnTheClientPausesTheResolutionClock) {
  Live s;
  const auto t0 = at("2027-01-04T03:00:00Z");
  s.roster({{1, kMonday, 0, 0}}, t0);
  const auto id = s.live.create(s.ticket(model::Priority::p2), t0, "a").tickets[0].id;
  const auto due = s.live.find(id)->resolution_due;  // 480 minutes around the clock
  EXPECT_EQ(due, t0 + minutes{480});
  s.live.act(id, Action::accept, std::nullopt, t0 + minutes{5}, "e");
  s.live.act(id, Action::wait_on_client, std::nullopt, t0 + minutes{60}, "e");
  EXPECT_TRUE(s.live.sla(*s.live.find(id), t0 + minutes{100}).resolution_paused);
  s.live.act(id, Action::resume, std::nullopt, t0 + minutes{180}, "c");
  EXPECT_EQ(s.live.find(id)->resolution_due, due + minutes{120});
  s.live.act(id, Action::resolve, std::nullopt, t0 + minutes{200}, "e");
  EXPECT_TRUE(s.live.sla(*s.live.find(id), t0 + minutes{300}).resolution_met);
  EXPECT_EQ(s.live.load(1), 0);  // resolving frees the engineer's slot
}

TEST(LiveCenter, RefusesTransitionsTheStatusDoesNotAllow) {
  Live s;
  const auto t0 = at("2027-01-04T03:00:00Z");
  s.roster({{1, kMonday, 0, 0}}, t0);
  const auto id = s.live.create(s.ticket(model::Priority::p3), t0, "a").tickets[0].id;
  const auto kind = [&](Action a, std::optional<model::EngineerIdx> e = std::nullopt) {
    try {
      s.live.act(id, a, e, t0, "x");
    } catch (const Rejected& r) {
      return static_cast<int>(r.kind);
    }
    return -1;
  };
  EXPECT_EQ(kind(Action::resolve), static_cast<int>(Rejected::Kind::conflict));
  EXPECT_EQ(kind(Action::close), static_cast<int>(Rejected::Kind::conflict));
  EXPECT_EQ(kind(Action::resume), static_cast<int>(Rejected::Kind::conflict));
  EXPECT_EQ(kind(Action::assign, 2), static_cast<int>(Rejected::Kind::conflict));  // no ran.5g
  EXPECT_EQ(kind(Action::assign, 0), static_cast<int>(Rejected::Kind::conflict));  // off shift
  EXPECT_THROW(s.live.act(999, Action::accept, std::nullopt, t0, "x"), Rejected);
  EXPECT_EQ(s.live.find(id)->status, TicketStatus::assigned);  // nothing changed
}

// The transition table: each action walks a ticket through the statuses it allows, and every
// other action is refused there with what it needs named.
TEST(LiveCenter, ActionsFollowTheTransitionTable) {
  Live s;
  const auto t0 = at("2027-01-04T03:00:00Z");
  s.roster({{1, kMonday, 0, 0}}, t0);
  const auto id = s.live.create(s.ticket(model::Priority::p3), t0, "a").tickets[0].id;
  const std::pair<Action, TicketStatus> walk[] = {{Action::accept, TicketStatus::in_progress},
                                                  {Action::wait_on_client,
                                                   TicketStatus::waiting_on_client},
                                                  {Action::resume, TicketStatus::in_progress},
                                                  {Action::resolve, TicketStatus::resolved},
                                                  {Action::close, TicketStatus::closed}};
  for (const auto& [next, after] : walk) {
    const auto before = s.live.find(id)->status;
    for (const auto& rule : kActionRules) {
      if (takes_from(rule.action, before) || rule.action == Action::assign) continue;
      try {
        s.live.act(id, rule.action, std::nullopt, t0, "x");
        ADD_FAILURE() << rule.name << " taken from " << model::status_name(before);
      } catch (const Rejected& r) {
        EXPECT_EQ(r.kind, Rejected::Kind::conflict);
        EXPECT_NE(std::string(r.what()).find(action_needs(rule.action)), std::string::npos);
      }
    }
    ASSERT_TRUE(takes_from(next, before)) << action_name(next);
    s.live.act(id, next, std::nullopt, t0, "x");
    EXPECT_EQ(s.live.find(id)->status, after);
  }
  EXPECT_EQ(action_needs(Action::assign), "an open ticket");
  EXPECT_EQ(action_needs(Action::close), "status resolved");
  EXPECT_TRUE(may_take(model::UserRole::client, Action::close));
  EXPECT_FALSE(may_take(model::UserRole::client, Action::resolve));
  EXPECT_FALSE(may_take(model::UserRole::planner, Action::accept));
  for (const auto& rule : kActionRules) {
    EXPECT_EQ(action_from_name(rule.name), rule.action);
    EXPECT_EQ(&action_rule(rule.action), &rule);  // indexed by Action
  }
}

TEST(LiveCenter, RestoredTicketsStayWithEngineersStillOnShift) {
  Live before;
  const auto t0 = at("2027-01-04T03:00:00Z");
  before.roster({{1, kMonday, 0, 0}}, t0);
  const auto c = before.live.create(before.ticket(model::Priority::p3), t0, "a");
  Live after;
  after.roster({{1, kMonday, 0, 0}}, t0 + minutes{5});
  const auto restored = after.live.restore(c.tickets, t0 + minutes{5});
  EXPECT_TRUE(restored.empty());
  EXPECT_EQ(after.live.load(1), 1);
  EXPECT_EQ(after.live.next_id(), c.tickets[0].id + 1);
  Live later;  // restarted after E2's shift: the ticket is routed again (nobody: queued)
  later.roster({{1, kMonday, 0, 0}}, at("2027-01-04T11:00:00Z"));
  const auto moved = later.live.restore(c.tickets, at("2027-01-04T11:00:00Z"));
  EXPECT_EQ(later.live.find(c.tickets[0].id)->status, TicketStatus::open);
  EXPECT_TRUE(later.has_event(moved, "handed_over"));
}

}  // namespace
}  // namespace rcc::dispatch
