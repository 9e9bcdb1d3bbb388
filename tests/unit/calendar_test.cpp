#include <date/tz.h>
#include <gtest/gtest.h>

#include "calendar/business_calendar.h"
#include "calendar/zones.h"
#include "model/errors.h"
#include "test_center.h"

namespace rcc::calendar {
namespace {

using std::chrono::minutes;
using testing::d;

model::Instant at(const char* iso) {
  const auto t = parse_instant(iso);
  EXPECT_TRUE(t.has_value()) << iso;
  return t.value_or(model::Instant{});
}

model::Workweek sun_to_thu() {
  model::Workweek w{};
  for (int day = 0; day <= 4; ++day) w[day] = {8 * 60, 17 * 60};
  return w;
}

model::Workweek uae_week() {  // Monday to Thursday full days, Friday until noon
  model::Workweek w{};
  for (int day = 1; day <= 4; ++day) w[day] = {8 * 60, 17 * 60};
  w[5] = {8 * 60, 12 * 60};
  return w;
}

const model::Holiday eid{"Eid al-Fitr", d("2027-03-09"), 4, true, {}};

TEST(Zones, KarachiToRiyadhAndDubai) {
  const auto t = at("2027-03-10T09:00:00+05:00");  // 09:00 in Karachi
  EXPECT_EQ(t, at("2027-03-10T04:00:00Z"));
  EXPECT_EQ(format_local(t, zone("Asia/Karachi")), "2027-03-10T09:00:00+05:00");
  EXPECT_EQ(format_local(t, zone("Asia/Riyadh")), "2027-03-10T07:00:00+03:00");
  EXPECT_EQ(format_local(t, zone("Asia/Dubai")), "2027-03-10T08:00:00+04:00");
  // Back from Riyadh wall-clock time to the same instant.
  const auto riyadh = to_local(t, zone("Asia/Riyadh"));
  EXPECT_EQ(to_utc(riyadh, zone("Asia/Riyadh")), t);
}

TEST(Zones, UnknownZonesAreReportedNotGuessed) {
  EXPECT_EQ(find_zone("Asia/Riad"), nullptr);
  EXPECT_EQ(find_zone(""), nullptr);
  EXPECT_NE(find_zone("Asia/Baghdad"), nullptr);
  EXPECT_THROW(zone("Mars/Olympus"), model::BadInput);
}

TEST(Zones, LocalTimesSkippedByDaylightSavingMapToTheJump) {
  // New York, 2027-03-14: clocks jump from 02:00 EST to 03:00 EDT; 02:30 never happens.
  const auto& ny = zone("America/New_York");
  const date::local_seconds skipped{date::local_days{date::year{2027} / 3 / 14}.time_since_epoch() +
                                    std::chrono::minutes{150}};
  EXPECT_EQ(to_utc(skipped, ny), at("2027-03-14T07:00:00Z"));
}

TEST(Zones, ParseInstantRejectsGarbage) {
  EXPECT_FALSE(parse_instant("2027-03-10 09:00"));
  EXPECT_FALSE(parse_instant("2027-03-10T09:00:00+05:00 trailing"));
  EXPECT_FALSE(parse_instant(""));
}

TEST(BusinessCalendar, KsaSundayToThursdayVersusUaeMondayToFriday) {
  const BusinessCalendar ksa(zone("Asia/Riyadh"), sun_to_thu(), {});
  const BusinessCalendar uae(zone("Asia/Dubai"), uae_week(), {});
  // Thursday 2027-01-07 13:00 UTC: 16:00 in Riyadh (one business hour left), 17:00 in Dubai.
  const auto ticket = at("2027-01-07T13:00:00Z");
  // KSA: 60 minutes on Thursday, Friday and Saturday off, 60 more on Sunday: Sun 09:00 Riyadh.
  EXPECT_EQ(ksa.add_business_minutes(ticket, minutes{120}), at("2027-01-10T06:00:00Z"));
  // UAE: Thursday is over, Friday is a (half) working day: Fri 10:00 Dubai.
  EXPECT_EQ(uae.add_business_minutes(ticket, minutes{120}), at("2027-01-08T06:00:00Z"));
  // 300 minutes outrun the UAE Friday (240) and continue on Monday 09:00 Dubai.
  EXPECT_EQ(uae.add_business_minutes(ticket, minutes{300}), at("2027-01-11T05:00:00Z"));
  EXPECT_TRUE(ksa.is_business_day(d("2027-01-10")));  // Sunday
  EXPECT_FALSE(uae.is_business_day(d("2027-01-10")));
  EXPECT_FALSE(ksa.is_business_day(d("2027-01-08")));  // Friday
  EXPECT_TRUE(uae.is_business_day(d("2027-01-08")));
}

TEST(BusinessCalendar, HolidaySpanningTheWeekend) {
  // Eid from Tuesday 9 March for 4 days runs into the Friday-Saturday weekend: KSA reopens Sunday.
  const BusinessCalendar ksa(zone("Asia/Riyadh"), sun_to_thu(), {eid});
  const auto monday_late = at("2027-03-08T13:00:00Z");  // 16:00 Riyadh
  EXPECT_EQ(ksa.add_business_minutes(monday_late, minutes{120}), at("2027-03-14T06:00:00Z"));
  EXPECT_EQ(ksa.business_minutes_between(monday_late, at("2027-03-14T06:00:00Z")), minutes{120});
  for (const char* day : {"2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13"}) {
    EXPECT_FALSE(ksa.is_business_day(d(day))) << day;
  }
  EXPECT_TRUE(ksa.is_holiday(d("2027-03-12")));
  EXPECT_TRUE(ksa.is_business_day(d("2027-03-14")));
}

TEST(BusinessCalendar, TentativeHolidayConfirmedOnAnotherDay) {
  model::Holiday moved = eid;
  moved.days = 3;
  const BusinessCalendar planned(zone("Asia/Kuwait"), sun_to_thu(), {moved});
  moved.confirmed_first = d("2027-03-10");  // the moon was sighted a day later
  const BusinessCalendar confirmed(zone("Asia/Kuwait"), sun_to_thu(), {moved});
  EXPECT_FALSE(planned.is_business_day(d("2027-03-09")));
  EXPECT_TRUE(confirmed.is_business_day(d("2027-03-09")));
  EXPECT_FALSE(confirmed.is_business_day(d("2027-03-11")));
  EXPECT_TRUE(confirmed.is_holiday(d("2027-03-12")));
  EXPECT_FALSE(confirmed.is_holiday(d("2027-03-13")));
  // A P3 ticket at 16:00 Kuwait on Monday 8 March needing 4 business hours:
  // planned calendar -> Sunday 14th 11:00; confirmed -> Tuesday 9th 11:00.
  const auto ticket = at("2027-03-08T13:00:00Z");
  EXPECT_EQ(planned.add_business_minutes(ticket, minutes{240}), at("2027-03-14T08:00:00Z"));
  EXPECT_EQ(confirmed.add_business_minutes(ticket, minutes{240}), at("2027-03-09T08:00:00Z"));
}

TEST(BusinessCalendar, ForClientUsesItsZoneAndCalendar) {
  const auto center = testing::tiny_center();
  const auto cal = BusinessCalendar::for_client(center.clients[0], center.calendars[0]);
  EXPECT_FALSE(cal.is_business_day(d("2027-02-22")));  // Founding Day, a Monday
  EXPECT_TRUE(cal.is_business_day(d("2027-02-21")));   // Sunday
  EXPECT_EQ(cal.time_zone().name(), "Asia/Riyadh");
}

TEST(BusinessCalendar, StartsInsideOutsideAndAtTheEdges) {
  const BusinessCalendar ksa(zone("Asia/Riyadh"), sun_to_thu(), {});
  // Before opening: the clock starts at 08:00 Riyadh (05:00Z).
  EXPECT_EQ(ksa.add_business_minutes(at("2027-01-10T02:00:00Z"), minutes{30}),
            at("2027-01-10T05:30:00Z"));
  // Exactly at closing: nothing left today.
  EXPECT_EQ(ksa.add_business_minutes(at("2027-01-10T14:00:00Z"), minutes{1}),
            at("2027-01-11T05:01:00Z"));
  // A deadline that ends exactly at closing stays on that day.
  EXPECT_EQ(ksa.add_business_minutes(at("2027-01-10T13:00:00Z"), minutes{60}),
            at("2027-01-10T14:00:00Z"));
  EXPECT_EQ(ksa.add_business_minutes(at("2027-01-09T02:00:00Z"), minutes{0}),
            at("2027-01-09T02:00:00Z"));
  // Whole weeks: 5 days x 9 hours.
  EXPECT_EQ(ksa.business_minutes_between(at("2027-01-09T00:00:00Z"), at("2027-01-16T00:00:00Z")),
            minutes{5 * 9 * 60});
  EXPECT_EQ(ksa.business_minutes_between(at("2027-01-16T00:00:00Z"), at("2027-01-09T00:00:00Z")),
            minutes{-5 * 9 * 60});
}

TEST(BusinessCalendar, AddAndBetweenAgreeEverywhere) {
  const BusinessCalendar uae(zone("Asia/Dubai"), uae_week(), {eid});
  auto start = at("2027-03-01T00:00:00Z");
  for (int i = 0; i < 200; ++i) {
    start += std::chrono::minutes{97};  // walks through days, nights, weekends and the holiday
    const minutes n{(i * 37) % 1500 + 1};
    const auto end = uae.add_business_minutes(start, n);
    ASSERT_EQ(uae.business_minutes_between(start, end), n) << i;
  }
}

TEST(BusinessCalendar, AroundTheClockCountsEveryMinute) {
  const auto always = BusinessCalendar::around_the_clock();
  const auto t = at("2027-03-12T23:50:00Z");
  EXPECT_EQ(always.add_business_minutes(t, minutes{240}), t + std::chrono::hours{4});
  EXPECT_EQ(always.business_minutes_between(t, t + std::chrono::hours{30}), minutes{1800});
}

TEST(BusinessCalendar, NeverOpenIsAnErrorNotAnEndlessLoop) {
  const BusinessCalendar closed(zone("Asia/Riyadh"), model::Workweek{}, {});
  EXPECT_THROW(closed.add_business_minutes(at("2027-01-01T00:00:00Z"), minutes{1}),
               std::domain_error);
}

}  // namespace
}  // namespace rcc::calendar
