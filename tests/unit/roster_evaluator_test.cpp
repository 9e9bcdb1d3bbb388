#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "model/random.h"
#include "roster/benchmark_format.h"
#include "roster/diagnose.h"
#include "roster/evaluator.h"

namespace rcc::roster {
namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(RCC_TEST_DATA) + "/curtois/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A tiny problem written in the benchmark format: 14 days, shifts D and N (N may not be followed
// by D), one employee with the given contract.
Problem tiny(const std::string& staff_line, const std::string& days_off = "") {
  const std::string text =
      "SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,480,\nN,600,D\n\nSECTION_STAFF\n" + staff_line +
      "\n\nSECTION_DAYS_OFF\n" + days_off +
      "\n\nSECTION_SHIFT_ON_REQUESTS\n\nSECTION_SHIFT_OFF_REQUESTS\n\nSECTION_COVER\n";
  return roster::read_curtois_instance(text, "tiny.txt");
}

// "DD..N" -> a roster row.
Roster row(const Problem& p, const std::string& days) {
  Roster r = empty_roster(p);
  for (int d = 0; d < p.days; ++d) {
    if (days[d] == 'D') r[0][d] = 0;
    if (days[d] == 'N') r[0][d] = 1;
  }
  return r;
}

std::vector<Rule> rules(const Evaluation& ev) {
  std::vector<Rule> out;
  for (const auto& v : ev.violations) out.push_back(v.rule);
  return out;
}

const std::string kLoose = "A,D=14|N=14,100000,0,14,1,1,2";

TEST(RosterReader, Instance1AndItsNumbers) {
  const auto p = roster::read_curtois_instance(read("Instance1.txt"), "Instance1.txt");
  EXPECT_EQ(p.days, 14);
  EXPECT_EQ(p.shifts.size(), 1u);
  EXPECT_EQ(p.employees.size(), 8u);
  EXPECT_EQ(p.employees[0].max_total_minutes, 4320);
  EXPECT_EQ(p.on_requests.size(), 21u);
  EXPECT_EQ(p.off_requests.size(), 5u);
  EXPECT_EQ(p.cover_of(1, 0).requirement, 7);
  // CRLF and LF read the same.
  std::string lf = read("Instance1.txt");
  std::erase(lf, '\r');
  const auto q = roster::read_curtois_instance(lf, "lf.txt");
  EXPECT_EQ(q.on_requests.size(), p.on_requests.size());
}

TEST(RosterReader, MalformedInstancesNameTheLine) {
  try {
    roster::read_curtois_instance(
        "SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,X\nSECTION_STAFF\nA,D=14,4320,3360,5,2\n"
        "SECTION_DAYS_OFF\nB,3\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\n"
        "SECTION_COVER\n14,D,1,100,1\n",
        "bad.txt");
    FAIL() << "no error";
  } catch (const io::InputError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics().items()) got.push_back(d.to_string());
    const std::vector<std::string> expected = {
        "bad.txt:4: error: unknown shift \"X\"",
        "bad.txt:6: error: expected: ID, MaxShifts (T=n|...), MaxTotalMinutes, MinTotalMinutes, "
        "MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends",
        "bad.txt:8: error: unknown employee \"B\"",
        "bad.txt:12: error: day \"14\" is outside 0..13",
    };
    EXPECT_EQ(got, expected);
  }
}

TEST(RosterEvaluator, Instance1EveryoneOffScores7137) {
  const auto p = roster::read_curtois_instance(read("Instance1.txt"), "Instance1.txt");
  const auto ev = evaluate(p, empty_roster(p));
  EXPECT_EQ(ev.objective, 7137);
  EXPECT_EQ(ev.breakdown.cover_under, 7100);
  EXPECT_EQ(ev.breakdown.shift_on_requests, 37);
  EXPECT_EQ(ev.violations.size(), 8u);  // everyone below MinTotalMinutes
}

TEST(RosterEvaluator, SuccessionOnlyInsideTheHorizon) {
  const auto p = tiny(kLoose);
  EXPECT_EQ(rules(evaluate(p, row(p, "ND............"))),
            std::vector<Rule>{Rule::forbidden_succession});
  EXPECT_TRUE(evaluate(p, row(p, "DN............")).feasible());
  EXPECT_TRUE(evaluate(p, row(p, ".............N")).feasible());  // nothing after the last day
}

TEST(RosterEvaluator, MaxConsecutiveCountsAtTheBorders) {
  const auto p = tiny("A,D=14|N=14,100000,0,3,1,1,2");
  EXPECT_EQ(rules(evaluate(p, row(p, "DDDD..........")))[0], Rule::max_consecutive_shifts);
  EXPECT_EQ(rules(evaluate(p, row(p, "..........DDDD")))[0], Rule::max_consecutive_shifts);
  EXPECT_TRUE(evaluate(p, row(p, "DDD.DDD.DDD.DD")).feasible());
}

TEST(RosterEvaluator, MinConsecutiveShiftsExemptAtTheBorders) {
  const auto p = tiny("A,D=14|N=14,100000,0,14,3,1,2");
  EXPECT_TRUE(evaluate(p, row(p, "D.....DDD....D")).feasible());  // short runs touch the borders
  const auto ev = evaluate(p, row(p, "....DD........"));
  ASSERT_EQ(rules(ev), std::vector<Rule>{Rule::min_consecutive_shifts});
  EXPECT_EQ(ev.violations[0].day, 4);
}

