// One staffing instance: a generated center of N engineers (its project pipeline grows with it),
// planned by rcc; the same MIP over every candidate is written to MODEL_FILE for the HiGHS peer
// (bench/staffing_highs.py). Prints one JSON line.
// Usage: rcc-bench-staffing ENGINEERS SEED MODEL_FILE TIME_LIMIT_SECONDS
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "generate/sample_center.h"
#include "staffing/staffing_plan.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: rcc-bench-staffing ENGINEERS SEED MODEL_FILE TIME_LIMIT_SECONDS\n";
    return 2;
  }
  const int engineers = std::atoi(argv[1]);
  const auto seed = static_cast<std::uint64_t>(std::atoll(argv[2]));
  const std::string model_file = argv[3];
  const auto center = rcc::generate::generate_center({engineers, 9, seed});
  rcc::staffing::StaffingOptions options;
  options.time_limit_seconds = std::atof(argv[4]);
  options.on_full_model = [&](const rcc::staffing::StaffingMip& m) {
    // Plain text: columns rows nonzeros, then cost, row bounds, column starts, rows, values.
    std::ofstream out(model_file);
    out.precision(17);
    out << m.cost.size() << " " << m.row_lower.size() << " " << m.values.size() << "\n";
    for (double v : m.cost) out << v << " ";
    out << "\n";
    for (double v : m.row_lower) out << (v < -1e29 ? -1e30 : v) << " ";
    out << "\n";
    for (double v : m.row_upper) out << v << " ";
    out << "\n";
    for (long v : m.starts) out << v << " ";
    out << "\n";
    for (int v : m.rows) out << v << " ";
    out << "\n";
    for (double v : m.values) out << v << " ";
    out << "\n";
  };
  const auto r = rcc::staffing::plan_staffing(center, options);
  std::printf(
      "{\"solver\": \"rcc\", \"engineers\": %d, \"slots\": %zu, \"months\": %zu, "
      "\"candidates\": %ld, \"status\": \"%s\", \"objective\": %.1f, \"bound\": %.1f, "
      "\"seconds\": %.3f, \"seconds_mip\": %.3f}\n",
      engineers, r.slots.size(), r.months.size(), r.candidates,
      std::string(rcc::staffing::status_name(r.status)).c_str(), r.objective, r.bound,
      r.seconds - 0.0, r.seconds_mip);
  return 0;
}
