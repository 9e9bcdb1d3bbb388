#include "sim/business_timeline.h"

#include <algorithm>
#include <limits>

namespace rcc::sim {

BusinessTimeline::BusinessTimeline(std::vector<std::pair<double, double>> open_intervals)
    : open_(std::move(open_intervals)) {
  double total = 0;
  for (const auto& [a, b] : open_) {
    before_.push_back(total);
    total += b - a;
  }
}

double BusinessTimeline::position(double t) const {
  // The last interval starting at or before t.
  auto it = std::upper_bound(open_.begin(), open_.end(), t,
                             [](double x, const auto& iv) { return x < iv.first; });
  if (it == open_.begin()) return 0;
  const size_t i = static_cast<size_t>(it - open_.begin()) - 1;
  return before_[i] + std::min(t, open_[i].second) - open_[i].first;
}

double BusinessTimeline::add(double from, double duration) const {
  if (open_.empty()) return from + duration;
  const double target = position(from) + duration;
  // The first interval whose end position reaches the target.
  auto it = std::lower_bound(before_.begin(), before_.end(), target);
  size_t j = static_cast<size_t>(it - before_.begin());
  if (j > 0) --j;
  while (j < open_.size() && before_[j] + (open_[j].second - open_[j].first) < target) ++j;
  if (j == open_.size()) return std::numeric_limits<double>::infinity();
  return std::max(from, open_[j].first + (target - before_[j]));
}

}  // namespace rcc::sim
