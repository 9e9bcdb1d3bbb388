#include "model/dates.h"

#include <gtest/gtest.h>

namespace rcc::model {
namespace {

TEST(Dates, ParsesOnlyRealCalendarDays) {
  EXPECT_TRUE(parse_date("2027-02-28"));
  EXPECT_FALSE(parse_date("2027-02-29"));  // 2027 is not a leap year
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-13-01"));
  EXPECT_FALSE(parse_date("2027-1-01"));
  EXPECT_FALSE(parse_date("27-01-01"));
  EXPECT_FALSE(parse_date("2027/01/01"));
  EXPECT_FALSE(parse_date(""));
  EXPECT_EQ(format_date(*parse_date("2027-03-09")), "2027-03-09");
}

TEST(Dates, ClockTimes) {
  EXPECT_EQ(parse_clock("08:30"), 510);
  EXPECT_EQ(parse_clock("24:00"), 1440);
  EXPECT_FALSE(parse_clock("24:30"));
  EXPECT_FALSE(parse_clock("8:30"));
  EXPECT_FALSE(parse_clock("08:60"));
  EXPECT_EQ(format_clock(510), "08:30");
}

TEST(Dates, Months) {
  EXPECT_EQ(month_start(*parse_date("2027-02-17")), *parse_date("2027-02-01"));
  EXPECT_EQ(next_month(*parse_date("2027-12-17")), *parse_date("2028-01-01"));
}

}  // namespace
}  // namespace rcc::model
