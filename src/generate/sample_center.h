// A realistic, deterministic sample center: engineers in Islamabad, Lahore and Karachi with the
// skill mix of a telecom managed-services center, operator clients across the Gulf and Levant with
// their real time zones, workweeks and public holidays, upcoming projects and a ticket forecast.
// Same options -> same Center -> byte-identical dataset files.
#pragma once

#include <cstdint>

#include "model/center.h"

namespace rcc::generate {

struct GenerateOptions {
  int engineers = 850;  // 1 .. 1,000,000
  int clients = 9;      // 1 .. 90; past 9 the operator list repeats with numbered names
  std::uint64_t seed = 1;
  int projects = 0;  // 0: 12..20 per 850 engineers; else exactly this many (1 .. 100,000)
};

// Throws std::invalid_argument when an option is out of range.
model::Center generate_center(const GenerateOptions& options);

}  // namespace rcc::generate
