#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "curtois_instances.h"
#include "model/random.h"
#include "roster/evaluator.h"
#include "roster/row_dp.h"

namespace rcc::roster {
namespace {

// A random contract over `days` days with two shift types (one may not follow the other),
// tight enough that many rows break a rule.
Problem random_problem(model::Rng& rng, int days) {
  Problem p;
  p.days = days;
  p.shifts = {{"E", 480, {}, false}, {"L", 600, {}, false}};
  p.shifts[1].forbidden_next = {0};
  Employee e;
  e.id = "A";
  e.max_shifts = {rng.between(1, days), rng.between(0, days)};
  e.min_total_minutes = 480 * rng.between(0, 3);
  e.max_total_minutes = e.min_total_minutes + 480 * rng.between(1, 4);
  e.max_consecutive_shifts = rng.between(2, 5);
  e.min_consecutive_shifts = rng.between(1, 3);
  e.min_consecutive_days_off = rng.between(1, 3);
  e.max_weekends = rng.between(0, 1);
  if (rng.chance(0.5)) e.days_off = {rng.below(days)};
  p.employees = {e};
  return p;
}

double row_cost(const std::vector<double>& cost, const std::vector<ShiftIdx>& row, int width) {
  double sum = 0;
  for (size_t d = 0; d < row.size(); ++d) sum += cost[d * width + 1 + row[d]];
  return sum;
}

// Every row of 3^days, checked by the evaluator's rules: the optimum the programme must find.
std::optional<double> enumerated_best(const Problem& p, const std::vector<double>& cost,
                                      const std::vector<ShiftIdx>* fixed, int from, int to) {
  std::optional<double> best;
  std::vector<ShiftIdx> row(p.days);
  int combos = 1;
  for (int d = 0; d < p.days; ++d) combos *= 3;
  for (int code = 0; code < combos; ++code) {
    int c = code;
    bool keeps_fixed = true;
    for (int d = 0; d < p.days; ++d, c /= 3) {
      row[d] = static_cast<ShiftIdx>(c % 3 - 1);
      if (fixed != nullptr && (d < from || d >= to) && row[d] != (*fixed)[d]) keeps_fixed = false;
    }
    if (!keeps_fixed) continue;
    bool feasible = true;
    for_each_breach(p, 0, row, [&](const Breach&) { feasible = false; });
    if (!feasible) continue;
    const double v = row_cost(cost, row, 3);
    if (!best || v < *best) best = v;
  }
  return best;
}

TEST(RosterRowDp, FindsTheEnumeratedBestRow) {
  model::Rng rng(7);
  int found = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int days = trial % 3 == 0 ? 7 : 9;
    const auto p = random_problem(rng, days);
    std::vector<double> cost(static_cast<size_t>(days) * 3);
    for (auto& c : cost) c = rng.between(-20, 20) + 0.25 * rng.below(4);
    RowQuery q;
    q.cost = &cost;
    std::vector<ShiftIdx> fixed;
    if (trial % 2 == 1) {  // re-plan a window of the row against fixed days around it
      fixed.resize(days);
      for (auto& v : fixed) v = static_cast<ShiftIdx>(rng.below(3) - 1);
      q.fixed = &fixed;
      q.free_from = rng.below(days - 3);
      q.free_to = q.free_from + 3;
    }
    const auto expected = enumerated_best(p, cost, q.fixed, q.free_from, q.free_to);
    const auto answer = best_row(p, q);
    ASSERT_EQ(expected.has_value(), answer.has_value()) << "trial " << trial;
    if (!expected) continue;
    ++found;
    EXPECT_DOUBLE_EQ(answer->cost, *expected) << "trial " << trial;
    EXPECT_DOUBLE_EQ(row_cost(cost, answer->row, 3), answer->cost);
    for_each_breach(p, 0, answer->row, [&](const Breach& b) {
      ADD_FAILURE() << "trial " << trial << ": breaks " << rule_name(b.rule);
    });
  }
  EXPECT_GT(found, 100);  // the trials must not all be infeasible
}

TEST(RosterRowDp, SkipsValuesWithInfiniteCost) {
  model::Rng rng(3);
  auto p = random_problem(rng, 7);
  p.employees[0] = {"A", {7, 7}, 7 * 600, 0, 7, 1, 1, 2, {}};
  std::vector<double> cost(21, 0.0);
  for (int d = 0; d < 7; ++d) cost[d * 3 + 1] = -1;           // E pays
  cost[2 * 3 + 1] = std::numeric_limits<double>::infinity();  // but not on day 2
  const auto answer = best_row(p, {0, &cost});
  ASSERT_TRUE(answer.has_value());
  EXPECT_NE(answer->row[2], 0);
  EXPECT_EQ(answer->cost, -6);
}

// With a cost per half-worked weekend the programme finds the cheapest row by the cost plus
// that term (against all 3^days rows), windows ending on a Saturday included, and its answer's
// cost is what half_weekend_penalty says it adds.
TEST(RosterRowDp, WeighsHalfWorkedWeekends) {
  model::Rng rng(19);
  int found = 0, halves_avoided = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int days = trial % 3 == 0 ? 7 : 9;
    auto p = random_problem(rng, days);
    p.employees[0].max_weekends = 1;
    std::vector<double> cost(static_cast<size_t>(days) * 3);
    for (auto& c : cost) c = rng.between(-20, 20) + 0.25 * rng.below(4);
    const double half = rng.between(5, 40);
    RowQuery q;
    q.cost = &cost;
    q.half_weekend_cost = half;
    std::vector<ShiftIdx> fixed;
    if (trial % 2 == 1) {
      fixed.resize(days);
      for (auto& v : fixed) v = static_cast<ShiftIdx>(rng.below(3) - 1);
      q.fixed = &fixed;
      q.free_from = trial % 4 == 1 ? 3 : rng.below(days - 3);
      q.free_to = trial % 4 == 1 ? 6 : q.free_from + 3;  // 6: Sunday fixed, Saturday free
    }
    std::optional<double> expected;
    std::vector<ShiftIdx> row(days);
    int combos = 1;
    for (int d = 0; d < days; ++d) combos *= 3;
    bool plain_best_is_half = false;
    std::optional<double> plain;
    for (int code = 0; code < combos; ++code) {
      int c = code;
      bool keeps_fixed = true;
      for (int d = 0; d < days; ++d, c /= 3) {
        row[d] = static_cast<ShiftIdx>(c % 3 - 1);
        if (q.fixed != nullptr && (d < q.free_from || d >= q.free_to) && row[d] != fixed[d])
          keeps_fixed = false;
      }
      if (!keeps_fixed) continue;
      bool feasible = true;
      for_each_breach(p, 0, row, [&](const Breach&) { feasible = false; });
      if (!feasible) continue;
      const double v = row_cost(cost, row, 3) + half * testing::half_worked_weekends(row);
      if (!expected || v < *expected) expected = v;
      if (!plain || row_cost(cost, row, 3) < *plain) {
        plain = row_cost(cost, row, 3);
        plain_best_is_half = testing::half_worked_weekends(row) > 0;
      }
    }
    const auto answer = best_row(p, q);
    ASSERT_EQ(expected.has_value(), answer.has_value()) << "trial " << trial;
    if (!expected) continue;
    ++found;
    EXPECT_DOUBLE_EQ(
        row_cost(cost, answer->row, 3) + half * testing::half_worked_weekends(answer->row),
        *expected)
        << "trial " << trial;
    EXPECT_DOUBLE_EQ(answer->cost,
                     row_cost(cost, answer->row, 3) + half_weekend_penalty(p, q, answer->row))
        << "trial " << trial;
    halves_avoided += plain_best_is_half && testing::half_worked_weekends(answer->row) == 0 ? 1 : 0;
  }
  EXPECT_GT(found, 100);
  EXPECT_GT(halves_avoided, 5);  // the term changed the answer, so the check meant something
}

}  // namespace
}  // namespace rcc::roster
