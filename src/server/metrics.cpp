#include "server/metrics.h"

#include <algorithm>
#include <sstream>

namespace rcc::server {

Metrics::Metrics(std::vector<std::string> routes) : routes_(routes.size()) {
  for (size_t i = 0; i < routes.size(); ++i) routes_[i].name = std::move(routes[i]);
}

void Metrics::observe(std::size_t route, std::string_view method, int status, double seconds) {
  auto& r = routes_.at(route);
  const auto m = std::find(kMethods.begin(), kMethods.end() - 1, method) - kMethods.begin();
  const int cls = std::clamp(status / 100, 1, 5) - 1;
  r.requests[m][cls].fetch_add(1, std::memory_order_relaxed);
  const auto b = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  r.buckets[b].fetch_add(1, std::memory_order_relaxed);
  r.count.fetch_add(1, std::memory_order_relaxed);
  r.micros.fetch_add(static_cast<long>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::ostringstream out;
  out << "# HELP rcc_http_requests_total HTTP requests by route, method and status class.\n"
         "# TYPE rcc_http_requests_total counter\n";
  for (const auto& r : routes_) {
    for (size_t m = 0; m < kMethods.size(); ++m) {
      for (int c = 0; c < 5; ++c) {
        const long n = r.requests[m][c].load(std::memory_order_relaxed);
        if (n == 0) continue;
        out << "rcc_http_requests_total{route=\"" << r.name << "\",method=\"" << kMethods[m]
            << "\",status=\"" << (c + 1) << "xx\"} " << n << "\n";
      }
    }
  }
  out << "# HELP rcc_http_request_duration_seconds Time to handle a request, by route.\n"
         "# TYPE rcc_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    const long count = r.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    long cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += r.buckets[b].load(std::memory_order_relaxed);
      out << "rcc_http_request_duration_seconds_bucket{route=\"" << r.name << "\",le=\""
          << kBuckets[b] << "\"} " << cumulative << "\n";
    }
    out << "rcc_http_request_duration_seconds_bucket{route=\"" << r.name << R"(",le="+Inf"} )"
        << count << "\n";
    out << "rcc_http_request_duration_seconds_sum{route=\"" << r.name << "\"} "
        << static_cast<double>(r.micros.load(std::memory_order_relaxed)) / 1e6 << "\n";
    out << "rcc_http_request_duration_seconds_count{route=\"" << r.name << "\"} " << count << "\n";
  }
  return out.str();
}

}  // namespace rcc::server
