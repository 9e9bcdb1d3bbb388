// An SLA clock's business time over a simulated horizon. No I/O.
#pragma once

#include <utility>
#include <vector>

namespace rcc::sim {

// Business time of an SLA clock over the horizon as sorted open intervals, so that a deadline is
// a binary search (the simulator computes millions of them). Empty intervals list = 24x7.
class BusinessTimeline {
 public:
  BusinessTimeline() = default;  // around the clock
  explicit BusinessTimeline(std::vector<std::pair<double, double>> open_intervals);
  // The time at which `duration` business seconds have elapsed since `from`.
  double add(double from, double duration) const;
  // Business seconds in [from, to).
  double between(double from, double to) const {
    return open_.empty() ? to - from : position(to) - position(from);
  }

 private:
  double position(double t) const;  // business seconds before t
  std::vector<std::pair<double, double>> open_;
  std::vector<double> before_;  // business seconds before open_[i].first
};

}  // namespace rcc::sim
