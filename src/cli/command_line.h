// The rcc command line: each subcommand with its options and the action it runs. The options of
// the planning pipeline come from their one declaration (plan_options.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "cli/commands.h"

namespace rcc::cli {

// What the subcommands' options are read into, and the action the chosen one runs.
struct Arguments {
  Output out;
  std::function<int()> action;
  std::string validate_dir, generate_out, import_dir, import_db, export_db, export_out, plan_out;
  int engineers = 850;
  int clients = 9;
  std::uint64_t seed = 1;
  plan::PlanOptions capacity;
  Source plan_source, capacity_source, simulate_source, staff_source, report_source;
  ReportOptions report;
  SlaReportCommand sla_report;
  SimulateOptions simulate_options;
  std::string history_file, history_format = "rcc";
  std::uint64_t history_seed = 1;
  std::string roster_instance, roster_solution;
  RosterSolveOptions solve_options;
  StaffOptions staff_options;
  ServeCommand serve_options;
  std::string token_db = "var/rcc.db";
  std::string token_role, token_client, token_engineer, token_label, token_id;
  UserCommand user;
};

// validate, generate, import, export.
void add_dataset_commands(CLI::App& app, Arguments& a);
// plan, capacity, simulate, history, staff.
void add_planning_commands(CLI::App& app, Arguments& a);
// report jobs.
void add_report_commands(CLI::App& app, Arguments& a);
// roster check, explain, solve.
void add_roster_commands(CLI::App& app, Arguments& a);
// serve, token create / revoke / list.
void add_service_commands(CLI::App& app, Arguments& a);
// user create / revoke / list.
void add_user_commands(CLI::App& app, Arguments& a);

}  // namespace rcc::cli
