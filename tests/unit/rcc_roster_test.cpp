#include "roster/rcc_roster.h"

#include <gtest/gtest.h>

#include "roster/solver.h"
#include "test_center.h"

namespace rcc::roster {
namespace {

TEST(RccRoster, SkillsLeaveAndRestBecomeTheRosterModel) {
  const auto c = testing::tiny_center();  // shifts M 06:00 and N 22:00, 9 h; rest 11-12 h
  // Every day: one ran.5g engineer on M, one core.ims engineer on N.
  std::vector<SkillShiftDemand> demand;
  for (int d = 0; d < 7; ++d) {
    demand.push_back({d, 0, 0, 1});
    demand.push_back({d, 1, 1, 1});
  }
  const auto rcc = build_rcc_roster(c, demand, testing::d("2027-02-01"), 2);
  ASSERT_EQ(rcc.types.size(), 2u);
  EXPECT_EQ(rcc.problem.shifts[0].id, "M/ran.5g");
  EXPECT_EQ(rcc.problem.employees.size(), 3u);
  // E1 holds only ran.5g: may not work N/core.ims. E3 only core.ims.
  EXPECT_GT(rcc.problem.employees[0].max_shifts[0], 0);
  EXPECT_EQ(rcc.problem.employees[0].max_shifts[1], 0);
  EXPECT_EQ(rcc.problem.employees[2].max_shifts[0], 0);
  // E1 is on leave 1-14 February: the first 14 days are days off.
  EXPECT_EQ(rcc.problem.employees[0].days_off.size(), 14u);
  // N (22:00-07:00) then M at 06:00 the next day: no rest at all -> forbidden.
  const auto& after_night = rcc.problem.shifts[1].forbidden_next;
  EXPECT_NE(std::find(after_night.begin(), after_night.end(), 0), after_night.end());
  EXPECT_EQ(rcc.problem.cover_of(3, 0).requirement, 1);
  EXPECT_EQ(rcc.problem.cover_of(10, 1).requirement, 1);

  SolveOptions o;
  o.max_iterations = 200000;
  o.time_limit_seconds = 30;
  const auto solved = solve(rcc.problem, o);
  EXPECT_TRUE(solved.evaluation.feasible());
  const auto s = summarize_rcc_roster(c, rcc, solved.roster);
  // E1 is on leave the whole fortnight. E2 (half time, 1500 min a week) can work 5 shifts of
  // 9 h, E3 (2880 min a week) 10: 15 of the 28 demanded places, so 13 stay unfilled at best.
  EXPECT_EQ(s.shifts, 15);
  EXPECT_EQ(s.unmet_cover, 13);
  EXPECT_EQ(s.unmet_cover, s.unmet_by_skill[0] + s.unmet_by_skill[1]);
  EXPECT_GE(s.unmet_by_skill[0], 9);  // only E2 may work ran.5g
}

TEST(RccRoster, NightsAreSharedOut) {
  auto c = testing::tiny_center();
  // Two ran.5g engineers on the standard contract, no leave; a night (N) to staff every day.
  c.engineers[0].leave.clear();
  c.engineers[1] = c.engineers[0];
  c.engineers[1].id = "E2";
  std::vector<SkillShiftDemand> demand;
  for (int d = 0; d < 7; ++d) demand.push_back({d, 1, 0, 1});
  const auto rcc = build_rcc_roster(c, demand, testing::d("2027-02-01"), 2);
  EXPECT_TRUE(rcc.problem.shifts[0].night);
  SolveOptions o;
  o.max_iterations = 300000;
  o.time_limit_seconds = 30;
  const auto solved = solve(rcc.problem, o);
  ASSERT_TRUE(solved.evaluation.feasible());
  const auto s = summarize_rcc_roster(c, rcc, solved.roster);
  EXPECT_EQ(s.unmet_cover, 0);
  EXPECT_EQ(s.min_nights, 7);  // 14 nights, 7 each
  EXPECT_EQ(s.max_nights, 7);
}

}  // namespace
}  // namespace rcc::roster
