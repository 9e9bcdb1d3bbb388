#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <vector>

#include "model/random.h"
#include "roster/day_flow.h"

namespace rcc::roster {
namespace {

// `employees` employees and `shifts` shift types on a one-day problem with random cover.
Problem random_day(model::Rng& rng, int employees, int shifts) {
  Problem p;
  p.days = 1;
  for (int t = 0; t < shifts; ++t)
    p.shifts.push_back({std::string(1, static_cast<char>('A' + t)), 480, {}, false});
  p.employees.resize(employees);
  for (int t = 0; t < shifts; ++t) {
    p.cover.push_back({rng.between(0, 3), rng.between(0, 100), rng.between(0, 10)});
  }
  return p;
}

// The query's cell costs plus the day's cover, recomputed from the values.
long priced(const Problem& p, const DayFlowQuery& q, const std::vector<ShiftIdx>& values) {
  const int shifts = static_cast<int>(p.shifts.size());
  long cost = 0;
  std::vector<int> on(shifts, 0);
  for (size_t i = 0; i < values.size(); ++i) {
    cost += (*q.cost)[i * (shifts + 1) + 1 + values[i]];
    if (values[i] != kOff) ++on[values[i]];
  }
  for (int t = 0; t < shifts; ++t) {
    const auto& c = p.cover[t];
    const long over = c.over_weight + (q.over_surcharge != nullptr ? (*q.over_surcharge)[t] : 0);
    cost += on[t] < c.requirement ? static_cast<long>(c.requirement - on[t]) * c.under_weight
                                  : (on[t] - c.requirement) * over;
  }
  return cost;
}

// Every assignment of a value to each employee: the optimum the flow must find.
long enumerated_best(const Problem& p, const DayFlowQuery& q) {
  const int n = static_cast<int>(p.employees.size());
  const int width = static_cast<int>(p.shifts.size()) + 1;
  int combos = 1;
  for (int i = 0; i < n; ++i) combos *= width;
  std::optional<long> best;
  std::vector<ShiftIdx> values(n);
  for (int code = 0; code < combos; ++code) {
    bool allowed = true;
    for (int i = 0, c = code; i < n; ++i, c /= width) {
      values[i] = static_cast<ShiftIdx>(c % width - 1);
      allowed = allowed &&
                (*q.cost)[static_cast<size_t>(i) * width + c % width] != DayFlowQuery::kNoValue;
    }
    if (!allowed) continue;
    const long v = priced(p, q, values);
    if (!best || v < *best) best = v;
  }
  return *best;
}

TEST(RosterDayFlow, FindsTheBestDayThatEnumerationFinds) {
  model::Rng rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const auto p = random_day(rng, rng.between(1, 5), rng.between(1, 3));
    const int n = static_cast<int>(p.employees.size());
    const int width = static_cast<int>(p.shifts.size()) + 1;
    std::vector<long> cost(static_cast<size_t>(n) * width);
    for (int i = 0; i < n; ++i) {
      // Some values forbidden, never all of an employee's (off is forbidden at times too).
      const int kept = rng.below(width);
      for (int v = 0; v < width; ++v) {
        cost[static_cast<size_t>(i) * width + v] =
            v != kept && rng.chance(0.3) ? DayFlowQuery::kNoValue : rng.between(-20, 60);
      }
    }
    std::vector<long> surcharge;
    for (int t = 0; t < width - 1; ++t) surcharge.push_back(rng.between(0, 50));
    DayFlowQuery query;
    query.day = 0;
    query.cost = &cost;
    if (rng.chance(0.5)) query.over_surcharge = &surcharge;
    const auto answer = best_day(p, query);
    ASSERT_EQ(answer.values.size(), static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      ASSERT_NE(cost[static_cast<size_t>(i) * width + 1 + answer.values[i]], DayFlowQuery::kNoValue)
          << "trial " << trial << ": employee " << i << " took a forbidden value";
    }
    EXPECT_EQ(answer.cost, priced(p, query, answer.values)) << "trial " << trial;
    EXPECT_EQ(answer.cost, enumerated_best(p, query)) << "trial " << trial;
  }
}

TEST(RosterDayFlow, RefusesAnEmployeeWithoutAValue) {
  Problem p;
  p.days = 1;
  p.shifts = {{"E", 480, {}, false}};
  p.employees.resize(1);
  p.cover = {{1, 100, 1}};
  std::vector<long> cost(2, DayFlowQuery::kNoValue);
  DayFlowQuery query;
  query.cost = &cost;
  EXPECT_THROW(best_day(p, query), std::invalid_argument);
}

}  // namespace
}  // namespace rcc::roster