TEST(RosterEvaluator, MinConsecutiveDaysOffExemptAtTheBorders) {
  const auto p = tiny("A,D=14|N=14,100000,0,14,1,3,2");
  EXPECT_TRUE(evaluate(p, row(p, ".DDDDDD...DDDD")).feasible());
  EXPECT_TRUE(evaluate(p, row(p, "DDDDDDDDDDDDD.")).feasible());  // off run touching the end
  const auto ev = evaluate(p, row(p, "DDDDD..DDDDDDD"));
  ASSERT_EQ(rules(ev), std::vector<Rule>{Rule::min_consecutive_days_off});
  EXPECT_EQ(ev.violations[0].day, 5);
}

TEST(RosterEvaluator, WeekendsAreSaturdayOrSunday) {
  const auto p = tiny("A,D=14|N=14,100000,0,14,1,1,1");
  EXPECT_TRUE(evaluate(p, row(p, ".....DD.......")).feasible());  // one weekend, both days
  EXPECT_EQ(rules(evaluate(p, row(p, "......D......D"))), std::vector<Rule>{Rule::max_weekends});
}

TEST(RosterEvaluator, CountsMinutesDaysOffAndMaxShifts) {
  const auto p = tiny("A,D=2|N=14,1500,1000,14,1,1,2", "A,3");
  const auto ev = evaluate(p, row(p, "DDD.......NN.."));
  // 3 x D over the limit of 2; 3 x 480 + 2 x 600 = 2640 > 1500; no shift on day 3 -> fine.
  EXPECT_EQ(rules(ev), (std::vector<Rule>{Rule::max_shifts, Rule::max_total_minutes}));
  EXPECT_EQ(rules(evaluate(p, row(p, "...D.........."))),
            (std::vector<Rule>{Rule::min_total_minutes, Rule::day_off}));
}

// An independent recomputation of the objective, written differently: per request and per cover
// cell through maps, on random rosters of Instance3.
TEST(RosterEvaluator, ObjectiveEqualsAnIndependentRecomputation) {
  const auto p = roster::read_curtois_instance(read("Instance3.txt"), "Instance3.txt");
  model::Rng rng(11);
  for (int trial = 0; trial < 50; ++trial) {
    Roster r = empty_roster(p);
    for (auto& emp : r) {
      for (auto& cell : emp) {
        cell = rng.chance(0.4)
                   ? kOff
                   : static_cast<ShiftIdx>(rng.below(static_cast<int>(p.shifts.size())));
      }
    }
    long expected = 0;
    std::map<std::pair<int, int>, int> working;  // (day, shift) -> count
    for (size_t i = 0; i < r.size(); ++i) {
      for (int d = 0; d < p.days; ++d) {
        if (r[i][d] != kOff) ++working[{d, r[i][d]}];
      }
    }
    for (const auto& q : p.on_requests) expected += r[q.employee][q.day] == q.shift ? 0 : q.weight;
    for (const auto& q : p.off_requests) expected += r[q.employee][q.day] == q.shift ? q.weight : 0;
    for (int d = 0; d < p.days; ++d) {
      for (int t = 0; t < static_cast<int>(p.shifts.size()); ++t) {
        const auto& c = p.cover_of(d, static_cast<ShiftIdx>(t));
        const int n = working.count({d, t}) ? working[{d, t}] : 0;
        expected += n < c.requirement ? (c.requirement - n) * c.under_weight
                                      : (n - c.requirement) * c.over_weight;
      }
    }
    ASSERT_EQ(evaluate(p, r).objective, expected) << trial;
  }
}

TEST(RosterGrid, WriteThenReadAndRejectBadGrids) {
  const auto p = roster::read_curtois_instance(read("Instance3.txt"), "Instance3.txt");
  Roster r = empty_roster(p);
  r[0][0] = 1;
  r[19][13] = 2;
  const auto text = roster::write_roster_grid(p, r);
  EXPECT_EQ(roster::read_roster_grid(text, "s.txt", p), r);
  EXPECT_THROW(roster::read_roster_grid("D\tD\n", "s.txt", p), io::InputError);
  std::string bad = text;
  bad.replace(0, 1, "X");
  try {
    roster::read_roster_grid(bad, "s.txt", p);
    FAIL();
  } catch (const io::InputError& e) {
    EXPECT_EQ(e.diagnostics().items()[0].to_string(), "s.txt:1: error: day 0: unknown shift \"X\"");
  }
}

}  // namespace
}  // namespace rcc::roster

namespace rcc::roster {
namespace {

TEST(RosterConflicts, NamesCoverAndContractsThatCannotBeMet) {
  const auto p = roster::read_curtois_instance(
      "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=7,4000,3000,5,1,1,1\n"
      "B,D=2,4000,0,5,1,1,1\nSECTION_DAYS_OFF\nA,0,1\nSECTION_SHIFT_ON_REQUESTS\n"
      "SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n0,D,2,100,1\n1,D,1,100,1\n",
      "conflict.txt");
  const auto conflicts = find_conflicts(p);
  ASSERT_EQ(conflicts.size(), 3u);
  EXPECT_EQ(conflicts[0].day, 0);
  EXPECT_NE(conflicts[0].message.find("needs 2 on shift D, only 1 employees may work it"),
            std::string::npos);
  EXPECT_EQ(conflicts[2].employee, 0);
  // 5 allowed days (days off 0 and 1) x 480 = 2400 < 3000.
  EXPECT_NE(conflicts[2].message.find("can reach at most 2400"), std::string::npos);
  const auto ok = roster::read_curtois_instance(read("Instance1.txt"), "Instance1.txt");
  EXPECT_TRUE(find_conflicts(ok).empty());
}

}  // namespace
}  // namespace rcc::roster
