// Request counters and latency histograms, rendered in the Prometheus text format. Lock-free on
// the request path: fixed routes × status classes of atomics.
#pragma once

#include <array>
#include <atomic>
#include <string>
#include <string_view>
#include <vector>

namespace rcc::server {

class Metrics {
 public:
  explicit Metrics(std::vector<std::string> routes);
  // `route` indexes the routes given at construction; `seconds` is the handling time.
  void observe(std::size_t route, std::string_view method, int status, double seconds);
  // The request metrics; the caller appends its gauges.
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                   0.01,   0.025,   0.05,   0.1,   0.5,    2.5};
  static constexpr std::array<std::string_view, 5> kMethods{"GET", "POST", "DELETE", "PUT",
                                                            "other"};
  struct Route {
    std::string name;
    // [method][status class 1xx..5xx]
    std::array<std::array<std::atomic<long>, 5>, kMethods.size()> requests{};
    std::array<std::atomic<long>, kBuckets.size() + 1> buckets{};
    std::atomic<long> count{0};
    std::atomic<long> micros{0};
  };
  std::vector<Route> routes_;
};

}  // namespace rcc::server
