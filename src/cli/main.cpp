// rcc: the command line of the Regional Competence Center platform. main turns failures into
// documented exit codes; the subcommands are declared in command_line.cpp, their work is in
// commands_*.cpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "cli/command_line.h"
#include "io/diagnostics.h"
#include "model/errors.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 runtime failure (disk, database); 2 bad input or usage "
    "(nothing is written); 3 a roster breaks a hard constraint.";

int run_cli(int argc, char** argv) {
  using namespace rcc::cli;
  CLI::App app{
      "rcc: plans and runs a Regional Competence Center (talent pool, projects, "
      "rosters, SLA dispatch).",
      "rcc"};
  app.footer(kExitCodes);
  app.set_version_flag("--version", "rcc 0.1.0");
  app.require_subcommand(1);
  Arguments a;
  app.add_flag("--json", a.out.json, "Machine-readable JSON on standard output");
  app.fallthrough();

  add_dataset_commands(app, a);
  add_planning_commands(app, a);
  add_report_commands(app, a);
  add_roster_commands(app, a);
  add_service_commands(app, a);
  add_user_commands(app, a);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kBadInput;
  }

  try {
    return a.action();
  } catch (const rcc::io::InputError& e) {
    for (const auto& d : e.diagnostics().items()) std::cerr << d.to_string() << "\n";
    std::cerr << "rcc: input rejected (" << e.diagnostics().error_count()
              << " errors); nothing was written\n";
    return kBadInput;
  } catch (const rcc::model::BadInput& e) {
    std::cerr << "rcc: " << e.what() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rcc: internal failure: " << e.what() << "\n";
    return kRuntimeFailure;
  }
}

}  // namespace

// Building the command line can throw too (an allocation); nothing escapes main.
int main(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "rcc: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "rcc: unknown failure\n";
  }
  return rcc::cli::kRuntimeFailure;
}
