#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "curtois_instances.h"
#include "model/random.h"
#include "roster/benchmark_format.h"
#include "roster/row_ledger.h"

namespace rcc::roster {
namespace {

Problem instance3() {
  return testing::curtois_instance("Instance3");
}

// Requests, fairness and change penalties recomputed over the whole row, independently.
long soft_by_scan(const Problem& p, int i, const std::vector<ShiftIdx>& row, long fairness,
                  const Roster& published, long penalty) {
  long cost = 0, nights = 0, weekend_days = 0, changes = 0;
  for (const auto& r : p.on_requests) {
    if (r.employee == i && row[r.day] != r.shift) cost += r.weight;
  }
  for (const auto& r : p.off_requests) {
    if (r.employee == i && row[r.day] == r.shift) cost += r.weight;
  }
  for (int d = 0; d < p.days; ++d) {
    changes += row[d] != published[i][d] ? 1 : 0;
    if (row[d] == kOff) continue;
    nights += p.shifts[row[d]].night ? 1 : 0;
    weekend_days += d % 7 >= 5 ? 1 : 0;
  }
  return cost + fairness * (nights * nights + weekend_days * weekend_days) + changes * penalty;
}

// Every cell change, priced from the days it touches, against the whole row priced afresh, on
// the contracts of Instance 3 tightened so that every rule (border runs included) is broken
// often: the ledger must equal the reference after each of thousands of random changes.
TEST(RowLedger, EqualsTheWholeRowAfterEveryChange) {
  auto p = instance3();
  ASSERT_GE(p.shifts.size(), 2u);
  p.shifts[1].night = true;
  p.shifts[0].forbidden_next.push_back(1);
  model::Rng rng(11);
  for (auto& e : p.employees) {
    e.max_consecutive_shifts = rng.between(2, 4);
    e.min_consecutive_shifts = rng.between(2, 3);
    e.min_consecutive_days_off = rng.between(2, 3);
    e.max_weekends = rng.between(0, 1);
    e.days_off = {rng.below(p.days), rng.below(p.days)};
  }
  Roster published = empty_roster(p);
  for (auto& row : published) {
    for (auto& c : row)
      c = static_cast<ShiftIdx>(rng.below(static_cast<int>(p.shifts.size()) + 1) - 1);
  }
  const RequestIndex requests(p);
  const RowTerms terms{&requests, 3, &published, 7};
  Roster roster = empty_roster(p);
  long checks = 0, halves = 0;
  for (int i = 0; i < static_cast<int>(p.employees.size()); ++i) {
    RowLedger ledger(p, i, terms, roster[i]);
    for (int step = 0; step < 400; ++step) {
      const int day = rng.below(p.days);
      // Runs of work and rest appear by favouring the value of a neighbour.
      const ShiftIdx value =
          rng.chance(0.4) && day > 0
              ? roster[i][day - 1]
              : static_cast<ShiftIdx>(rng.below(static_cast<int>(p.shifts.size()) + 1) - 1);
      ledger.set(day, value);
      ASSERT_EQ(roster[i][day], value);
      ASSERT_EQ(ledger.hard(), hard_amount(p, i, roster[i]))
          << "employee " << i << " step " << step;
      ASSERT_EQ(ledger.soft(), soft_by_scan(p, i, roster[i], 3, published, 7));
      ASSERT_EQ(ledger.half_weekends(), testing::half_worked_weekends(roster[i]));
      halves += ledger.half_weekends() > 0 ? 1 : 0;
      checks += ledger.hard() > 0 ? 1 : 0;
    }
    RowLedger fresh(p, i, terms, roster[i]);
    EXPECT_EQ(fresh.hard(), ledger.hard());
    EXPECT_EQ(fresh.soft(), ledger.soft());
  }
  EXPECT_GT(checks, 1000);  // the rows did break rules, so the comparison meant something
  EXPECT_GT(halves, 1000);
}

}  // namespace
}  // namespace rcc::roster
