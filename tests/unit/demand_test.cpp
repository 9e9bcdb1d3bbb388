#include "forecast/demand.h"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/erlang.h"
#include "test_center.h"

namespace rcc::forecast {
namespace {

using testing::d;

TEST(Demand, ClientHoursLandOnPakistanHours) {
  auto c = testing::tiny_center();  // Najd, Asia/Riyadh (UTC+3); Pakistan is UTC+5
  auto& f = c.forecast[0];
  f.arrivals_per_hour.fill(0);
  f.arrivals_per_hour[10] = 6;           // Monday 10:00-11:00 Riyadh = Monday 12:00-13:00 Karachi
  f.arrivals_per_hour[4 * 24 + 23] = 3;  // Friday 23:00 Riyadh = Saturday 01:00 Karachi
  const auto needs = required_engineers(c, {}, d("2027-01-01"));  // a Friday: week of Mon 4 Jan
  ASSERT_EQ(needs.size(), 1u);
  const auto& n = needs[0];
  EXPECT_EQ(n.skill, 1);
  EXPECT_DOUBLE_EQ(n.arrivals[12], 6);
  EXPECT_DOUBLE_EQ(n.arrivals[5 * 24 + 1], 3);
  double total = 0;
  for (double a : n.arrivals) total += a;
  EXPECT_DOUBLE_EQ(total, 9);
  EXPECT_EQ(n.engineers[11], 0);
  EXPECT_GT(n.engineers[12], 0);
}

TEST(Demand, ErlangStaffingGrossedUpForShrinkage) {
  auto c = testing::tiny_center();
  auto& f = c.forecast[0];
  f.arrivals_per_hour.fill(6);    // 6 an hour
  f.mean_handle_minutes = 40;     // 4 Erlangs
  f.priority_mix = {0, 0, 0, 1};  // all P4: answer within 480 minutes
  const auto needs = required_engineers(c, {0.8, 0.0}, d("2027-01-04"));
  const Load load{6.0 / 60, 1.0 / 40};
  const int n = *min_servers_erlang_c(load, 480, 0.8);
  EXPECT_EQ(needs[0].engineers[50], n);
  EXPECT_NEAR(needs[0].erlangs[50], 4.0, 1e-12);
  const auto shrunk = required_engineers(c, {0.8, 0.25}, d("2027-01-04"));
  EXPECT_EQ(shrunk[0].engineers[50], static_cast<int>(std::ceil(n / 0.75)));
  // center.json coverage: core.ims on the night shift N (22:00 + 9 h) with 1 engineer.
  EXPECT_EQ(needs[0].covered[22], 1);
  EXPECT_EQ(needs[0].covered[24 + 6], 1);  // Tuesday 06:00, the end of Monday's night
  EXPECT_EQ(needs[0].covered[24 + 7], 0);
}

TEST(Demand, ShortfallsAndImpossibleTargets) {
  auto c = testing::tiny_center();
  c.forecast[0].arrivals_per_hour.fill(30);
  const auto needs = required_engineers(c, {}, d("2027-01-04"));
  const auto gaps = shortfalls(needs);
  ASSERT_FALSE(gaps.empty());
  EXPECT_EQ(gaps[0].skill, 1);
  EXPECT_GT(gaps[0].worst_gap, 10);
  EXPECT_THROW(required_engineers(c, {1.0, 0.3}, d("2027-01-04")), std::invalid_argument);
  EXPECT_THROW(required_engineers(c, {0.8, 1.0}, d("2027-01-04")), std::invalid_argument);
}

}  // namespace
}  // namespace rcc::forecast
