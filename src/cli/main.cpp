// rcc: the command line of the Regional Competence Center platform. main only declares the
// subcommands and turns failures into documented exit codes; the work is in commands.cpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "io/diagnostics.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 runtime failure (disk, database); 2 bad input or usage "
    "(nothing is written).";

}  // namespace

int main(int argc, char** argv) {
  using namespace rcc::cli;
  CLI::App app{
      "rcc: plans and runs a Regional Competence Center (talent pool, projects, "
      "rosters, SLA dispatch).",
      "rcc"};
  app.footer(kExitCodes);
  app.set_version_flag("--version", "rcc 0.1.0");
  app.require_subcommand(1);
  Output out;
  app.add_flag("--json", out.json, "Machine-readable JSON on standard output");
  app.fallthrough();

  std::function<int()> action;

  auto* validate = app.add_subcommand(
      "validate",
      "Check a dataset folder: syntax, references, ranges, time zones, calendars. "
      "Reports every error with file:line or JSON path; changes nothing.");
  std::string validate_dir;
  validate->add_option("DIR", validate_dir, "Dataset folder")->required();
  validate->callback([&] { action = [&] { return run_validate(validate_dir, out); }; });

  auto* generate = app.add_subcommand(
      "generate", "Write a realistic sample center (same arguments, byte-identical files)");
  int engineers = 850;
  int clients = 9;
  std::uint64_t seed = 1;
  std::string generate_out;
  generate->add_option("--engineers", engineers, "Number of engineers")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  generate->add_option("--clients", clients, "Number of operator clients")
      ->capture_default_str()
      ->check(CLI::Range(1, 90));
  generate->add_option("--seed", seed, "Random seed")->capture_default_str();
  generate->add_option("--out", generate_out, "Output folder")->required();
  generate->callback(
      [&] { action = [&] { return run_generate(engineers, clients, seed, generate_out, out); }; });

  auto* import =
      app.add_subcommand("import",
                         "Validate a dataset and load it into the store in one transaction "
                         "(replaces the stored center; all or nothing)");
  std::string import_dir, import_db;
  import->add_option("DIR", import_dir, "Dataset folder")->required();
  import->add_option("--db", import_db, "SQLite database file (created if missing)")->required();
  import->callback([&] { action = [&] { return run_import(import_dir, import_db, out);
};
});

auto* exp = app.add_subcommand("export", "Write the stored center back as a dataset folder");
std::string export_db, export_out;
exp->add_option("--db", export_db, "SQLite database file")->required()->check(CLI::ExistingFile);
exp->add_option("--out", export_out, "Output folder")->required();
exp->callback([&] { action = [&] { return run_export(export_db, export_out, out); }; });

auto* plan =
    app.add_subcommand("plan",
                       "Run the planning pipeline: load, validate, capacity summary (headcount by "
                       "skill/level/city; project demand vs. supply per skill per month)");
std::string plan_data, plan_db;
auto* data_opt =
    plan->add_option("--data", plan_data, "Dataset folder") -> check(CLI::ExistingDirectory);
auto* db_opt =
    plan->add_option("--db", plan_db, "SQLite database file") -> check(CLI::ExistingFile);
data_opt->excludes(db_opt);
plan->callback([&] {
  if (plan_data.empty() && plan_db.empty()) throw CLI::RequiredError("--data or --db");
  action = [&] { return run_plan(plan_data, plan_db, out); };
});

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& e) {
  const int code = app.exit(e);
  return code == 0 ? kOk : kBadInput;
}

try {
  return action();
} catch (const rcc::io::InputError& e) {
  for (const auto& d : e.diagnostics().items()) std::cerr << d.to_string() << "\n";
  std::cerr << "rcc: input rejected (" << e.diagnostics().error_count()
            << " errors); nothing was written\n";
  return kBadInput;
} catch (const std::invalid_argument& e) {
  std::cerr << "rcc: " << e.what() << "\n";
  return kBadInput;
} catch (const std::exception& e) {
  std::cerr << "rcc: " << e.what() << "\n";
  return kRuntimeFailure;
}
}
