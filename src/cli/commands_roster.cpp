// rcc roster check, explain, solve: rosters on the Curtois & Qu benchmark model.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command_support.h"
#include "cli/table.h"
#include "model/errors.h"
#include "roster/benchmark_format.h"
#include "roster/bound.h"
#include "roster/diagnose.h"
#include "roster/evaluator.h"
#include "roster/solver.h"

namespace rcc::cli {

int run_roster_check(const std::string& instance, const std::string& solution, bool explain,
                     const Output& out) {
  const auto problem = roster::read_curtois_instance(read_text_file(instance), instance);
  const auto roster = roster::read_roster_grid(read_text_file(solution), solution, problem);
  const auto ev = roster::evaluate(problem, roster);
  const auto& b = ev.breakdown;
  // Every soft penalty, for explain: which request or cover, by employee and day.
  OrderedJson penalties = OrderedJson::array();
  std::string penalty_text;
  if (explain) {
    const auto add = [&](const std::string& term, const std::string& who, int day,
                         const std::string& shift, long cost, const std::string& why) {
      penalties.push_back({{"term", term},
                           {"employee", who},
                           {"day", day},
                           {"shift", shift},
                           {"penalty", cost},
                           {"why", why}});
      penalty_text += "  " + term + ": " + (who.empty() ? "" : "employee " + who + ", ") + "day " +
                      std::to_string(day) + ", shift " + shift + ": " + std::to_string(cost) +
                      " (" + why + ")\n";
    };
    for (const auto& r : problem.on_requests) {
      if (roster[r.employee][r.day] != r.shift) {
        add("shift on request", problem.employees[r.employee].id, r.day, problem.shifts[r.shift].id,
            r.weight, "asked to work it, does not");
      }
    }
    for (const auto& r : problem.off_requests) {
      if (roster[r.employee][r.day] == r.shift) {
        add("shift off request", problem.employees[r.employee].id, r.day,
            problem.shifts[r.shift].id, r.weight, "asked not to work it, does");
      }
    }
    for (int day = 0; day < problem.days; ++day) {
      for (roster::ShiftIdx t = 0; t < static_cast<roster::ShiftIdx>(problem.shifts.size()); ++t) {
        int n = 0;
        for (const auto& row : roster) n += row[day] == t ? 1 : 0;
        const auto& c = problem.cover_of(day, t);
        if (n < c.requirement) {
          add("cover under", "", day, problem.shifts[t].id,
              static_cast<long>(c.requirement - n) * c.under_weight,
              std::to_string(n) + " on shift, " + std::to_string(c.requirement) + " needed");
        } else if (n > c.requirement) {
          add("cover over", "", day, problem.shifts[t].id,
              static_cast<long>(n - c.requirement) * c.over_weight,
              std::to_string(n) + " on shift, " + std::to_string(c.requirement) + " needed");
        }
      }
    }
  }
  if (out.json) {
    OrderedJson violations = OrderedJson::array();
    for (const auto& v : ev.violations) {
      violations.push_back({{"rule", roster::rule_name(v.rule)},
                            {"employee", problem.employees[v.employee].id},
                            {"day", v.day},
                            {"detail", v.detail}});
    }
    OrderedJson j{{"instance", instance},
                  {"solution", solution},
                  {"feasible", ev.feasible()},
                  {"objective", ev.objective},
                  {"breakdown",
                   {{"shift_on_requests", b.shift_on_requests},
                    {"shift_off_requests", b.shift_off_requests},
                    {"cover_under", b.cover_under},
                    {"cover_over", b.cover_over}}},
                  {"violations", violations}};
    if (explain) {
      j["penalties"] = penalties;
      OrderedJson conflicts = OrderedJson::array();
      for (const auto& c : roster::find_conflicts(problem)) {
        conflicts.push_back(
            {{"day", c.day},
             {"employee",
              c.employee >= 0 ? OrderedJson(problem.employees[c.employee].id) : OrderedJson()},
             {"message", c.message}});
      }
      j["conflicts"] = conflicts;
    }
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "objective " << ev.objective << (ev.feasible() ? " (feasible)" : " (INFEASIBLE)")
              << "\n  shift on requests  " << b.shift_on_requests << "\n  shift off requests "
              << b.shift_off_requests << "\n  cover under        " << b.cover_under
              << "\n  cover over         " << b.cover_over << "\n";
    if (!ev.violations.empty()) {
      std::cout << ev.violations.size() << " hard-constraint violations:\n";
      for (const auto& v : ev.violations) {
        std::cout << "  " << roster::rule_name(v.rule) << ": employee "
                  << problem.employees[v.employee].id
                  << (v.day >= 0 ? ", day " + std::to_string(v.day) : std::string()) << ": "
                  << v.detail << "\n";
      }
    }
    if (explain) {
      std::cout << "Penalties:\n" << penalty_text;
      const auto conflicts = roster::find_conflicts(problem);
      std::cout << "Conflicts in the problem itself: " << (conflicts.empty() ? "none found" : "")
                << "\n";
      for (const auto& c : conflicts) std::cout << "  " << c.message << "\n";
    }
  }
  return ev.feasible() ? kOk : kInfeasible;
}

int run_roster_solve(const std::string& instance, const RosterSolveOptions& options,
                     const Output& out) {
  if (options.threads < 1 || options.threads > 64)
    throw model::BadInput("--threads must be between 1 and 64");
  if (!(options.time_seconds > 0)) throw model::BadInput("--time must be positive");
  const auto problem = roster::read_curtois_instance(read_text_file(instance), instance);
  roster::SolveOptions opt;
  opt.time_limit_seconds = options.time_seconds;
  opt.max_iterations = options.moves;
  opt.seed = options.seed;
  opt.threads = options.threads;
  double last_report = -1;
  if (options.time_seconds > 1) {
    // At most two lines a second: the curve of the best objective, not every improvement.
    opt.progress = [&last_report](double seconds, long best) {
      if (seconds - last_report < 0.5) return;
      last_report = seconds;
      std::fprintf(stderr, "%8.2f s  best %ld\n", seconds, best);
    };
  }
  roster::Roster published;
  if (!options.published.empty()) {
    published =
        roster::read_roster_grid(read_text_file(options.published), options.published, problem);
    opt.published = &published;
    opt.change_penalty = options.change_penalty;
  }
  const auto result = roster::solve(problem, opt);
  roster::BoundOptions bound_options;
  bound_options.time_limit_seconds = std::min(10.0, std::max(1.0, options.time_seconds / 5));
  // The best of the compact LP relaxation, the weekends alone and column generation's
  // Lagrangian bound.
  auto bound = roster::lp_lower_bound(problem, bound_options);
  if (const auto weekends = roster::weekend_lower_bound(problem, bound_options))
    bound = std::max(bound.value_or(*weekends), *weekends);
  if (result.lower_bound) {
    const auto lagrangian = static_cast<long>(std::ceil(*result.lower_bound - 1e-6));
    bound = std::max(bound.value_or(lagrangian), lagrangian);
  }
  const auto grid = roster::write_roster_grid(problem, result.roster);
  // What replanning changed, cell by cell: the list a planner publishes with the new roster.
  OrderedJson changes = OrderedJson::array();
  std::string change_text;
  if (opt.published != nullptr) {
    const auto name = [&](roster::ShiftIdx t) {
      return t == roster::kOff ? std::string("off") : problem.shifts[t].id;
    };
    for (size_t i = 0; i < published.size(); ++i) {
      for (int d = 0; d < problem.days; ++d) {
        const auto before = published[i][d], after = result.roster[i][d];
        if (before == after) continue;
        changes.push_back({{"employee", problem.employees[i].id},
                           {"day", d},
                           {"from", name(before)},
                           {"to", name(after)}});
        change_text += "  employee " + problem.employees[i].id + ", day " + std::to_string(d) +
                       ": " + name(before) + " -> " + name(after) + "\n";
      }
    }
  }
  if (!options.out.empty()) io::save_dataset({{options.out, grid}}, ".");
  const auto& ev = result.evaluation;
  if (out.json) {
    std::cout << OrderedJson{{"instance", instance},
                             {"feasible", ev.feasible()},
                             {"objective", ev.objective},
                             {"violations", ev.violations.size()},
                             {"bound", bound ? OrderedJson(*bound) : OrderedJson()},
                             {"seconds_to_best", result.seconds_to_best},
                             {"iterations", result.iterations},
                             {"seed", options.seed},
                             {"time_limit", options.time_seconds},
                             {"column_generation",
                              result.column_generation
                                  ? OrderedJson{{"rounds", result.column_generation->rounds},
                                                {"columns", result.column_generation->columns},
                                                {"dives", result.column_generation->dives},
                                                {"lp_optimal",
                                                 result.column_generation->lp_optimal}}
                                  : OrderedJson()},
                             {"changed_cells", result.changed_cells},
                             {"replan_cost", result.replan_cost ? OrderedJson(*result.replan_cost)
                                                                : OrderedJson()},
                             {"replan_lower_bound", result.replan_lower_bound
                                                        ? OrderedJson(static_cast<long>(std::ceil(
                                                              *result.replan_lower_bound - 1e-6)))
                                                        : OrderedJson()},
                             {"changes", changes}}
                     .dump(2)
              << "\n";
  } else {
    if (options.out.empty()) std::cout << grid;
    std::cerr << "objective " << ev.objective << (ev.feasible() ? "" : " (INFEASIBLE)")
              << (bound ? ", lower bound " + std::to_string(*bound) : std::string(", no bound"))
              << ", " << ev.violations.size() << " violations, best after "
              << fixed(result.seconds_to_best, 2) << " s, " << result.iterations << " moves\n";
    if (opt.published != nullptr) {
      std::cerr << result.changed_cells << " cells changed from " << options.published;
      if (result.replan_cost) {
        std::cerr << "; objective + " << opt.change_penalty << " per change "
                  << *result.replan_cost;
      }
      if (result.replan_lower_bound) {
        std::cerr << ", lower bound "
                  << static_cast<long>(std::ceil(*result.replan_lower_bound - 1e-6));
      }
      std::cerr << ":\n" << change_text;
    }
  }
  if (!ev.feasible() && !out.json) {
    for (const auto& c : roster::find_conflicts(problem))
      std::cerr << "conflict: " << c.message << "\n";
  }
  return ev.feasible() ? kOk : kInfeasible;
}

}  // namespace rcc::cli
