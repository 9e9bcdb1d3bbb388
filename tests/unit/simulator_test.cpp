#include "sim/simulator.h"

#include <gtest/gtest.h>

#include <cmath>

#include "forecast/erlang.h"

namespace rcc::sim {
namespace {

// One client, one skill, `servers` engineers on shift for the whole horizon, constant arrivals.
SimInput mmc(int servers, double arrivals_per_hour, double mean_handle_seconds, double hours) {
  SimInput in;
  in.skills = 1;
  in.clients.resize(1);
  in.clients[0].response_seconds = {1e9, 1e9, 1e9, 1e9};
  Stream s;
  s.client = 0;
  s.skill = 0;
  s.arrivals_per_hour.assign(static_cast<size_t>(hours), arrivals_per_hour);
  s.mean_handle_seconds = mean_handle_seconds;
  s.priority_mix = {0, 0, 0, 1};
  in.streams.push_back(s);
  for (int i = 0; i < servers; ++i) {
    in.agents.push_back({{{{0, 3}}, {}, 1}, {{0.0, hours * 3600 + 1e7}}});
  }
  return in;
}

struct Estimate {
  double mean = 0, half_width = 0;  // 95% confidence interval
  bool contains(double x) const { return std::abs(x - mean) <= half_width; }
};

// Ten independent replications, seeds first_seed .. first_seed + 9.
std::vector<SimResult> replications(const SimInput& input, SimOptions opt,
                                    std::uint64_t first_seed) {
  std::vector<SimResult> runs;
  for (std::uint64_t r = 0; r < 10; ++r) {
    opt.seed = first_seed + r;
    runs.push_back(simulate(input, opt));
  }
  return runs;
}

// Mean of `metric` over the replications with its 95% interval (Student t, 9 degrees of freedom).
template <class Metric>
Estimate estimate(const std::vector<SimResult>& runs, Metric&& metric) {
  const double n = static_cast<double>(runs.size());
  double sum = 0, sq = 0;
  for (const auto& r : runs) {
    const double x = metric(r);
    sum += x;
    sq += x * x;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(std::max(0.0, (sq - n * mean * mean) / (n - 1)));
  return {mean, 2.262 * sd / std::sqrt(n)};
}

double share_waited(const SimResult& r) {
  return static_cast<double>(r.waited) / static_cast<double>(r.tickets);
}

TEST(Simulator, MatchesErlangCOnMMc) {
  // 5 engineers, 48 tickets an hour of 5 minutes: 4 Erlangs, occupancy 0.8.
  const double hours = 500, rate = 48, handle = 300;
  const auto erlang = forecast::erlang_c(5, {rate / 3600, 1 / handle}, 0);
  SimOptions opt;
  opt.horizon_seconds = hours * 3600;
  opt.warmup_seconds = 20 * 3600;
  opt.escalate = false;
  const auto runs = replications(mmc(5, rate, handle, hours), opt, 1);
  const auto p_wait = estimate(runs, share_waited);
  const auto mean_wait = estimate(runs, [](const SimResult& r) { return r.mean_wait; });
  EXPECT_TRUE(p_wait.contains(erlang.p_wait))
      << "P(wait) sim " << p_wait.mean << " +- " << p_wait.half_width << ", Erlang C "
      << erlang.p_wait;
  EXPECT_TRUE(mean_wait.contains(erlang.mean_wait))
      << "mean wait sim " << mean_wait.mean << " +- " << mean_wait.half_width << ", Erlang C "
      << erlang.mean_wait;
  EXPECT_LT(p_wait.half_width, 0.03);  // the interval is tight enough to mean something
}

TEST(Simulator, MatchesErlangAWithAbandonment) {
  // 8 engineers, 110 tickets an hour of 4.8 minutes (8.8 Erlangs, overloaded), patience 3 minutes.
  const double hours = 300, rate = 110, handle = 288, patience = 180;
  const auto erlang = forecast::erlang_a(8, {rate / 3600, 1 / handle}, 1 / patience, 60);
  SimOptions opt;
  opt.horizon_seconds = hours * 3600;
  opt.warmup_seconds = 10 * 3600;
  opt.escalate = false;
  opt.mean_patience_seconds = patience;
  const auto runs = replications(mmc(8, rate, handle, hours), opt, 301);
  const auto abandon = estimate(runs, [](const SimResult& r) {
    const auto& s = r.by_client[0][3];
    return static_cast<double>(s.abandoned) / static_cast<double>(s.tickets);
  });
  const auto p_wait = estimate(runs, share_waited);
  EXPECT_TRUE(abandon.contains(erlang.p_abandon))
      << "P(abandon) sim " << abandon.mean << " +- " << abandon.half_width << ", Erlang A "
      << erlang.p_abandon;
  EXPECT_TRUE(p_wait.contains(erlang.p_wait))
      << "P(wait) sim " << p_wait.mean << " +- " << p_wait.half_width << ", Erlang A "
      << erlang.p_wait;
}

TEST(Simulator, DeterministicPerSeed) {
  const auto input = mmc(3, 30, 300, 200);
  SimOptions opt;
  opt.horizon_seconds = 200 * 3600;
  opt.seed = 9;
  const auto a = simulate(input, opt);
  const auto b = simulate(input, opt);
  EXPECT_EQ(a.tickets, b.tickets);
  EXPECT_EQ(a.events, b.events);
  EXPECT_DOUBLE_EQ(a.mean_wait, b.mean_wait);
  opt.seed = 10;
  EXPECT_NE(simulate(input, opt).events, a.events);
}

TEST(Simulator, BreachCausesNoSkillVersusNoCapacity) {
  auto input = mmc(1, 20, 600, 48);
  input.clients[0].response_seconds = {300, 300, 300, 300};
  // The only engineer works the first 24 hours: tickets of the second day find nobody with the
  // skill.
  input.agents[0].shifts = {{0.0, 24 * 3600.0}};
  SimOptions opt;
  opt.horizon_seconds = 48 * 3600;
  opt.escalate = false;
  const auto r = simulate(input, opt);
  const auto& s = r.by_client[0][3];
  EXPECT_GT(s.breached_no_skill, 300);     // ~480 tickets on the second day
  EXPECT_GT(s.breached_no_capacity, 100);  // 20/h of 10 min on one engineer: overloaded
  EXPECT_LT(s.attainment(), 0.5);
}

long resolution_breaches(const ClientPriorityStats& s) {
  return s.resolution_breached_no_skill + s.resolution_breached_no_capacity +
         s.resolution_breached_waiting_on_client + s.resolution_breached_handling;
}

TEST(Simulator, TimeWaitingOnTheClientIsOffTheResolutionClock) {
  // Forty engineers for 6 tickets an hour: nobody queues. Every ticket stops for the client for
  // five hours on average, far beyond the one-hour target, which only the work itself can break.
  auto input = mmc(40, 6, 600, 400);
  input.clients[0].resolution_seconds = {3600, 3600, 3600, 3600};
  SimOptions opt;
  opt.horizon_seconds = 400 * 3600;
  opt.client_wait_probability = 1;
  opt.mean_client_wait_seconds = 5 * 3600;
  const auto r = simulate(input, opt);
  const auto& s = r.by_client[0][3];
  EXPECT_GT(s.resolved, 2000);
  EXPECT_EQ(s.waited_on_client, s.tickets);
  EXPECT_EQ(s.resolution_breached_waiting_on_client, 0);
  EXPECT_EQ(s.resolution_breached_no_capacity, 0);
  // P(10-minute mean exponential work > 60 minutes) = e^-6 = 0.25 %.
  EXPECT_LT(s.resolution_breached_handling, s.resolved / 100);
  EXPECT_GT(s.resolution_attainment(), 0.99);
  EXPECT_EQ(s.resolved_in_target + resolution_breaches(s), s.resolved);
  // The same tickets without the client's pauses: nothing to attribute to the client.
  opt.client_wait_probability = 0;
  const auto without = simulate(input, opt);
  const auto& plain = without.by_client[0][3];
  EXPECT_EQ(plain.waited_on_client, 0);
  EXPECT_EQ(plain.resolution_breached_waiting_on_client, 0);
}

TEST(Simulator, QueueAfterTheClientAnswersIsItsOwnBreachCause) {
  // Two engineers at 90 % load: a ticket back from the client queues again behind the others.
  auto input = mmc(2, 10.8, 600, 400);
  input.clients[0].resolution_seconds = {900, 900, 900, 900};
  for (auto& a : input.agents) a.shifts = {{0.0, 400 * 3600.0}};  // utilisation over the horizon
  SimOptions opt;
  opt.horizon_seconds = 400 * 3600;
  opt.client_wait_probability = 0.5;
  opt.mean_client_wait_seconds = 1800;
  const auto r = simulate(input, opt);
  const auto& s = r.by_client[0][3];
  EXPECT_GT(s.resolution_breached_waiting_on_client, 50);
  EXPECT_GT(s.resolution_breached_no_capacity, 50);
  EXPECT_GT(s.resolution_breached_handling, 50);
  EXPECT_EQ(s.resolution_breached_no_skill, 0);
  EXPECT_EQ(s.resolved_in_target + resolution_breaches(s), s.resolved);
  EXPECT_NEAR(static_cast<double>(s.waited_on_client) / static_cast<double>(s.tickets), 0.5, 0.03);
  // The engineers' busy time is the work only: the client's half hours leave them free.
  EXPECT_NEAR(r.utilisation_by_skill[0], 0.9, 0.05);
}

TEST(Simulator, HandoverAtShiftEndKeepsTheWork) {
  // Long tickets (50 min) at one an hour; engineer 0 leaves after 2 hours, engineer 1 takes over.
  auto input = mmc(2, 1, 3000, 24);
  input.agents[0].shifts = {{0.0, 7200.0}};
  input.agents[1].shifts = {{7200.0, 48 * 3600.0}};
  SimOptions opt;
  opt.horizon_seconds = 24 * 3600;
  opt.escalate = false;
  opt.seed = 3;
  const auto r = simulate(input, opt);
  EXPECT_GT(r.handovers, 0);
  const auto& s = r.by_client[0][3];
  EXPECT_GT(s.tickets, 10);
  EXPECT_EQ(s.answered, s.tickets);  // nothing handed over was lost
  EXPECT_EQ(s.abandoned, 0);
}

TEST(BusinessTimeline, DeadlinesSkipClosedTime) {
  const BusinessTimeline open({{100, 200}, {300, 400}});
  EXPECT_DOUBLE_EQ(open.add(0, 50), 150);
  EXPECT_DOUBLE_EQ(open.add(150, 50), 200);
  EXPECT_DOUBLE_EQ(open.add(150, 51), 301);
  EXPECT_DOUBLE_EQ(open.add(250, 10), 310);
  EXPECT_TRUE(std::isinf(open.add(350, 100)));
  EXPECT_DOUBLE_EQ(BusinessTimeline().add(5, 10), 15);
}

}  // namespace
}  // namespace rcc::sim
