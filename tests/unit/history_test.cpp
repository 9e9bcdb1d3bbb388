#include "io/history.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "forecast/history_fit.h"
#include "model/dates.h"
#include "sim/replay.h"

namespace rcc {
namespace {

std::string bank_day() {
  std::ifstream in(std::string(RCC_TEST_DATA) + "/anonymous-bank/calls_990201.txt",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kHeader =
    "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\t"
    "q_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n";

TEST(AnonymousBankLog, ReadsTheRealDayAndSortsByArrival) {
  io::Diagnostics d;
  const auto log = io::read_anonymous_bank_log(bank_day(), "calls_990201.txt", d);
  ASSERT_FALSE(d.has_errors()) << d.items().front().to_string();
  EXPECT_EQ(log.calls.size(), 1567u);
  EXPECT_EQ(log.days, 1);
  EXPECT_EQ(model::format_date(log.first_day), "1999-02-01");
  EXPECT_TRUE(std::is_sorted(log.calls.begin(), log.calls.end(),
                             [](const auto& a, const auto& b) { return a.arrival < b.arrival; }));
  int answered = 0, abandoned = 0;
  for (const auto& c : log.calls) {
    answered += c.outcome == model::CallOutcome::answered;
    abandoned += c.outcome == model::CallOutcome::abandoned;
  }
  EXPECT_EQ(answered, 1354);
  EXPECT_EQ(abandoned, 197);
}

TEST(AnonymousBankLog, QuirksOfTheFormat) {
  const std::string text = kHeader +
                           // Queued, answered by DORIT.
                           "AA0101\t1\t0\t2\tPS\t990201\t8:19:42\t8:19:47\t5\t8:19:47\t8:20:"
                           "21\t34\tAGENT\t8:20:20\t8:22:04\t104\tDORIT\r\n"
                           // Not queued: the agent's clock is a second behind the VRU's.
                           "AA0101\t2\t0\t0\tNW\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:"
                           "00\t0\tAGENT\t7:02:55\t7:05:41\t166\tNO_SERVER\r\n"
                           // Abandoned after 5 s in queue.
                           "AA0101\t3\t0\t1\tPS\t990202\t8:09:16\t8:09:22\t6\t8:09:22\t8:09:"
                           "27\t5\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"
                           // Answered just after midnight.
                           "AA0101\t4\t0\t0\tPS\t990201\t23:59:50\t23:59:55\t5\t23:59:55\t0:00:"
                           "10\t15\tAGENT\t0:00:10\t0:01:10\t60\tTOVA\r\n";
  io::Diagnostics d;
  const auto log = io::read_anonymous_bank_log(text, "x.txt", d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(log.calls.size(), 4u);
  EXPECT_EQ(log.days, 2);
  EXPECT_DOUBLE_EQ(log.calls[0].arrival, 7 * 3600 + 2 * 60 + 55);  // min(vru_exit, ser_start)
  EXPECT_EQ(log.calls[0].server, "");
  EXPECT_EQ(log.calls[1].priority, 1);  // priority customer
  EXPECT_DOUBLE_EQ(log.calls[1].wait, 34);
  EXPECT_DOUBLE_EQ(log.calls[1].handle, 104);
  EXPECT_EQ(log.calls[2].server, "TOVA");
  EXPECT_DOUBLE_EQ(log.calls[2].service_start, 86400 + 10);  // crossed midnight
  EXPECT_EQ(log.calls[3].outcome, model::CallOutcome::abandoned);
  EXPECT_DOUBLE_EQ(log.calls[3].arrival, 86400 + 8 * 3600 + 9 * 60 + 22);
}

TEST(AnonymousBankLog, BadRowsAreReportedWithTheirLine) {
  io::Diagnostics d;
  io::read_anonymous_bank_log(kHeader + "AA0101\t1\t0\t2\n" +
                                  "AA0101\t1\t0\t2\tPS\t990201\t8:19:42\t8:19:47\t5\t8:19\t8:20:"
                                  "21\t34\tAGENT\t8:20:20\t8:22:04\t104\tDORIT\n",
                              "x.txt", d);
  ASSERT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.items()[0].to_string(), "x.txt:2: error: expected 17 tab-separated fields, found 4");
  EXPECT_EQ(d.items()[1].where.line, 3);
  io::Diagnostics wrong;
  io::read_anonymous_bank_log("id,name\n", "x.txt", wrong);
  EXPECT_EQ(wrong.error_count(), 1);
}

TEST(TicketHistoryCsv, ReadsAndRejects) {
  const std::string text =
      "id,client,skill,priority,arrived,answered,abandoned,handle_seconds,engineer\n"
      "T1,najd,core.ims,P1,2027-03-10T09:00:00+03:00,2027-03-10T09:02:00+03:00,,600,E00017\n"
      "T2,najd,core.ims,P3,2027-03-10T08:00:00+03:00,,2027-03-10T08:10:00+03:00,,\n"
      "T3,najd,core.ims,P9,2027-03-10T08:00:00+03:00,,,,\n"
      "T4,najd,core.ims,P2,2027-03-10T08:00:00+03:00,2027-03-10T07:00:00+03:00,,60,\n";
  io::Diagnostics d;
  const auto log = io::read_ticket_history_csv(text, "h.csv", d);
  ASSERT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.items()[0].to_string(), "h.csv:4: error: column \"priority\": \"P9\" is not P1..P4");
  EXPECT_EQ(d.items()[1].to_string(), "h.csv:5: error: ends before it arrives");
  ASSERT_EQ(log.calls.size(), 2u);
  EXPECT_EQ(log.calls[0].outcome, model::CallOutcome::abandoned);  // 05:00Z comes first
  EXPECT_DOUBLE_EQ(log.calls[0].arrival, 5 * 3600);
  EXPECT_DOUBLE_EQ(log.calls[0].wait, 600);
  EXPECT_EQ(log.calls[1].priority, 0);
  EXPECT_DOUBLE_EQ(log.calls[1].wait, 120);
  EXPECT_EQ(log.calls[1].server, "E00017");
}

TEST(HistoryFit, ArrivalsHandleTimesAndPatience) {
  io::Diagnostics d;
  const auto log = io::read_anonymous_bank_log(bank_day(), "calls_990201.txt", d);
  const auto fit = forecast::fit_history(log);
  EXPECT_EQ(fit.calls, 1567);
  // 1 February 1999 was a Monday: all calls land in hours 0..23 of the week.
  double monday = 0, rest = 0;
  for (int h = 0; h < 168; ++h) (h < 24 ? monday : rest) += fit.arrivals_per_hour[h];
  EXPECT_DOUBLE_EQ(monday, 1567);
  EXPECT_DOUBLE_EQ(rest, 0);
  EXPECT_NEAR(fit.handle_mean, 164.0, 0.5);
  EXPECT_GT(fit.handle_cv, 1.0);  // call-centre service times are more variable than exponential
  EXPECT_GT(fit.patience_mean, 60);
  // Lognormal parameters reproduce the mean: exp(mu + sigma^2 / 2).
  EXPECT_NEAR(std::exp(fit.lognormal_mu + fit.lognormal_sigma * fit.lognormal_sigma / 2),
              fit.handle_mean, 0.35 * fit.handle_mean);
}

TEST(Replay, RealDayThroughTheSimulator) {
  io::Diagnostics d;
  const auto log = io::read_anonymous_bank_log(bank_day(), "calls_990201.txt", d);
  const auto fit = forecast::fit_history(log);
  const auto r = sim::replay_log(log, fit, 1);
  EXPECT_EQ(r.agents, 16);
  EXPECT_GT(r.replayed, 1300);
  long calls = 0;
  for (const auto& h : r.by_hour) calls += h.calls;
  EXPECT_EQ(calls, 1567 - 16);  // every call but the phantoms
  EXPECT_NEAR(r.actual_abandon, 197.0 / static_cast<double>(calls), 1e-9);
  EXPECT_GT(r.simulated_mean_wait, 0);
  // Same seed, same replay.
  EXPECT_DOUBLE_EQ(sim::replay_log(log, fit, 1).simulated_mean_wait, r.simulated_mean_wait);
}

}  // namespace
}  // namespace rcc
