#include "forecast/erlang.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rcc::forecast {
namespace {

TEST(ErlangB, PublishedTableValues) {
  EXPECT_NEAR(erlang_b(10, 10.0), 0.2146, 5e-5);  // 10 lines, 10 Erlangs
  EXPECT_NEAR(erlang_b(1, 1.0), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(erlang_b(0, 3.0), 1.0);
}

TEST(ErlangC, PublishedTableValues) {
  const Load ten_erlangs{10.0, 1.0};
  EXPECT_NEAR(erlang_c(11, ten_erlangs, 0).p_wait, 0.6821, 5e-5);
  EXPECT_NEAR(erlang_c(12, ten_erlangs, 0).p_wait, 0.4494, 5e-5);
  EXPECT_NEAR(erlang_c(13, ten_erlangs, 0).p_wait, 0.2853, 5e-5);
  EXPECT_FALSE(erlang_c(10, ten_erlangs, 0).stable);
}

TEST(ErlangC, WorkedExample) {
  // 2 calls a minute, 3 minutes each (6 Erlangs), 8 agents, target 20 seconds.
  const auto r = erlang_c(8, {2.0, 1.0 / 3.0}, 20.0 / 60.0);
  EXPECT_NEAR(r.p_wait, 0.35698, 1e-5);
  EXPECT_NEAR(r.mean_wait * 60, 32.13, 0.01);  // seconds
  EXPECT_NEAR(r.service_level, 0.71415, 1e-5);
  EXPECT_DOUBLE_EQ(r.occupancy, 0.75);
}

TEST(ErlangC, SingleServerIsMM1) {
  const auto r = erlang_c(1, {0.8, 1.0}, 2.0);
  EXPECT_NEAR(r.p_wait, 0.8, 1e-12);
  EXPECT_NEAR(r.mean_wait, 0.8 / (1 - 0.8), 1e-12);
  EXPECT_NEAR(r.service_level, 1 - 0.8 * std::exp(-0.2 * 2.0), 1e-12);
}

TEST(ErlangC, StableForHundredsOfServersNearFullLoad) {
  const Load heavy{995.0, 1.0};
  const auto r = erlang_c(1000, heavy, 0.1);
  EXPECT_TRUE(r.stable);
  EXPECT_TRUE(std::isfinite(r.p_wait));
  EXPECT_GT(r.p_wait, 0.8);
  EXPECT_LT(r.p_wait, 1.0);
  // More servers never wait longer.
  double last = 1.0;
  for (int n = 996; n < 1100; n += 7) {
    const double p = erlang_c(n, heavy, 0.1).p_wait;
    EXPECT_LT(p, last);
    last = p;
  }
}

TEST(ErlangC, FewestServersForATarget) {
  // 80% within 20 s at 6 Erlangs: 8 agents give 71%, 9 give 86%.
  const Load load{2.0, 1.0 / 3.0};
  EXPECT_EQ(min_servers_erlang_c(load, 20.0 / 60.0, 0.80), 9);
  EXPECT_GE(erlang_c(9, load, 20.0 / 60.0).service_level, 0.80);
  EXPECT_LT(erlang_c(8, load, 20.0 / 60.0).service_level, 0.80);
  EXPECT_EQ(min_servers_erlang_c({0.0, 1.0}, 1.0, 0.8), 0);
  EXPECT_FALSE(min_servers_erlang_c(load, 0.0, 0.999999, 10).has_value());
}

// Erlang A with abandonment as fast as service is M/M/infinity: N ~ Poisson(A).
TEST(ErlangA, EqualPatienceAndServiceRatesGivePoisson) {
  const double a = 8.0;
  const int n = 10;
  const auto r = erlang_a(n, {a, 1.0}, 1.0, 0.0);
  double p_below = 0, term = std::exp(-a), queue = 0, cdf = 0;
  for (int k = 0; k < 200; ++k) {
    if (k < n) p_below += term;
    if (k > n) queue += (k - n) * term;
    cdf += term;
    term *= a / (k + 1);
  }
  EXPECT_NEAR(r.p_wait, 1 - p_below, 1e-9);
  EXPECT_NEAR(r.p_abandon, queue / a, 1e-9);
  EXPECT_NEAR(r.service_level, 1 - r.p_wait, 1e-9);  // target 0: only those never queued
}

TEST(ErlangA, ImpatienceApproachingZeroIsErlangC) {
  const Load load{2.0, 1.0 / 3.0};
  const auto c = erlang_c(8, load, 1.0 / 3.0);
  const auto a = erlang_a(8, load, 1e-7, 1.0 / 3.0);
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-4);
  EXPECT_NEAR(a.mean_wait, c.mean_wait, 1e-3);
  EXPECT_NEAR(a.service_level, c.service_level, 1e-4);
  EXPECT_LT(a.p_abandon, 1e-5);
}

TEST(ErlangA, OverloadedCenterStaysFiniteAndAbandons) {
  // 120 Erlangs on 100 engineers: Erlang C has no answer, Erlang A does.
  const auto r = erlang_a(100, {120.0, 1.0}, 0.5, 0.1);
  EXPECT_TRUE(std::isfinite(r.p_abandon));
  EXPECT_GT(r.p_abandon, 0.1);  // at least the excess load (20/120 = 0.167) is lost
  EXPECT_LT(r.p_abandon, 0.25);
  EXPECT_GT(r.occupancy, 0.95);
  EXPECT_EQ(min_servers_erlang_a({120.0, 1.0}, 0.5, 0.1, 0.8).value_or(0) > 100, true);
}

}  // namespace
}  // namespace rcc::forecast
