#include "report/roster_ics.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "calendar/zones.h"
#include "test_center.h"

namespace rcc::report {
namespace {

using testing::d;

struct ParsedEvent {
  long start_utc = 0, end_utc = 0;
  int sequence = 0;
  bool cancelled = false;
  std::string description;
};

// uid -> event, times through the VTIMEZONE the text carries (not libical's own zones).
std::map<std::string, ParsedEvent> parse(const std::string& ics) {
  std::map<std::string, ParsedEvent> events;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  EXPECT_NE(cal, nullptr);
  if (cal == nullptr) return events;
  icaltimezone* tz = icaltimezone_new();
  icaltimezone_set_component(tz, icalcomponent_new_clone(icalcomponent_get_first_component(
                                     cal, ICAL_VTIMEZONE_COMPONENT)));
  for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e != nullptr;
       e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    auto start =
        icalproperty_get_dtstart(icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY));
    auto end = icalproperty_get_dtend(icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY));
    start.zone = end.zone = nullptr;
    events[icalcomponent_get_uid(e)] = {
        static_cast<long>(icaltime_as_timet_with_zone(start, tz)),
        static_cast<long>(icaltime_as_timet_with_zone(end, tz)), icalcomponent_get_sequence(e),
        icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED, icalcomponent_get_description(e)};
  }
  icaltimezone_free(tz, 1);
  icalcomponent_free(cal);
  return events;
}

long utc(const char* iso) {
  return calendar::parse_instant(iso).value().time_since_epoch().count();
}

const model::Instant kStamp = calendar::parse_instant("2027-03-01T00:00:00Z").value();

// A center on a zone with summer time: a night shift across the change lasts its 9 hours, so it
// ends at 08:00 summer time, not 07:00.
TEST(RosterIcs, NightShiftAcrossSummerTimeKeepsItsLength) {
  auto center = testing::tiny_center();
  center.timezone = "Europe/Berlin";
  const std::vector<model::PublishedShift> shifts{
      {0, d("2027-03-27"), 1, 1}, {0, d("2027-03-29"), 0, 0}, {1, d("2027-03-29"), 0, 0}};
  const auto events = parse(roster_calendar(center, 0, shifts, {}, kStamp));
  ASSERT_EQ(events.size(), 2U);  // E1's shifts only
  const auto& night = events.at("tiny.E1.20270327@rcc");
  EXPECT_EQ(night.start_utc, utc("2027-03-27T21:00:00Z"));  // 22:00 CET
  EXPECT_EQ(night.end_utc, utc("2027-03-28T06:00:00Z"));    // 08:00 CEST
  EXPECT_EQ(events.at("tiny.E1.20270329@rcc").start_utc, utc("2027-03-29T04:00:00Z"));
  // A shift of a skill clients need says when it is in the client's own time.
  EXPECT_NE(night.description.find("Najd Telecom (Asia/Riyadh): Sun 28 Mar 00:00-09:00"),
            std::string::npos)
      << night.description;
}

TEST(RosterIcs, RepublishingRaisesSequenceOnlyWhereAShiftChanged) {
  const auto center = testing::tiny_center();
  const std::vector<model::PublishedShift> first{
      {0, d("2027-03-01"), 0, 0}, {0, d("2027-03-02"), 0, 0}, {0, d("2027-03-03"), 0, 0}};
  const auto v1 = roster_calendar(center, 0, first, {}, kStamp);
  const auto before = parse(v1);
  // The 2nd becomes a night shift, the 3rd is dropped, the 4th is new.
  const std::vector<model::PublishedShift> second{
      {0, d("2027-03-01"), 0, 0}, {0, d("2027-03-02"), 1, 1}, {0, d("2027-03-04"), 0, 0}};
  const auto v2 = roster_calendar(center, 0, second, read_published_events(v1), kStamp);
  const auto after = parse(v2);
  ASSERT_EQ(after.size(), 4U);
  EXPECT_EQ(after.at("tiny.E1.20270301@rcc").sequence, 0);
  EXPECT_EQ(after.at("tiny.E1.20270302@rcc").sequence, 1);
  EXPECT_NE(after.at("tiny.E1.20270302@rcc").start_utc,
            before.at("tiny.E1.20270302@rcc").start_utc);
  EXPECT_TRUE(after.at("tiny.E1.20270303@rcc").cancelled);
  EXPECT_EQ(after.at("tiny.E1.20270303@rcc").sequence, 1);
  EXPECT_EQ(after.at("tiny.E1.20270304@rcc").sequence, 0);
  // Published again unchanged: nothing moves, the cancelled event stays cancelled.
  const auto again = parse(roster_calendar(center, 0, second, read_published_events(v2), kStamp));
  for (const auto& [uid, event] : after) {
    EXPECT_EQ(again.at(uid).sequence, event.sequence) << uid;
    EXPECT_EQ(again.at(uid).cancelled, event.cancelled) << uid;
  }
}

TEST(RosterIcs, RejectsTextThatIsNoCalendarAndNamesFilesSafely) {
  EXPECT_THROW(read_published_events("hello"), std::invalid_argument);
  EXPECT_EQ(calendar_file_name("E00042"), "E00042.ics");
  EXPECT_EQ(calendar_file_name("../x/y"), "_.._x_y.ics");
}

}  // namespace
}  // namespace rcc::report
