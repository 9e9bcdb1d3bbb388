#include "forecast/erlang.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rcc::forecast {

double erlang_b(int servers, double offered) {
  // B(0) = 1; B(k) = A B(k-1) / (k + A B(k-1)): every step stays in [0, 1].
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered * b / (k + offered * b);
  return b;
}

ErlangCResult erlang_c(int servers, const Load& load, double target_wait) {
  ErlangCResult r;
  const double a = load.offered();
  const int n = servers;
  if (n <= 0 || a >= n) return r;  // unstable: everyone waits, forever on average
  const double b = erlang_b(n, a);
  r.stable = true;
  r.p_wait = n * b / (n - a * (1 - b));
  const double drain = n * load.service_rate - load.arrival_rate;  // rate the queue empties
  r.mean_wait = r.p_wait / drain;
  r.service_level = 1 - r.p_wait * std::exp(-drain * target_wait);
  r.occupancy = a / n;
  return r;
}

namespace {

// P(answered within t | k callers ahead, all servers busy) for M/M/n+M, for k = 0..K-1.
// The caller moves up when anyone ahead is served or abandons (rate n mu + j theta with j ahead)
// and reaches a server at rate n mu with nobody ahead; the caller's own patience races at theta.
// Solved by uniformisation of that absorbing chain, for all k at once.
std::vector<double> answered_within(int n, double mu, double theta, int K, double t) {
  const double served_rate = n * mu;
  const double uniform = served_rate + K * theta + theta;
  std::vector<double> v(K, 0.0), next(K);
  std::vector<double> result(K, 0.0);
  const double lt = uniform * t;
  // Poisson(lt) weights, accumulated in log space to survive large lt.
  const int max_jumps = static_cast<int>(lt + 12 * std::sqrt(lt + 1) + 20);
  double log_weight = -lt;  // log P(N = 0)
  for (int m = 0; m <= max_jumps; ++m) {
    if (m > 0) log_weight += std::log(lt) - std::log(static_cast<double>(m));
    // v = probability of having been answered within m jumps.
    const double w = std::exp(log_weight);
    for (int k = 0; k < K; ++k) result[k] += w * v[k];
    for (int k = 0; k < K; ++k) {
      const double move = (served_rate + k * theta) / uniform;  // k ahead -> k-1 ahead (or served)
      const double stay = 1 - move - theta / uniform;
      const double moved_value = k == 0 ? 1.0 : v[k - 1];
      next[k] = move * moved_value + stay * v[k];
    }
    v.swap(next);
  }
  return result;
}

}  // namespace

ErlangAResult erlang_a(int servers, const Load& load, double abandon_rate, double target_wait) {
  ErlangAResult r;
  const int n = std::max(servers, 0);
  const double lambda = load.arrival_rate, mu = load.service_rate, theta = abandon_rate;
  // Stationary distribution of the number in system, unnormalised and scaled as we go:
  // p(k) = p(k-1) * lambda / (min(k, n) mu + max(k - n, 0) theta).
  std::vector<double> p = {1.0};
  double total = 1.0;
  for (int k = 1;; ++k) {
    const double death = std::min(k, n) * mu + std::max(k - n, 0) * theta;
    const double next = p.back() * lambda / death;
    p.push_back(next);
    total += next;
    if (total > 1e250) {  // rescale to stay finite for large loads
      for (auto& x : p) x *= 1e-250;
      total *= 1e-250;
    }
    if (k > n && next < total * 1e-16) break;
  }
  for (auto& x : p) x /= total;

  double busy = 0, queue = 0, p_wait = 0;
  for (int k = 0; k < static_cast<int>(p.size()); ++k) {
    busy += std::min(k, n) * p[k];
    if (k >= n) {
      p_wait += p[k];
      queue += (k - n) * p[k];
    }
  }
  r.p_wait = p_wait;
  r.occupancy = n > 0 ? busy / n : 0;
  r.p_abandon = lambda > 0 ? theta * queue / lambda : 0;  // abandonment flow / arrival flow
  r.mean_wait = lambda > 0 ? queue / lambda : 0;          // Little's law on the queue
  // Arrivals see the stationary state (PASTA): state n + j means j callers ahead.
  const int ahead = static_cast<int>(p.size()) - n;
  double answered = 1 - p_wait;
  if (ahead > 0) {
    const auto within = answered_within(n, mu, theta, ahead, target_wait);
    for (int j = 0; j < ahead; ++j) answered += p[n + j] * within[j];
  }
  r.service_level = answered;
  return r;
}

std::optional<int> min_servers_erlang_c(const Load& load, double target_wait, double target_level,
                                        int max_servers) {
  if (load.arrival_rate <= 0) return 0;
  // The service level rises with n once stable: start at the load and walk up.
  for (int n = std::max(1, static_cast<int>(std::floor(load.offered())) + 1); n <= max_servers;
       ++n) {
    if (erlang_c(n, load, target_wait).service_level >= target_level) return n;
  }
  return std::nullopt;
}

std::optional<int> min_servers_erlang_a(const Load& load, double abandon_rate, double target_wait,
                                        double target_level, int max_servers) {
  if (load.arrival_rate <= 0) return 0;
  // With abandonment even n < A is stable; the service level still rises with n.
  int lo = 0, hi = 1;
  while (hi <= max_servers &&
         erlang_a(hi, load, abandon_rate, target_wait).service_level < target_level) {
    lo = hi;
    hi *= 2;
  }
  if (hi > max_servers) {
    hi = max_servers;
    if (erlang_a(hi, load, abandon_rate, target_wait).service_level < target_level) {
      return std::nullopt;
    }
  }
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    if (erlang_a(mid, load, abandon_rate, target_wait).service_level >= target_level) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

}  // namespace rcc::forecast
