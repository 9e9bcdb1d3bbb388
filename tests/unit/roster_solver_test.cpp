#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "curtois_instances.h"
#include "roster/benchmark_format.h"
#include "roster/bound.h"
#include "roster/column_generation.h"
#include "roster/pair_replan.h"
#include "roster/solver.h"

namespace rcc::roster {
namespace {

Problem instance3() {
  return testing::curtois_instance("Instance3");
}

// 7 days, 2 employees, one 8-hour shift; small enough to enumerate all 2^14 rosters.
Problem tiny() {
  return roster::read_curtois_instance(
      "SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\n"
      "A,D=7,2400,960,4,2,2,1\nB,D=7,2400,960,3,1,1,1\n\nSECTION_DAYS_OFF\nA,3\n\n"
      "SECTION_SHIFT_ON_REQUESTS\nA,0,D,2\nB,5,D,3\n\nSECTION_SHIFT_OFF_REQUESTS\nB,1,D,2\n\n"
      "SECTION_COVER\n0,D,1,100,1\n1,D,2,100,1\n2,D,1,100,1\n3,D,1,100,1\n4,D,2,100,1\n"
      "5,D,1,100,1\n6,D,0,100,1\n",
      "tiny.txt");
}

long optimum_by_enumeration(const Problem& p) {
  long best = -1;
  const int cells = static_cast<int>(p.employees.size()) * p.days;
  for (int mask = 0; mask < (1 << cells); ++mask) {
    Roster r = empty_roster(p);
    for (int c = 0; c < cells; ++c) {
      if (mask >> c & 1) r[c / p.days][c % p.days] = 0;
    }
    const auto ev = evaluate(p, r);
    if (ev.feasible() && (best < 0 || ev.objective < best)) best = ev.objective;
  }
  return best;
}

// One week of one 8-hour shift D (and the shifts that may not follow it): nobody needed on
// weekdays, `weekend_need` on Saturday and Sunday, 100 per missing shift.
Problem one_week(const std::string& not_after, const std::string& staff, const std::string& on,
                 const std::string& off, int weekend_need) {
  std::string cover;
  for (int d = 0; d < 7; ++d)
    cover += std::to_string(d) + ",D," + std::to_string(d >= 5 ? weekend_need : 0) + ",100,1\n";
  return roster::read_curtois_instance(
      "SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480," + not_after + "\n\nSECTION_STAFF\n" + staff +
          "\nSECTION_DAYS_OFF\n\nSECTION_SHIFT_ON_REQUESTS\n" + on +
          "\nSECTION_SHIFT_OFF_REQUESTS\n" + off + "\nSECTION_COVER\n" + cover,
      "week.txt");
}

TEST(RosterSolver, FindsTheEnumeratedOptimum) {
  const auto p = tiny();
  const long optimum = optimum_by_enumeration(p);
  ASSERT_GT(optimum, 0);
  SolveOptions o;
  o.max_iterations = 200000;
  o.time_limit_seconds = 30;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    o.seed = seed;
    const auto r = solve(p, o);
    EXPECT_EQ(r.status, SolveStatus::feasible);
    EXPECT_EQ(r.evaluation.objective, optimum) << "seed " << seed;
  }
}

TEST(RosterBound, LpRelaxationIsAValidBound) {
  const auto p = tiny();
  const auto bound = lp_lower_bound(p);
  ASSERT_TRUE(bound.has_value());
  EXPECT_LE(*bound, optimum_by_enumeration(p));
  EXPECT_GE(*bound, 0);
  // Instance3's optimum is 1001; its LP relaxation (without the minimum-run rules) gives 1000.
  EXPECT_EQ(lp_lower_bound(instance3()), 1000);
  BoundOptions small;
  small.max_variables = 10;
  EXPECT_FALSE(lp_lower_bound(p, small).has_value());
}

// The weekends alone: with no weekend allowed to anybody, Saturday's one required shift goes
// uncovered (100) and B's request to work it is refused (3), whatever the weekdays do; with
// weekends allowed, still no more than the optimum.
TEST(RosterBound, WeekendsAloneAreAValidBound) {
  auto p = tiny();
  for (auto& e : p.employees) e.max_weekends = 0;
  const long optimum = optimum_by_enumeration(p);
  const auto bound = weekend_lower_bound(p);
  ASSERT_TRUE(bound.has_value());
  EXPECT_EQ(*bound, 103);
  EXPECT_LE(*bound, optimum);
  const auto loose = weekend_lower_bound(tiny());
  ASSERT_TRUE(loose.has_value());
  EXPECT_LE(*loose, optimum_by_enumeration(tiny()));
  // A succession listed twice forbids no more than once: A works Saturday, B Sunday, nothing
  // is missing (a row weighing the listing twice would forbid every Sunday shift, bound 100).
  const auto twice = one_week("D|D", "A,D=7,2400,0,5,1,1,1\nB,D=7,2400,0,5,1,1,1\n", "", "", 1);
  EXPECT_EQ(optimum_by_enumeration(twice), 0);
  EXPECT_EQ(weekend_lower_bound(twice), 0);
  BoundOptions small;
  small.max_variables = 1;
  EXPECT_FALSE(weekend_lower_bound(p, small).has_value());
}

// Where only the weekend costs anything, the weekends alone are the whole problem and the pair
// form's LP reaches the optimum: A may work one weekend and asked for Saturday off (5), B may work
// none and asked for Sunday (3), two are needed each day (100 per missing shift): A works both
// days, 5 + 3 + 100 + 100 = 208. Pricing a request or a pair wrongly moves the bound off it.
TEST(RosterBound, WeekendsAloneReachTheOptimumWhereOnlyTheWeekendCosts) {
  const auto p =
      one_week("", "A,D=7,2400,0,5,1,1,1\nB,D=7,2400,0,5,1,1,0\n", "B,6,D,3\n", "A,5,D,5\n", 2);
  EXPECT_EQ(optimum_by_enumeration(p), 208);
  EXPECT_EQ(weekend_lower_bound(p), 208);
  const auto alone = weekends_alone(p);
  const auto plan = plan_pairs(p, alone.query);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(pairs_cost(p, alone.query, *plan), 208);
}

// Twelve weeks, six employees who may work four weekends each, two needed every day: the weekend
// limit binds, so a timed solve plans the weekends first and searches a copy guided by the
// plan, then goes on without it. The roster it returns keeps every rule and is priced by the
// real problem, and its progress runs on the whole solve's clock. (The guided stage reports the
// real objective of its best roster, which need not fall at every report.)
TEST(RosterSolver, GuidedByTheWeekendPlanReportsTheRealObjective) {
  Problem p;
  p.days = 84;
  p.shifts = {{"D", 480, {}, false}};
  for (const char* id : {"A", "B", "C", "D", "E", "F"})
    p.employees.push_back({id, {84}, 84 * 480, 0, 5, 1, 1, 4, {}});
  p.cover.assign(84, {2, 100, 1});
  for (int d = 0; d < 84; d += 3) p.on_requests.push_back({d % 6, d, 0, 5});
  std::vector<std::pair<double, long>> reported;
  SolveOptions o;
  o.time_limit_seconds = 1.5;
  o.progress = [&](double seconds, long objective) { reported.emplace_back(seconds, objective); };
  const auto r = solve(p, o);
  ASSERT_TRUE(r.evaluation.feasible());
  EXPECT_EQ(r.evaluation.objective, evaluate(p, r.roster).objective);
  ASSERT_FALSE(reported.empty());
  for (size_t k = 1; k < reported.size(); ++k)
    EXPECT_GE(reported[k].first, reported[k - 1].first) << "report " << k;
  EXPECT_LE(reported.back().first, o.time_limit_seconds + 0.5);
  EXPECT_GE(reported.back().second, r.evaluation.objective);
  EXPECT_LE(r.seconds_to_best, o.time_limit_seconds + 0.5);
}

// One seed, thread count and iteration budget give one roster, on one thread or several.
TEST(RosterSolver, DeterministicForASeedThreadCountAndIterationBudget) {
  const auto p = tiny();
  for (const auto& [seed, threads] : {std::pair{7, 1}, std::pair{11, 2}}) {
    SolveOptions o;
    o.max_iterations = 50000;
    o.time_limit_seconds = 30;
    o.seed = static_cast<std::uint64_t>(seed);
    o.threads = threads;
    const auto a = solve(p, o);
    EXPECT_EQ(a.roster, solve(p, o).roster) << "seed " << seed << ", threads " << threads;
    EXPECT_TRUE(a.evaluation.feasible());
  }
}

// Column generation started from the local search's roster after `moves` moves.
ColumnGenerationResult master_from_search(const Problem& p, long moves) {
  SolveOptions o;
  o.max_iterations = moves;
  const auto start = solve(p, o);
  EXPECT_TRUE(start.evaluation.feasible());
  ColumnGenerationOptions cg;
  cg.time_limit_seconds = 20;
  cg.start = &start.roster;
  return price_and_branch(p, cg);
}

TEST(RosterColumnGeneration, ReachesTheEnumeratedOptimumAndBoundsIt) {
  const auto p = tiny();
  const long optimum = optimum_by_enumeration(p);
  const auto r = master_from_search(p, 2000);  // a rough start
  ASSERT_TRUE(r.roster.has_value());
  EXPECT_EQ(evaluate(p, *r.roster).objective, optimum);
  ASSERT_TRUE(r.lower_bound.has_value());
  EXPECT_LE(*r.lower_bound, static_cast<double>(optimum) + 1e-6);
  EXPECT_TRUE(r.lp_optimal);
}

// A roster that meets the bound column generation proves is reported optimal; under a move
// budget (no bound) the same roster is only feasible.
TEST(RosterSolver, SaysOptimalWhenTheRosterMeetsItsBound) {
  const auto p = tiny();
  SolveOptions o;
  o.time_limit_seconds = 5;
  const auto timed = solve(p, o);
  ASSERT_TRUE(timed.lower_bound.has_value());
  EXPECT_EQ(timed.evaluation.objective, optimum_by_enumeration(p));
  EXPECT_EQ(timed.status, SolveStatus::optimal);
  o.max_iterations = 2000;
  const auto budget = solve(p, o);
  EXPECT_FALSE(budget.lower_bound.has_value());
  EXPECT_EQ(budget.status, SolveStatus::feasible);
}

// On Instance3 the Lagrangian bound of the row master is the published optimum (1001), where
// the compact LP relaxation stops at 1000: the bound a planner sees proves the roster optimal.
TEST(RosterColumnGeneration, BoundOnInstance3IsTheOptimum) {
  const auto p = instance3();
  const auto r = master_from_search(p, 200000);
  ASSERT_TRUE(r.lower_bound.has_value());
  EXPECT_EQ(std::ceil(*r.lower_bound - 1e-6), 1001);
  ASSERT_TRUE(r.roster.has_value());
  EXPECT_GE(evaluate(p, *r.roster).objective, 1001);
}

// Priced at points between the compact LP's duals and the master's (smoothing), the root of
// Instance3 still converges to the same Lagrangian bound, the optimum, and its rounding keeps
// every contract (cover aside).
TEST(RosterColumnGeneration, SmoothedFromTheCompactDualsReachesTheSameBound) {
  const auto p = instance3();
  const auto relaxation = lp_relaxation(p);
  ASSERT_TRUE(relaxation.has_value());
  EXPECT_EQ(relaxation->bound, 1000);
  ASSERT_EQ(relaxation->cover_duals.size(), p.cover.size());
  for (size_t r = 0; r < p.cover.size(); ++r) {  // a feasible point of the master's dual
    EXPECT_LE(relaxation->cover_duals[r], p.cover[r].under_weight + 1e-6);
    EXPECT_GE(relaxation->cover_duals[r], -p.cover[r].over_weight - 1e-6);
  }
  SolveOptions o;
  o.max_iterations = 200000;
  const auto start = solve(p, o);
  ColumnGenerationOptions cg;
  cg.time_limit_seconds = 20;
  cg.start = &start.roster;
  cg.start_duals = &relaxation->cover_duals;
  cg.smoothing = 0.8;
  cg.branch = false;
  const auto r = price_and_branch(p, cg);
  EXPECT_TRUE(r.lp_optimal);
  ASSERT_TRUE(r.lower_bound.has_value());
  EXPECT_EQ(std::ceil(*r.lower_bound - 1e-6), 1001);
  EXPECT_FALSE(r.roster.has_value());  // no MIP without branching
  ASSERT_TRUE(r.lp_rounding.has_value());
  EXPECT_TRUE(evaluate(p, *r.lp_rounding).feasible());
}

// The solver's row pricing agrees with the exact evaluator on every possible row of employee A.
TEST(RosterSolver, RowCostMatchesTheEvaluator) {
  const auto p = tiny();
  for (int mask = 0; mask < (1 << p.days); ++mask) {
    Roster r = empty_roster(p);
    for (int d = 0; d < p.days; ++d) r[0][d] = (mask >> d & 1) ? 0 : kOff;
    const auto cost = row_cost(p, 0, r[0]);
    const auto ev = evaluate(p, r);
    bool a_violates = false;
    for (const auto& v : ev.violations) a_violates = a_violates || v.employee == 0;
    ASSERT_EQ(cost.hard > 0, a_violates) << mask;
    // B is off all week: its request to work day 5 (weight 3) is unmet, its off-request is met.
    ASSERT_EQ(cost.requests, ev.breakdown.shift_on_requests + ev.breakdown.shift_off_requests - 3)
        << mask;
  }
}

// A published roster of Instance 1 whose first employee working day 6 falls sick that day.
struct SickLeave {
  Problem problem;
  Roster published;
  int sick = -1;
};
SickLeave sick_leave_on_day_6() {
  SickLeave s{testing::curtois_instance("Instance1"), {}, -1};
  SolveOptions o;
  o.max_iterations = 100000;  // a published roster that does not depend on the clock
  const auto published = solve(s.problem, o);
  EXPECT_EQ(published.status, SolveStatus::feasible);
  s.published = published.roster;
  for (int i = 0; i < static_cast<int>(s.problem.employees.size()) && s.sick < 0; ++i) {
    if (s.published[i][6] != kOff) s.sick = i;
  }
  if (s.sick >= 0) s.problem.employees[s.sick].days_off.push_back(6);
  return s;
}

TEST(RosterSolver, ReplanningAfterSickLeaveChangesLittle) {
  const auto s = sick_leave_on_day_6();
  ASSERT_GE(s.sick, 0);
  EXPECT_FALSE(evaluate(s.problem, s.published).feasible());
  SolveOptions o;
  o.published = &s.published;
  o.change_penalty = 10;
  o.max_iterations = 300000;  // a move budget: the same replan on any machine
  const auto replanned = solve(s.problem, o);
  EXPECT_EQ(replanned.status, SolveStatus::feasible);
  EXPECT_EQ(replanned.roster[s.sick][6], kOff);
  EXPECT_GT(replanned.changed_cells, 0);
  ASSERT_TRUE(replanned.replan_cost);
  EXPECT_EQ(*replanned.replan_cost, replanned.evaluation.objective + 10L * replanned.changed_cells);
  EXPECT_LE(replanned.changed_cells, 12);  // a handful of cells, not a new roster
}

// Under a time limit a small instance replans through column generation, which bounds the cost
// the replan minimised (objective plus the change penalties), not the objective. Only what holds
// however far the clock lets it get is checked.
TEST(RosterSolver, ReplanningThroughColumnGenerationBoundsItsOwnCost) {
  const auto s = sick_leave_on_day_6();
  ASSERT_GE(s.sick, 0);
  SolveOptions o;
  o.published = &s.published;
  o.change_penalty = 10;
  o.time_limit_seconds = 5;
  const auto replanned = solve(s.problem, o);
  EXPECT_EQ(replanned.status, SolveStatus::feasible);
  EXPECT_EQ(replanned.roster[s.sick][6], kOff);
  ASSERT_TRUE(replanned.replan_cost && replanned.replan_lower_bound);
  EXPECT_EQ(*replanned.replan_cost, replanned.evaluation.objective + 10L * replanned.changed_cells);
  EXPECT_GE(*replanned.replan_cost,
            static_cast<long>(std::ceil(*replanned.replan_lower_bound - 1e-6)));
  EXPECT_FALSE(replanned.lower_bound);  // a bound on the replan's cost is not one on the objective
}

TEST(RosterSolver, ReplanningUnderAnIterationBudgetStartsFromThePublishedRoster) {
  auto p = testing::curtois_instance("Instance1");
  SolveOptions o;
  o.max_iterations = 100000;
  const auto published = solve(p, o);
  ASSERT_EQ(published.status, SolveStatus::feasible);
  // Nothing changed: a replan under a budget (the search alone) keeps the published roster.
  o.max_iterations = 20000;
  o.published = &published.roster;
  o.change_penalty = 10;
  const auto replanned = solve(p, o);
  EXPECT_EQ(replanned.changed_cells, 0);
  ASSERT_TRUE(replanned.replan_cost);
  EXPECT_EQ(*replanned.replan_cost, published.evaluation.objective);
}

}  // namespace
}  // namespace rcc::roster
