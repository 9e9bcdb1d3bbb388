#include <gtest/gtest.h>

#include "model/invariants.h"
#include "test_center.h"

namespace rcc {
namespace {

using model::EntityKind;
using testing::d;
using testing::tiny_center;

TEST(ModelInvariants, TinyCenterIsValid) {
  EXPECT_TRUE(model::check_invariants(tiny_center()).empty());
}

TEST(ModelInvariants, SkillLevelOutsideOneToFive) {
  auto c = tiny_center();
  c.engineers[1].skills[1].level = 6;
  const auto problems = model::check_invariants(c);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where.kind, EntityKind::engineer);
  EXPECT_EQ(problems[0].where.index, 1);
  EXPECT_EQ(problems[0].field, "skills");
  EXPECT_NE(problems[0].message.find("6 is outside 1..5"), std::string::npos);
}

TEST(ModelInvariants, DuplicateIdsAreReportedOnTheSecondOccurrence) {
  auto c = tiny_center();
  c.engineers[2].id = "E1";
  const auto problems = model::check_invariants(c);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where.index, 2);
  EXPECT_EQ(problems[0].message, "duplicate id \"E1\"");
}

TEST(ModelInvariants, LeaveEndingBeforeItStarts) {
  auto c = tiny_center();
  c.engineers[0].leave[0] = {d("2027-02-14"), d("2027-02-01")};
  const auto problems = model::check_invariants(c);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "leave");
  EXPECT_NE(problems[0].message.find("before it starts"), std::string::npos);
}

TEST(ModelInvariants, OverlappingLeaveIsContradictory) {
  auto c = tiny_center();
  c.engineers[0].leave.push_back({d("2027-02-10"), d("2027-02-20")});
  const auto problems = model::check_invariants(c);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("overlap"), std::string::npos);
}

TEST(ModelInvariants, ProjectAndRolePeriods) {
  auto c = tiny_center();
  c.projects[0].roles[1].end = d("2027-04-30");  // past the project's end
  c.projects[0].roles[0].headcount = -2;
  const auto problems = model::check_invariants(c);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where.kind, EntityKind::role);
  EXPECT_EQ(problems[0].where.sub, 0);
  EXPECT_EQ(problems[0].field, "headcount");
  EXPECT_EQ(problems[1].where.sub, 1);
  EXPECT_NE(problems[1].message.find("outside the project period"), std::string::npos);

  c = tiny_center();
  c.projects[0].end = d("2027-01-15");
  c.projects[0].roles.clear();
  const auto p2 = model::check_invariants(c);
  ASSERT_EQ(p2.size(), 2u);
  EXPECT_EQ(p2[0].field, "end");
  EXPECT_EQ(p2[1].field, "roles");
}

TEST(ModelInvariants, SlaTargetsMustBePositiveAndOrdered) {
  auto c = tiny_center();
  c.clients[0].sla[2].resolution_minutes = 60;  // below the 120-minute response target
  auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "sla/P3");
  c.clients[0].sla[2] = {0, 0, model::SlaClock::business_hours, ""};
  p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("positive"), std::string::npos);
}

TEST(ModelInvariants, ClientNeedsABusinessDayAndACountryCode) {
  auto c = tiny_center();
  c.clients[0].workweek = {};
  c.clients[0].country = "KSA";
  const auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].field, "country");
  EXPECT_EQ(p[1].field, "workweek");
}

TEST(ModelInvariants, ForecastRatesHandleTimesAndMix) {
  auto c = tiny_center();
  c.forecast[0].arrivals_per_hour[7] = -1;
  c.forecast[0].mean_handle_minutes = 0;
  c.forecast[0].priority_mix = {0.5, 0.5, 0.5, 0};
  const auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].field, "mean_handle_minutes");
  EXPECT_EQ(p[1].field, "arrivals_per_hour/7");
  EXPECT_EQ(p[2].field, "priority_mix");
}

TEST(ModelInvariants, ForecastForASkillNobodyHas) {
  auto c = tiny_center();
  c.forecast[0].skill = 0;
  c.engineers[0].skills = {{1, 3}};
  c.engineers[1].skills = {{1, 2}};
  const auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].where.kind, EntityKind::forecast);
  EXPECT_EQ(p[0].field, "skill");
  EXPECT_NE(p[0].message.find("no engineer has skill \"ran.5g\""), std::string::npos);
}

TEST(ModelInvariants, ContractLimits) {
  auto c = tiny_center();
  c.contracts[0].fte = 1.5;
  c.contracts[0].max_minutes_per_week = 300;  // below the daily maximum of 600
  const auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].field, "fte");
  EXPECT_EQ(p[1].field, "max_minutes_per_week");
}

TEST(ModelInvariants, OnlyTentativeHolidaysCanBeConfirmedElsewhere) {
  auto c = tiny_center();
  c.calendars[0].holidays[0].confirmed_first = d("2027-02-23");
  const auto p = model::check_invariants(c);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].where.kind, EntityKind::holiday);
  EXPECT_EQ(p[0].field, "confirmed_date");
}

TEST(ModelEngineer, LevelLanguageAndLeaveLookups) {
  const auto c = tiny_center();
  const auto& e = c.engineers[0];
  EXPECT_EQ(e.level(0), 4);
  EXPECT_EQ(e.level(1), 0);
  EXPECT_TRUE(e.speaks("ur"));
  EXPECT_FALSE(e.speaks("ar"));
  EXPECT_TRUE(e.on_leave(d("2027-02-01")));
  EXPECT_TRUE(e.on_leave(d("2027-02-14")));
  EXPECT_FALSE(e.on_leave(d("2027-02-15")));
  EXPECT_EQ(c.find_skill("core.ims"), 1);
  EXPECT_FALSE(c.find_skill("core.x").has_value());
}

}  // namespace
}  // namespace rcc
