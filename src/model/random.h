// A small, fully specified random generator (xoshiro256**, seeded by SplitMix64). The standard
// library's distributions differ between implementations; this one gives the same center from the
// same seed on every machine.
#pragma once

#include <cstdint>
#include <vector>

namespace rcc::model {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n), n < 2^31: the high 32 bits scaled by n (Lemire's multiply-shift).
  int below(int n) {
    return static_cast<int>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  // Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // Exponential with mean 1, by a ziggurat: as exact as -log(1 - unit()) and without the
  // logarithm on almost every draw, which matters to a simulator drawing millions of them.
  double exponential();

  // Index drawn with probability proportional to weights[i].
  int weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = unit() * total;
    for (int i = 0; i < static_cast<int>(weights.size()); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return static_cast<int>(weights.size()) - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace rcc::model
