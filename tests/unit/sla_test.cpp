#include "calendar/sla.h"

#include <gtest/gtest.h>

#include "calendar/zones.h"
#include "test_center.h"

namespace rcc::calendar {
namespace {

using std::chrono::minutes;

model::Instant at(const char* iso) {
  return parse_instant(iso).value();
}

// Najd (KSA, Sun-Thu 08-17 Riyadh, Founding Day 22 Feb) and Eid from Tuesday 9 March (4 days).
struct Najd {
  model::Center center = testing::tiny_center();
  Najd() {
    center.calendars[0].holidays.push_back({"Eid al-Fitr", testing::d("2027-03-09"), 4, true, {}});
  }
  const model::Client& client() const { return center.clients[0]; }
  const model::HolidayCalendar& holidays() const { return center.calendars[0]; }
};

TEST(SlaDeadlines, BusinessHoursPriorityAcrossTheKsaWeekend) {
  const Najd najd;
  // P3 (120 business minutes) opened Thursday 7 Jan 16:30 Riyadh = 18:30 Karachi.
  const auto d = sla_deadlines(najd.client(), najd.holidays(), model::Priority::p3,
                               at("2027-01-07T16:30:00+03:00"));
  // 30 minutes on Thursday, then Sunday 08:00 + 90 = 09:30 Riyadh (11:30 Karachi).
  EXPECT_EQ(d.response, at("2027-01-10T09:30:00+03:00"));
  const auto both = on_both_clocks(d.response, najd.client());
  EXPECT_EQ(both.client_time, "2027-01-10T09:30:00+03:00");
  EXPECT_EQ(both.center_time, "2027-01-10T11:30:00+05:00");
  // Resolution, 1440 business minutes: 30 on Thursday, 540 on Sunday, 540 on Monday, and the
  // last 330 on Tuesday -> 13:30 Riyadh.
  EXPECT_EQ(d.resolution, at("2027-01-12T13:30:00+03:00"));
}

TEST(SlaDeadlines, AroundTheClockPriorityIgnoresWeekendsAndHolidays) {
  const Najd najd;
  const auto opened = at("2027-03-08T22:00:00+03:00");  // Monday night before Eid
  const auto d = sla_deadlines(najd.client(), najd.holidays(), model::Priority::p1, opened);
  EXPECT_EQ(d.response, opened + minutes{15});
  EXPECT_EQ(d.resolution, opened + minutes{240});
}

TEST(SlaDeadlines, HolidayAndPakistanOffset) {
  const Najd najd;
  // P3 opened Monday 8 March 16:00 Riyadh (18:00 Karachi): 60 minutes Monday, Eid Tuesday to
  // Friday, Saturday weekend: Sunday 14 March 09:00 Riyadh = 11:00 Karachi.
  const auto d = sla_deadlines(najd.client(), najd.holidays(), model::Priority::p3,
                               at("2027-03-08T18:00:00+05:00"));
  EXPECT_EQ(on_both_clocks(d.response, najd.client()).center_time, "2027-03-14T11:00:00+05:00");
}

TEST(SlaTimer, PausesWhileWaitingOnTheClient) {
  const Najd najd;
  const auto cal = sla_calendar(najd.client(), najd.holidays(), model::Priority::p3);
  SlaTimer timer(cal, minutes{120}, at("2027-01-10T08:00:00+03:00"));  // Sunday opening
  EXPECT_EQ(timer.deadline(), at("2027-01-10T10:00:00+03:00"));
  timer.pause(at("2027-01-10T08:30:00+03:00"));
  EXPECT_FALSE(timer.deadline().has_value());
  EXPECT_EQ(timer.elapsed(at("2027-01-10T16:00:00+03:00")), minutes{30});
  timer.pause(at("2027-01-10T09:00:00+03:00"));  // a second pause changes nothing
  timer.resume(at("2027-01-10T16:30:00+03:00"));
  // 30 counted, 90 left: 30 on Sunday until 17:00, 60 on Monday.
  EXPECT_EQ(timer.deadline(), at("2027-01-11T09:00:00+03:00"));
  EXPECT_EQ(timer.elapsed(at("2027-01-11T08:30:00+03:00")), minutes{90});
  EXPECT_FALSE(timer.breached(at("2027-01-11T09:00:00+03:00")));
  EXPECT_TRUE(timer.breached(at("2027-01-11T09:00:01+03:00")));
}

TEST(SlaTimer, UaeFridayHalfDay) {
  auto c = testing::tiny_center();
  auto& uae = c.clients[0];
  uae.timezone = "Asia/Dubai";
  uae.workweek = {};
  for (int day = 1; day <= 4; ++day) uae.workweek[day] = {8 * 60, 17 * 60};
  uae.workweek[5] = {8 * 60, 12 * 60};
  const auto cal = sla_calendar(uae, c.calendars[0], model::Priority::p4);
  // Opened Friday 11:00 Dubai, 120 business minutes: 60 on Friday, 60 on Monday.
  SlaTimer timer(cal, minutes{120}, at("2027-01-08T11:00:00+04:00"));
  EXPECT_EQ(timer.deadline(), at("2027-01-11T09:00:00+04:00"));
}

}  // namespace
}  // namespace rcc::calendar
