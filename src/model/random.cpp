#include "model/random.h"

#include <cmath>

namespace rcc::model {

namespace {

// Marsaglia and Tsang's 256-layer ziggurat for exp(-x): every layer (the base one with the tail
// included) has the same area kLayerArea; kTailStart is where the tail begins.
constexpr double kTailStart = 7.69711747013104972;
constexpr double kLayerArea = 0.0039496598225815571993;

struct ExponentialZiggurat {
  double x[257];  // layer i spans [0, x[i]) between heights f[i] and f[i + 1]; x[256] = 0
  double f[257];
  ExponentialZiggurat() {
    x[0] = kLayerArea / std::exp(-kTailStart);
    x[1] = kTailStart;
    for (int i = 1; i < 255; ++i) x[i + 1] = -std::log(std::exp(-x[i]) + kLayerArea / x[i]);
    x[256] = 0;
    for (int i = 0; i <= 256; ++i) f[i] = std::exp(-x[i]);
  }
};

const ExponentialZiggurat kZiggurat;

}  // namespace

double Rng::exponential() {
  while (true) {
    const std::uint64_t bits = next();
    const int layer = static_cast<int>(bits & 0xFF);
    const double z = static_cast<double>(bits >> 11) * 0x1.0p-53 * kZiggurat.x[layer];
    // Inside the part of the layer that lies wholly under the curve: 98.9 % of draws.
    if (z < kZiggurat.x[layer + 1]) return z;
    if (layer == 0) return kTailStart - std::log(1.0 - unit());  // memoryless tail
    const double y = kZiggurat.f[layer] + unit() * (kZiggurat.f[layer + 1] - kZiggurat.f[layer]);
    if (y < std::exp(-z)) return z;
  }
}

}  // namespace rcc::model
