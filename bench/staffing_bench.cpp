// One staffing instance: a generated center of N engineers (its project pipeline grows with it),
// planned by rcc; the same MIP over every candidate is written to MODEL_FILE for the HiGHS peer
// (bench/staffing_highs.py). Prints one JSON line.
// Usage: rcc-bench-staffing ENGINEERS SEED MODEL_FILE TIME_LIMIT_SECONDS [PROJECTS [PEER_MODEL]]
// (MODEL_FILE "-": no peer model; PROJECTS: the size of the pipeline, 0 or by default 12-20
// projects per 850 engineers; PEER_MODEL: per-head, the MIP as the issue states it and the
// default, or per-candidate, an integer per role and candidate)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "generate/sample_center.h"
#include "staffing/staffing_plan.h"

int main(int argc, char** argv) {
  const std::string peer_model = argc == 7 ? argv[6] : "per-head";
  if (argc < 5 || argc > 7 || (peer_model != "per-head" && peer_model != "per-candidate")) {
    std::cerr << "usage: rcc-bench-staffing ENGINEERS SEED MODEL_FILE TIME_LIMIT_SECONDS "
                 "[PROJECTS [per-head|per-candidate]]\n";
    return 2;
  }
  const int engineers = std::atoi(argv[1]);
  const auto seed = static_cast<std::uint64_t>(std::atoll(argv[2]));
  const std::string model_file = argv[3];
  const int projects = argc >= 6 ? std::atoi(argv[5]) : 0;
  const auto center = rcc::generate::generate_center({engineers, 9, seed, projects});
  int roles = 0;
  for (const auto& p : center.projects) roles += static_cast<int>(p.roles.size());
  rcc::staffing::StaffingOptions options;
  options.time_limit_seconds = std::atof(argv[4]);
  options.full_model_per_candidate = peer_model == "per-candidate";
  // Writing the peer's model file (like building it) is not counted in rcc's seconds.
  if (model_file != "-") {
    options.on_full_model = [&](const rcc::staffing::StaffingMip& m) {
      // Plain text: columns rows nonzeros, then cost, row bounds, column starts, rows, values,
      // column upper bounds, a line each.
      std::ofstream out(model_file);
      out.precision(17);
      const auto line = [&](const auto& values) {
        for (const auto v : values) out << v << " ";
        out << "\n";
      };
      out << m.cost.size() << " " << m.row_lower.size() << " " << m.values.size() << "\n";
      line(m.cost);
      line(m.row_lower);  // -1e30 for none, as written by the engine
      line(m.row_upper);
      line(m.starts);
      line(m.rows);
      line(m.values);
      line(m.column_upper);
    };
  }
  const auto r = rcc::staffing::plan_staffing(center, options);
  std::printf(
      "{\"solver\": \"rcc\", \"engineers\": %d, \"roles\": %d, \"slots\": %zu, \"months\": %zu, "
      "\"candidates\": %ld, \"status\": \"%s\", \"objective\": %.1f, \"bound\": %.1f, "
      "\"lp_bound\": %.1f, "
      "\"seconds\": %.3f, \"seconds_candidates\": %.3f, \"seconds_lp\": %.3f, "
      "\"seconds_mip\": %.3f, \"lp_rounds\": %d, \"master_rounds\": %d, \"patterns\": %ld, "
      "\"whole_heads_bound\": %.1f, \"objective_master\": %.1f, \"objective_resolved\": %.1f, "
      "\"last_model_columns\": %d, \"last_model_rows\": %d}\n",
      engineers, roles, r.slots.size(), r.months.size(), r.candidates,
      std::string(rcc::staffing::status_name(r.status)).c_str(), r.objective, r.bound, r.lp_bound,
      r.seconds, r.seconds_candidates, r.seconds_lp, r.seconds_mip, r.lp_rounds, r.master_rounds,
      r.patterns, r.whole_heads_bound, r.objective_master, r.objective_resolved, r.variables,
      r.constraints);
  return 0;
}
