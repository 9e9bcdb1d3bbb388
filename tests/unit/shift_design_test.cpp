#include "forecast/shift_design.h"

#include <gtest/gtest.h>

#include "model/errors.h"
#include "model/random.h"

namespace rcc::forecast {
namespace {

using Week = std::array<int, model::kHoursPerWeek>;

Week covered_by(const ShiftDesign& d) {
  Week cover{};
  for (const auto& s : d.shifts) {
    for (int k = 0; k < s.length_minutes / 60; ++k) {
      cover[(s.day * 24 + s.start_minute / 60 + k) % model::kHoursPerWeek] += s.engineers;
    }
  }
  return cover;
}

TEST(ShiftDesign, RoundTheClockSingleEngineerNeedsTwentyOneEightHourShifts) {
  Week need;
  need.fill(1);
  const auto d = design_shifts(need, {{}, {480}, 60, 10});
  EXPECT_EQ(d.status, lp::SolveStatus::optimal);
  EXPECT_EQ(d.engineer_minutes, 168 * 60);
  int shifts = 0;
  for (const auto& s : d.shifts) shifts += s.engineers;
  EXPECT_EQ(shifts, 21);
}

TEST(ShiftDesign, BusinessDayPicksTheNineHourShift) {
  Week need{};
  for (int h = 8; h < 17; ++h) need[h] = 2;  // Monday 08:00-17:00
  const auto d = design_shifts(need);
  ASSERT_EQ(d.shifts.size(), 1u);
  EXPECT_EQ(d.shifts[0].day, 0);
  EXPECT_EQ(d.shifts[0].start_minute, 8 * 60);
  EXPECT_EQ(d.shifts[0].length_minutes, 540);
  EXPECT_EQ(d.shifts[0].engineers, 2);
  EXPECT_EQ(d.engineer_minutes, 2 * 540);
}

TEST(ShiftDesign, SundayNightShiftCoversMondayMorning) {
  Week need{};
  for (int h = 166; h < 168; ++h) need[h] = 1;  // Sunday 22:00-24:00
  for (int h = 0; h < 6; ++h) need[h] = 1;      // Monday 00:00-06:00
  const auto d = design_shifts(need, {{}, {480}, 60, 10});
  ASSERT_EQ(d.shifts.size(), 1u);
  EXPECT_EQ(d.shifts[0].day, 6);
  EXPECT_EQ(d.shifts[0].start_minute, 22 * 60);
}

// Random days: the plan covers every hour, CBC proves it optimal, and it never costs more than a
// simple feasible plan (the peak of each 8-hour block).
TEST(ShiftDesign, CoversEveryHourAndBeatsASimplePlan) {
  model::Rng rng(5);
  for (int trial = 0; trial < 20; ++trial) {
    Week need{};
    for (int h = 6; h < 20; ++h) need[h] = rng.between(0, 2);
    const auto d = design_shifts(need, {{}, {480}, 60, 10});
    const auto cover = covered_by(d);
    for (int h = 0; h < model::kHoursPerWeek; ++h) ASSERT_GE(cover[h], need[h]) << h;
    EXPECT_EQ(d.status, lp::SolveStatus::optimal);
    EXPECT_GE(static_cast<double>(d.engineer_minutes), d.lower_bound_minutes - 1e-6);
    long greedy = 0;
    for (int start = 6; start < 20; start += 8) {
      int block_peak = 0;
      for (int h = start; h < start + 8; ++h) block_peak = std::max(block_peak, need[h]);
      greedy += block_peak * 480L;
    }
    EXPECT_LE(d.engineer_minutes, greedy);
  }
}

TEST(ShiftDesign, OnlyTheGivenPatterns) {
  // The center's own shift types: 06:00 and 14:00 for 9 h, 22:00 for 9 h (night).
  Week need{};
  for (int d = 0; d < 7; ++d) {
    for (int h = 0; h < 24; ++h) need[d * 24 + h] = (h >= 9 && h < 18) ? 3 : 1;
  }
  ShiftDesignOptions options;
  options.patterns = {{360, 540}, {840, 540}, {1320, 540}};
  const auto d = design_shifts(need, options);
  EXPECT_EQ(d.status, lp::SolveStatus::optimal);
  const auto cover = covered_by(d);
  for (int h = 0; h < model::kHoursPerWeek; ++h) ASSERT_GE(cover[h], need[h]) << h;
  for (const auto& s : d.shifts) {
    EXPECT_TRUE(s.start_minute == 360 || s.start_minute == 840 || s.start_minute == 1320);
  }
  // 09:00-18:00 needs 3: the 06:00 shift (to 15:00) and the 14:00 shift (from 14:00) must both
  // carry 3 around the hand-over, the night shift 1: 7 x (3 + 3 + 1) shifts of 9 h.
  EXPECT_EQ(d.engineer_minutes, 7L * 7 * 540);
  options.patterns = {{360, 450}};
  EXPECT_THROW(design_shifts(need, options), model::BadInput);
}

TEST(ShiftDesign, RejectsBrokenOptionsAndHandlesNoDemand) {
  Week need{};
  EXPECT_TRUE(design_shifts(need).shifts.empty());
  need[3] = 1;
  EXPECT_THROW(design_shifts(need, {{}, {450}, 60, 10}), std::invalid_argument);
  EXPECT_THROW(design_shifts(need, {{}, {480}, 30, 10}), std::invalid_argument);
}

}  // namespace
}  // namespace rcc::forecast
