#include "cli/commands.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/ops_report.h"
#include "cli/plan_report.h"
#include "cli/table.h"
#include "forecast/demand.h"
#include "forecast/history_fit.h"
#include "generate/sample_center.h"
#include "io/curtois.h"
#include "io/dataset.h"
#include "io/history.h"
#include "model/dates.h"
#include "roster/bound.h"
#include "roster/diagnose.h"
#include "roster/evaluator.h"
#include "roster/rcc_roster.h"
#include "roster/solver.h"
#include "sim/center_input.h"
#include "sim/replay.h"
#include "sim/simulator.h"
#include "staffing/capacity.h"
#include "store/store.h"

namespace rcc::cli {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson diagnostics_json(const io::Diagnostics& d) {
  OrderedJson list = OrderedJson::array();
  for (const auto& item : d.items()) {
    OrderedJson j{{"severity", item.severity == io::Severity::error ? "error" : "warning"},
                  {"file", item.where.file}};
    if (item.where.line > 0) j["line"] = item.where.line;
    if (item.where.column > 0) j["column"] = item.where.column;
    if (!item.where.json_path.empty()) j["path"] = item.where.json_path;
    j["message"] = item.message;
    list.push_back(std::move(j));
  }
  return list;
}

void print_diagnostics(const io::Diagnostics& d) {
  for (const auto& item : d.items()) std::cerr << item.to_string() << "\n";
}

std::string counts(const model::Center& c) {
  return std::to_string(c.engineers.size()) + " engineers, " + std::to_string(c.clients.size()) +
         " clients, " + std::to_string(c.projects.size()) + " projects, " +
         std::to_string(c.forecast.size()) + " forecast series, " +
         std::to_string(c.calendars.size()) + " holiday calendars";
}

class Stopwatch {
 public:
  double elapsed_ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Loads and validates a dataset folder; InputError carries every diagnostic.
io::LoadedDataset load_valid(const std::string& dir) {
  auto loaded = io::read_dataset(dir);
  if (loaded.diagnostics.has_errors()) throw io::InputError(loaded.diagnostics);
  return loaded;
}

}  // namespace

int run_validate(const std::string& dir, const Output& out) {
  const auto loaded = io::read_dataset(dir);
  const auto& d = loaded.diagnostics;
  const int errors = d.error_count();
  const int warnings = static_cast<int>(d.items().size()) - errors;
  if (out.json) {
    std::cout << OrderedJson{{"dataset", dir},
                             {"valid", errors == 0},
                             {"errors", errors},
                             {"warnings", warnings},
                             {"diagnostics", diagnostics_json(d)}}
                     .dump(2)
              << "\n";
  } else {
    print_diagnostics(d);
    if (errors == 0) {
      std::cout << dir << ": valid (" << counts(loaded.center) << "; " << warnings
                << " warnings)\n";
    } else {
      std::cout << dir << ": " << errors << " errors, " << warnings << " warnings\n";
    }
  }
  return errors == 0 ? kOk : kBadInput;
}

int run_generate(int engineers, int clients, std::uint64_t seed, const std::string& out_dir,
                 const Output& out) {
  const auto center = generate::generate_center({engineers, clients, seed});
  io::save_dataset(io::write_dataset(center), out_dir);
  if (out.json) {
    std::cout << OrderedJson{{"out", out_dir},
                             {"engineers", center.engineers.size()},
                             {"clients", center.clients.size()},
                             {"projects", center.projects.size()},
                             {"forecast_series", center.forecast.size()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "wrote " << out_dir << ": " << counts(center) << "\n";
  }
  return kOk;
}

int run_import(const std::string& dir, const std::string& db, const Output& out) {
  const auto loaded = load_valid(dir);
  print_diagnostics(loaded.diagnostics);  // warnings only
  const auto store = store::open_store(db);
  store->replace_center(loaded.center);
  if (out.json) {
    std::cout << OrderedJson{{"db", db},
                             {"engineers", loaded.center.engineers.size()},
                             {"clients", loaded.center.clients.size()},
                             {"projects", loaded.center.projects.size()},
                             {"schema_version", store->schema_version()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "imported " << dir << " into " << db << ": " << counts(loaded.center) << "\n";
  }
  return kOk;
}

int run_export(const std::string& db, const std::string& out_dir, const Output& out) {
  const auto store = store::open_store(db);
  const auto center = store->load_center();
  if (!center) {
    std::cerr << "rcc: " << db << " holds no center; run `rcc import DIR --db " << db
              << "` first\n";
    return kBadInput;
  }
  io::save_dataset(io::write_dataset(*center), out_dir);
  if (out.json) {
    std::cout << OrderedJson{{"out", out_dir}, {"engineers", center->engineers.size()}}.dump(2)
              << "\n";
  } else {
    std::cout << "exported " << db << " to " << out_dir << ": " << counts(*center) << "\n";
  }
  return kOk;
}

namespace {

struct LoadedCenter {
  model::Center center;
  std::string source;
  std::string validation;  // what the validate stage found
};

// Reads the center from a folder (validated) or from the store (invariants checked again: the
// database may have been edited by hand since the import).
LoadedCenter load_source(const Source& source) {
  LoadedCenter out;
  if (!source.db.empty()) {
    const auto store = store::open_store(source.db);
    auto stored = store->load_center();
    if (!stored) {
      io::Diagnostics d;
      d.error({source.db}, "holds no center; run `rcc import DIR --db " + source.db + "` first");
      throw io::InputError(d);
    }
    const auto problems = model::check_invariants(*stored);
    if (!problems.empty()) {
      io::Diagnostics d;
      for (const auto& p : problems) d.error({source.db}, p.field + ": " + p.message);
      throw io::InputError(d);
    }
    out.center = std::move(*stored);
    out.source = source.db;
    out.validation = "0 errors (store)";
    return out;
  }
  auto loaded = load_valid(source.data_dir);
  print_diagnostics(loaded.diagnostics);
  out.center = std::move(loaded.center);
  out.source = source.data_dir;
  out.validation = "0 errors, " + std::to_string(loaded.diagnostics.items().size()) + " warnings";
  return out;
}

forecast::StaffingTarget staffing_target(const CapacityOptions& o) {
  return {o.service_level, o.shrinkage};
}

StaffingPlan plan_staffing(const model::Center& center, const CapacityOptions& capacity) {
  StaffingPlan plan;
  plan.needs = forecast::required_engineers(center, staffing_target(capacity),
                                            model::month_start(center.plan_start));
  forecast::ShiftDesignOptions design_options;
  if (capacity.shift_patterns == "center") {
    for (const auto& type : center.shift_types) {
      design_options.patterns.push_back({type.start_minute, type.length_minutes});
    }
  } else if (capacity.shift_patterns != "any") {
    throw std::invalid_argument("--shift-patterns must be center or any");
  }
  for (const auto& need : plan.needs) {
    auto design = forecast::design_shifts(need.engineers, design_options);
    for (const auto& s : design.shifts) {
      plan.shift_needs.push_back(
          {s.day, need.skill, s.start_minute, s.length_minutes, s.engineers});
    }
    plan.designs.emplace_back(need.skill, std::move(design));
  }
  return plan;
}

// The RCC roster for the designed shifts: the roster engine over `weeks` weeks from `first_day`
// (a Monday), with a move budget so the same center always gives the same roster.
struct PlannedRoster {
  roster::SolveResult solved;
  roster::RccRosterSummary summary;
  std::vector<sim::RosterShift> shifts;
};

PlannedRoster plan_roster(const model::Center& center, const StaffingPlan& staffing,
                          model::Date first_day, int weeks, long moves) {
  std::vector<roster::SkillShiftDemand> demand;
  for (const auto& [skill, design] : staffing.designs) {
    for (const auto& d : design.shifts) {
      for (int t = 0; t < static_cast<int>(center.shift_types.size()); ++t) {
        const auto& type = center.shift_types[t];
        if (type.start_minute == d.start_minute && type.length_minutes == d.length_minutes) {
          demand.push_back({d.day, t, skill, d.engineers});
          break;
        }
      }
    }
  }
  PlannedRoster out;
  if (demand.empty()) return out;  // shifts designed outside the center's shift types
  const auto rcc = roster::build_rcc_roster(center, demand, first_day, weeks);
  roster::SolveOptions options;
  options.max_iterations = moves;
  options.time_limit_seconds = 600;  // guards only against a machine far slower than expected
  out.solved = roster::solve(rcc.problem, options);
  out.summary = roster::summarize_rcc_roster(center, rcc, out.solved.roster);
  for (size_t i = 0; i < out.solved.roster.size(); ++i) {
    for (int d = 0; d < rcc.problem.days; ++d) {
      const auto t = out.solved.roster[i][d];
      if (t == roster::kOff) continue;
      const auto& type = center.shift_types[rcc.types[t].shift];
      out.shifts.push_back({rcc.engineers[i], first_day + std::chrono::days{d}, type.start_minute,
                            type.length_minutes});
    }
  }
  return out;
}

sim::SimOptions sim_options(const SimulateOptions& o) {
  const auto policy = dispatch::policy_from_name(o.policy);
  if (!policy) {
    throw std::invalid_argument("--policy must be longest-idle, least-loaded or sla-risk-first");
  }
  if (o.weeks < 1 || o.weeks > 104) throw std::invalid_argument("--weeks must be 1..104");
  sim::SimOptions opt;
  opt.horizon_seconds = o.weeks * 7 * 86400.0;
  opt.seed = o.seed;
  opt.policy = *policy;
  opt.mean_patience_seconds = o.patience_minutes * 60;
  return opt;
}

}  // namespace

int run_plan(const Source& source, const CapacityOptions& capacity, const Output& out) {
  OrderedJson stages = OrderedJson::array();
  std::string text;
  const auto stage = [&](const std::string& name, double ms, const std::string& detail) {
    stages.push_back(
        {{"stage", name}, {"status", "ok"}, {"ms", std::round(ms * 10) / 10}, {"detail", detail}});
    char line[256];
    std::snprintf(line, sizeof line, "  %-10s ok  %8.1f ms  %s\n", name.c_str(), ms,
                  detail.c_str());
    text += line;
  };

  Stopwatch load_time;
  const auto loaded = load_source(source);
  const auto& center = loaded.center;
  stage("load", load_time.elapsed_ms(), counts(center));
  stage("validate", 0.0, loaded.validation);

  Stopwatch capacity_time;
  const auto summary = staffing::summarize_capacity(center);
  stage("capacity", capacity_time.elapsed_ms(),
        std::to_string(summary.headcount.size()) + " skills held, " +
            std::to_string(summary.balance.size()) + " skill-months demanded");

  Stopwatch forecast_time;
  const auto staffing = plan_staffing(center, capacity);
  const auto gaps = forecast::shortfalls(staffing.needs);
  stage("forecast", forecast_time.elapsed_ms(),
        std::to_string(staffing.needs.size()) + " skills forecast; center.json coverage short in " +
            std::to_string(gaps.size()) + " periods of the first week");
  long designed_minutes = 0;
  for (const auto& [skill, d] : staffing.designs) designed_minutes += d.engineer_minutes;
  stage("shifts", 0.0,
        std::to_string(designed_minutes / 60) + " engineer-hours a week in " +
            std::to_string(staffing.shift_needs.size()) + " designed shifts");

  Stopwatch roster_time;
  const auto first_day = model::first_monday(center.plan_start);
  const auto planned = plan_roster(center, staffing, first_day, 4, capacity.roster_moves);
  const auto& summary_roster = planned.summary;
  const auto& solved = planned.solved;
  stage("roster", roster_time.elapsed_ms(),
        std::to_string(summary_roster.engineers_rostered) + " engineers, " +
            std::to_string(summary_roster.shifts) + " shifts in 4 weeks, " +
            std::to_string(summary_roster.unmet_cover) + " places unfilled, " +
            std::to_string(solved.evaluation.violations.size()) + " contract violations");

  Stopwatch sim_time;
  const SimulateOptions sim_defaults;
  const auto setup =
      planned.shifts.empty()
          ? sim::build_simulation(center, staffing.shift_needs, center.plan_start, 1)
          : sim::build_simulation(center, staffing.shift_needs, planned.shifts, first_day, 1);
  const auto result = sim::simulate(setup.input, sim_options(sim_defaults));
  long in_target = 0;
  for (const auto& client : result.by_client) {
    for (const auto& s : client) in_target += s.answered_in_target;
  }
  const double attainment =
      result.tickets > 0 ? static_cast<double>(in_target) / static_cast<double>(result.tickets) : 1;
  stage("simulate", sim_time.elapsed_ms(),
        std::to_string(result.tickets) + " tickets in one week on the roster, " +
            fixed(100 * attainment) + "% answered within SLA");

  if (out.json) {
    std::cout << OrderedJson{{"center", center.id},
                             {"name", center.name},
                             {"source", loaded.source},
                             {"plan_start", model::format_date(center.plan_start)},
                             {"plan_end", model::format_date(center.plan_end)},
                             {"stages", stages},
                             {"capacity", capacity_json(center, summary)},
                             {"forecast", demand_json(center, staffing.needs)},
                             {"shift_design", design_json(center, staffing)},
                             {"roster",
                              {{"engineers", summary_roster.engineers_rostered},
                               {"shifts", summary_roster.shifts},
                               {"unfilled", summary_roster.unmet_cover},
                               {"violations", solved.evaluation.violations.size()},
                               {"nights_per_engineer",
                                {summary_roster.min_nights, summary_roster.max_nights}},
                               {"weekend_days_per_engineer",
                                {summary_roster.min_weekends, summary_roster.max_weekends}}}},
                             {"simulation", simulation_json(setup, result)}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "rcc plan: " << center.name << " (" << loaded.source << "), "
              << model::format_date(center.plan_start) << " to "
              << model::format_date(center.plan_end) << "\n"
              << text << "\n"
              << capacity_text(center, summary) << "\n"
              << demand_text(center, staffing.needs) << "\n"
              << design_text(center, staffing) << "\n"
              << "Roster, 4 weeks from " << model::format_date(first_day) << " (roster engine, "
              << capacity.roster_moves << " moves): " << summary_roster.engineers_rostered
              << " engineers, " << summary_roster.shifts << " shifts, "
              << summary_roster.unmet_cover << " places unfilled, "
              << solved.evaluation.violations.size() << " contract violations; nights per engineer "
              << summary_roster.min_nights << ".." << summary_roster.max_nights << ", weekend days "
              << summary_roster.min_weekends << ".." << summary_roster.max_weekends << "\n\n"
              << "Simulated first week on that roster\n"
              << simulation_text(setup, result);
  }
  return kOk;
}

int run_capacity(const Source& source, const CapacityOptions& capacity, const Output& out) {
  const auto loaded = load_source(source);
  const auto staffing = plan_staffing(loaded.center, capacity);
  if (out.json) {
    auto j = demand_json(loaded.center, staffing.needs);
    j["shift_design"] = design_json(loaded.center, staffing);
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << demand_text(loaded.center, staffing.needs) << "\n"
              << design_text(loaded.center, staffing);
  }
  return kOk;
}

int run_simulate(const Source& source, const SimulateOptions& options, const Output& out) {
  const auto opt = sim_options(options);
  const auto loaded = load_source(source);
  if (options.roster != "engine" && options.roster != "designed" && options.roster != "coverage") {
    throw std::invalid_argument("--roster must be engine, designed or coverage");
  }
  const auto& center = loaded.center;
  const auto staffing = plan_staffing(center, CapacityOptions{});
  const auto needs =
      options.roster == "coverage" ? sim::coverage_needs(center) : staffing.shift_needs;
  const auto first_day = model::first_monday(center.plan_start);
  PlannedRoster planned;
  if (options.roster == "engine") {
    planned =
        plan_roster(center, staffing, first_day, options.weeks, CapacityOptions{}.roster_moves);
  }
  const auto setup = planned.shifts.empty()
                         ? sim::build_simulation(center, needs, center.plan_start, options.weeks,
                                                 options.tickets_per_engineer)
                         : sim::build_simulation(center, needs, planned.shifts, first_day,
                                                 options.weeks, options.tickets_per_engineer);
  Stopwatch time;
  const auto result = sim::simulate(setup.input, opt);
  const double ms = time.elapsed_ms();
  if (out.json) {
    auto j = simulation_json(setup, result);
    j["weeks"] = options.weeks;
    j["seed"] = options.seed;
    j["policy"] = options.policy;
    j["roster"] = options.roster;
    j["elapsed_ms"] = std::round(ms);
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "rcc simulate: " << options.weeks << " week(s) from "
              << model::format_date(loaded.center.plan_start) << ", seed " << options.seed
              << ", policy " << options.policy << ", roster " << options.roster << " ("
              << fixed(ms, 0) << " ms)\n"
              << simulation_text(setup, result);
  }
  return kOk;
}

namespace {
std::string read_text_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    io::Diagnostics d;
    d.error({file}, "cannot open the file");
    throw io::InputError(d);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

int run_roster_check(const std::string& instance, const std::string& solution, bool explain,
                     const Output& out) {
  const auto problem = io::read_curtois_instance(read_text_file(instance), instance);
  const auto roster = io::read_roster_grid(read_text_file(solution), solution, problem);
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
  if (options.threads != 1) throw std::invalid_argument("--threads: only 1 is supported so far");
  if (!(options.time_seconds > 0)) throw std::invalid_argument("--time must be positive");
  const auto problem = io::read_curtois_instance(read_text_file(instance), instance);
  roster::SolveOptions opt;
  opt.time_limit_seconds = options.time_seconds;
  opt.max_iterations = options.moves;
  opt.seed = options.seed;
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
    published = io::read_roster_grid(read_text_file(options.published), options.published, problem);
    opt.published = &published;
    opt.change_penalty = options.change_penalty;
  }
  const auto result = roster::solve(problem, opt);
  roster::BoundOptions bound_options;
  bound_options.time_limit_seconds = std::min(10.0, std::max(1.0, options.time_seconds / 5));
  const auto bound = roster::lp_lower_bound(problem, bound_options);
  const auto grid = io::write_roster_grid(problem, result.roster);
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
                             {"changed_cells", result.changed_cells},
                             {"changes", changes}}
                     .dump(2)
              << "\n";
  } else {
    if (options.out.empty()) std::cout << grid;
    std::cerr << "objective " << ev.objective << (ev.feasible() ? "" : " (INFEASIBLE)")
              << (bound ? ", LP bound " + std::to_string(*bound) : std::string(", no bound"))
              << ", " << ev.violations.size() << " violations, best after "
              << fixed(result.seconds_to_best, 2) << " s, " << result.iterations << " moves\n";
    if (opt.published != nullptr) {
      std::cerr << result.changed_cells << " cells changed from " << options.published << ":\n"
                << change_text;
    }
  }
  if (!ev.feasible() && !out.json) {
    for (const auto& c : roster::find_conflicts(problem))
      std::cerr << "conflict: " << c.message << "\n";
  }
  return ev.feasible() ? kOk : kInfeasible;
}

int run_history(const std::string& file, const std::string& format, std::uint64_t seed,
                const Output& out) {
  const auto text = read_text_file(file);
  io::Diagnostics d;
  const auto log = format == "anonymous-bank" ? io::read_anonymous_bank_log(text, file, d)
                                              : io::read_ticket_history_csv(text, file, d);
  if (d.has_errors()) throw io::InputError(d);
  if (log.calls.empty()) {
    d.error({file}, "the history holds no calls");
    throw io::InputError(d);
  }
  const auto fit = forecast::fit_history(log);
  const auto report = sim::replay_log(log, fit, seed);

  if (out.json) {
    OrderedJson hours = OrderedJson::array();
    for (const auto& h : report.by_hour) {
      if (h.calls == 0) continue;
      hours.push_back({{"hour", h.hour},
                       {"calls", h.calls},
                       {"actual_mean_wait_s", h.actual_mean_wait},
                       {"simulated_mean_wait_s", h.simulated_mean_wait},
                       {"actual_abandon", h.actual_abandon},
                       {"simulated_abandon", h.simulated_abandon}});
    }
    std::cout << OrderedJson{{"file", file},
                             {"first_day", model::format_date(log.first_day)},
                             {"days", log.days},
                             {"fit",
                              {{"calls", fit.calls},
                               {"answered", fit.answered},
                               {"abandoned", fit.abandoned},
                               {"phantom", fit.phantom},
                               {"handle_mean_s", fit.handle_mean},
                               {"handle_cv", fit.handle_cv},
                               {"lognormal_mu", fit.lognormal_mu},
                               {"lognormal_sigma", fit.lognormal_sigma},
                               {"patience_mean_s", fit.patience_mean},
                               {"arrivals_per_hour_of_week", fit.arrivals_per_hour}}},
                             {"replay",
                              {{"agents", report.agents},
                               {"calls", report.replayed},
                               {"actual_mean_wait_s", report.actual_mean_wait},
                               {"simulated_mean_wait_s", report.simulated_mean_wait},
                               {"actual_abandon", report.actual_abandon},
                               {"simulated_abandon", report.simulated_abandon},
                               {"wait_mae_s", report.wait_mae_seconds},
                               {"abandon_mae", report.abandon_mae},
                               {"by_hour", hours}}}}
                     .dump(2)
              << "\n";
    return kOk;
  }
  std::cout << "rcc history: " << file << ", " << log.days << " day(s) from "
            << model::format_date(log.first_day) << "\n"
            << "  calls " << fit.calls << ": answered " << fit.answered << ", abandoned "
            << fit.abandoned << ", phantom " << fit.phantom << "\n"
            << "  handle time: mean " << fixed(fit.handle_mean) << " s, cv "
            << fixed(fit.handle_cv, 2) << ", lognormal mu " << fixed(fit.lognormal_mu, 3)
            << " sigma " << fixed(fit.lognormal_sigma, 3) << "\n"
            << "  patience (exponential, censored MLE): mean " << fixed(fit.patience_mean)
            << " s\n\n";
  TextTable t({"hour", "calls", "wait actual (s)", "wait simulated (s)", "abandon actual",
               "abandon simulated"});
  for (const auto& h : report.by_hour) {
    if (h.calls == 0) continue;
    t.add_row({std::to_string(h.hour), std::to_string(h.calls), fixed(h.actual_mean_wait),
               fixed(h.simulated_mean_wait), fixed(100 * h.actual_abandon) + "%",
               fixed(100 * h.simulated_abandon) + "%"});
  }
  std::cout << "Replay with the staffing the log shows (" << report.agents
            << " agents, each on shift in every clock hour in which they answered a call)\n"
            << t.render() << "all hours: wait " << fixed(report.actual_mean_wait) << " s actual vs "
            << fixed(report.simulated_mean_wait) << " s simulated; abandonment "
            << fixed(100 * report.actual_abandon) << "% vs "
            << fixed(100 * report.simulated_abandon)
            << "%; mean absolute error per hour (call-weighted): wait "
            << fixed(report.wait_mae_seconds) << " s, abandonment "
            << fixed(100 * report.abandon_mae) << " points\n";
  return kOk;
}

}  // namespace rcc::cli
