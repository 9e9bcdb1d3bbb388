#include "staffing/capacity.h"

#include <gtest/gtest.h>

#include "test_center.h"

namespace rcc::staffing {
namespace {

using testing::d;

const SkillMonthBalance* find(const CapacitySummary& s, const char* month, model::SkillIdx skill) {
  for (const auto& b : s.balance) {
    if (b.month == d(month) && b.skill == skill) return &b;
  }
  return nullptr;
}

TEST(Capacity, HeadcountBySkillLevelAndCity) {
  const auto s = summarize_capacity(testing::tiny_center());
  EXPECT_EQ(s.engineers, 3);
  EXPECT_EQ(s.cities, (std::vector<std::string>{"Islamabad", "Karachi"}));
  EXPECT_EQ(s.engineers_by_city, (std::vector<int>{2, 1}));
  ASSERT_EQ(s.headcount.size(), 2u);
  EXPECT_EQ(s.headcount[0].by_level[4], 1);  // ran.5g: E1 at 4, E2 at 3
  EXPECT_EQ(s.headcount[0].by_level[3], 1);
  EXPECT_EQ(s.headcount[1].total, 2);  // core.ims: E2 (Islamabad), E3 (Karachi)
  EXPECT_EQ(s.headcount[1].by_city, (std::vector<int>{1, 1}));
  EXPECT_EQ(s.open_seats, 15 - 3);
}

TEST(Capacity, DemandAndQualifiedSupplyPerMonth) {
  const auto s = summarize_capacity(testing::tiny_center());
  // January: no project yet.
  EXPECT_EQ(find(s, "2027-01-01", 0), nullptr);
  // February, ran.5g at level >= 3: demand 2 x 1.0; supply E1 (on leave 14 of 28 days) + E2 (0.5
  // FTE).
  const auto* feb = find(s, "2027-02-01", 0);
  ASSERT_NE(feb, nullptr);
  EXPECT_EQ(feb->min_level, 3);
  EXPECT_DOUBLE_EQ(feb->demand_fte, 2.0);
  EXPECT_DOUBLE_EQ(feb->supply_fte, 0.5 + 0.5);
  EXPECT_DOUBLE_EQ(feb->gap_fte(), 1.0);
  // March, core.ims at level >= 2: demand 1 x 0.5; supply E2 only (E3 is level 1).
  const auto* mar = find(s, "2027-03-01", 1);
  ASSERT_NE(mar, nullptr);
  EXPECT_DOUBLE_EQ(mar->demand_fte, 0.5);
  EXPECT_DOUBLE_EQ(mar->supply_fte, 0.5);
  EXPECT_DOUBLE_EQ(mar->gap_fte(), 0.0);
}

TEST(Capacity, PartMonthRolesCountByActiveDays) {
  auto c = testing::tiny_center();
  c.projects[0].roles[0].start = d("2027-02-15");  // 14 of February's 28 days
  const auto s = summarize_capacity(c);
  EXPECT_DOUBLE_EQ(find(s, "2027-02-01", 0)->demand_fte, 1.0);
}

}  // namespace
}  // namespace rcc::staffing
