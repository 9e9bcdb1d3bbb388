// Which open tickets breach if staffing stays as it is: the queue behind full engineers is late,
// a ticket with time to spare is not, and a skill nobody on shift holds never gets an answer.
#include "dispatch/breach_forecast.h"

#include <gtest/gtest.h>

#include "calendar/zones.h"
#include "test_center.h"

namespace rcc::dispatch {
namespace {

model::Instant at(const char* iso) {
  return calendar::parse_instant(iso).value();
}

// Monday 4 Jan 2027, 03:00 UTC: E2 (index 1, ran.5g level 3) is on shift M until 10:00 UTC and
// holds two tickets at once (core.ims at level 2 too); E1 and E3 are off.
struct Outlook : ::testing::Test {
  model::Center center = testing::tiny_center();
  LiveCenter live{center, [] {
                    LiveOptions o;
                    o.capacity = 2;
                    return o;
                  }()};
  model::Instant now = at("2027-01-04T03:00:00Z");
  void SetUp() override { live.publish_roster({{1, testing::d("2027-01-04"), 0, 0}}, now, "t"); }
  model::TicketId open(model::Priority p, model::SkillIdx skill = 0, int min_level = 1) {
    NewTicket n;
    n.client = 0;
    n.skill = skill;
    n.min_level = min_level;
    n.priority = p;
    n.title = "t";
    return live.create(n, now, "t").tickets.at(0).id;
  }
  TicketOutlook of(model::TicketId id) {
    for (const auto& o : forecast_breaches(center, live, now)) {
      if (o.ticket == id) return o;
    }
    ADD_FAILURE() << "no outlook for ticket " << id;
    return {};
  }
};

TEST_F(Outlook, TheQueueBehindAFullEngineerBreachesItsResponse) {
  const auto first = open(model::Priority::p2);
  open(model::Priority::p2);
  const auto third = open(model::Priority::p2);  // 30 minutes to respond; E2 is busy for 45
  EXPECT_FALSE(of(first).response_breach);
  EXPECT_EQ(of(first).expected_response, now);
  ASSERT_TRUE(of(third).expected_response.has_value());
  EXPECT_EQ(*of(third).expected_response, now + std::chrono::minutes(45));
  EXPECT_TRUE(of(third).response_breach);
}

TEST_F(Outlook, ATicketWithTimeToSpareDoesNotBreach) {
  open(model::Priority::p2);
  open(model::Priority::p2);
  const auto later = open(model::Priority::p3);  // business hours: hours to respond
  EXPECT_TRUE(of(later).expected_response.has_value());
  EXPECT_FALSE(of(later).response_breach);
}

TEST_F(Outlook, ASkillNobodyOnShiftHoldsNeverGetsAnAnswer) {
  const auto id = open(model::Priority::p2, 1, 3);  // core.ims level 3: E2 holds level 2
  EXPECT_FALSE(of(id).expected_response.has_value());
  EXPECT_TRUE(of(id).response_breach);
  EXPECT_TRUE(of(id).resolution_breach);
}

}  // namespace
}  // namespace rcc::dispatch
