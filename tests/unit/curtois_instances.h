// For the roster tests: the public Curtois & Qu instances committed under tests/data/curtois,
// read as the CLI reads them, and independent recounts of what the solver counts.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "roster/benchmark_format.h"
#include "roster/problem.h"

namespace rcc::testing {

// `name` as in tests/data/curtois, e.g. "Instance3".
inline roster::Problem curtois_instance(const std::string& name) {
  std::ifstream in(std::string(RCC_TEST_DATA) + "/curtois/" + name + ".txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return roster::read_curtois_instance(text.str(), name + ".txt");
}

// Whole weekends worked on one of their two days, recounted over the whole row.
inline int half_worked_weekends(const std::vector<roster::ShiftIdx>& row) {
  int n = 0;
  for (size_t w = 0; 7 * w + 6 < row.size(); ++w)
    n += (row[7 * w + 5] != roster::kOff) != (row[7 * w + 6] != roster::kOff) ? 1 : 0;
  return n;
}

}  // namespace rcc::testing
