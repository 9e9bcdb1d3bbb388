#include "model/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// The ziggurat against the exponential law itself: moments, the Kolmogorov-Smirnov distance over
// the whole range, and the share beyond the ziggurat's tail start (drawn by a separate branch).
TEST(Random, ZigguratExponentialFollowsTheExponentialLaw) {
  rcc::model::Rng rng(7);
  constexpr int n = 400000;
  std::vector<double> xs(n);
  double sum = 0, sum2 = 0;
  for (auto& x : xs) {
    x = rng.exponential();
    ASSERT_GE(x, 0.0);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 1.0, 4 * 1.0 / std::sqrt(n));
  EXPECT_NEAR(sum2 / n - mean * mean, 1.0, 0.03);
  std::sort(xs.begin(), xs.end());
  double ks = 0;
  for (int i = 0; i < n; ++i) {
    const double cdf = 1 - std::exp(-xs[i]);
    ks = std::max({ks, std::abs(cdf - static_cast<double>(i) / n),
                   std::abs(cdf - static_cast<double>(i + 1) / n)});
  }
  EXPECT_LT(ks, 1.63 / std::sqrt(n));  // the 1 % critical value
  const auto beyond = std::count_if(xs.begin(), xs.end(), [](double x) { return x > 7.7; });
  const double expected = n * std::exp(-7.7);  // ~181
  EXPECT_NEAR(static_cast<double>(beyond), expected, 4 * std::sqrt(expected));
}

}  // namespace
