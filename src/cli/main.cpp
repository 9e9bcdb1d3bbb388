// rcc: the command line of the Regional Competence Center platform. main only declares the
// subcommands and turns failures into documented exit codes; the work is in commands.cpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/plan_options.h"
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

  // Not named `import`: that is a C++20 keyword to clang-format.
  auto* import_cmd =
      app.add_subcommand("import",
                         "Validate a dataset and load it into the store in one transaction "
                         "(replaces the stored center; all or nothing)");
  std::string import_dir, import_db;
  import_cmd->add_option("DIR", import_dir, "Dataset folder")->required();
  import_cmd->add_option("--db", import_db, "SQLite database file (created if missing)")
      ->required();
  import_cmd->callback([&] { action = [&] { return run_import(import_dir, import_db, out); }; });

  auto* export_cmd =
      app.add_subcommand("export", "Write the stored center back as a dataset folder");
  std::string export_db, export_out;
  export_cmd->add_option("--db", export_db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  export_cmd->add_option("--out", export_out, "Output folder")->required();
  export_cmd->callback([&] { action = [&] { return run_export(export_db, export_out, out); }; });

  // --data DIR | --db FILE, for every command that reads a center.
  const auto add_source = [](CLI::App* cmd, Source& source) {
    auto* data =
        cmd->add_option("--data", source.data_dir, "Dataset folder")->check(CLI::ExistingDirectory);
    auto* db = cmd->add_option("--db", source.db, "SQLite database file")->check(CLI::ExistingFile);
    data->excludes(db);
  };
  const auto require_source = [](const Source& source) {
    if (source.data_dir.empty() && source.db.empty()) throw CLI::RequiredError("--data or --db");
  };
  rcc::plan::PlanOptions capacity;
  auto* plan_cmd = app.add_subcommand(
      "plan",
      "Run the planning pipeline: load, validate, capacity summary (headcount by "
      "skill/level/city; project demand vs. supply per skill per month), forecast "
      "(engineers needed per hour, Erlang C), shift design, roster, project staffing (hires "
      "and upskilling), one simulated week (SLA attainment)");
  Source plan_source;
  add_source(plan_cmd, plan_source);
  add_plan_options(plan_cmd, capacity);
  plan_cmd->callback([&] {
    require_source(plan_source);
    action = [&] { return run_plan(plan_source, capacity, out); };
  });

  auto* capacity_cmd = app.add_subcommand(
      "capacity",
      "Engineers needed per skill and hour (Pakistan time) from the ticket forecast, "
      "against the rostered coverage; which skills and hours fall short");
  Source capacity_source;
  add_source(capacity_cmd, capacity_source);
  add_plan_options(capacity_cmd, capacity, {"service_level", "shrinkage", "shift_patterns"});
  capacity_cmd->callback([&] {
    require_source(capacity_source);
    action = [&] { return run_capacity(capacity_source, capacity, out); };
  });

  auto* simulate = app.add_subcommand(
      "simulate",
      "Simulate the center: forecast tickets, dispatch to engineers on shift, SLA "
      "clocks per client; SLA attainment, waits, utilisation, breaches by cause");
  Source simulate_source;
  SimulateOptions simulate_options;
  add_source(simulate, simulate_source);
  simulate->add_option("--weeks", simulate_options.weeks, "Weeks to simulate")
      ->capture_default_str()
      ->check(CLI::Range(1, 104));
  simulate->add_option("--seed", simulate_options.seed, "Random seed")->capture_default_str();
  simulate
      ->add_option("--policy", simulate_options.policy,
                   "Dispatch policy: longest-idle, least-loaded, sla-risk-first")
      ->capture_default_str()
      ->check(CLI::IsMember({"longest-idle", "least-loaded", "sla-risk-first"}));
  simulate
      ->add_option("--patience-minutes", simulate_options.patience_minutes,
                   "Mean patience before a client abandons a waiting ticket; 0 = never")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100000.0));
  simulate
      ->add_option("--client-wait-share", simulate_options.client_wait_share,
                   "Share of tickets that stop once mid-work to wait on the client (the resolution "
                   "clock pauses; the ticket queues again when the client answers)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  simulate
      ->add_option("--client-wait-minutes", simulate_options.client_wait_minutes,
                   "Mean time the client takes to answer (exponential)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 100000.0));
  simulate
      ->add_option("--tickets-per-engineer", simulate_options.tickets_per_engineer,
                   "Tickets an engineer works at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  simulate
      ->add_option("--roster", simulate_options.roster,
                   "engine: roster engine over the designed shifts; designed: a rotation over "
                   "them; coverage: a rotation over center.json coverage")
      ->capture_default_str()
      ->check(CLI::IsMember({"engine", "designed", "coverage"}));
  simulate->callback([&] {
    require_source(simulate_source);
    action = [&] { return run_simulate(simulate_source, simulate_options, out); };
  });

  auto* history = app.add_subcommand(
      "history",
      "Read a ticket or call history, fit arrivals per hour of week, handle times and "
      "patience, and replay it through the simulator against what really happened");
  std::string history_file, history_format = "rcc";
  std::uint64_t history_seed = 1;
  history->add_option("FILE", history_file, "History file")->required()->check(CLI::ExistingFile);
  history
      ->add_option("--format", history_format,
                   "rcc (ticket history CSV, docs/history.md) or anonymous-bank (Technion log)")
      ->capture_default_str()
      ->check(CLI::IsMember({"rcc", "anonymous-bank"}));
  history->add_option("--seed", history_seed, "Random seed of the replay")->capture_default_str();
  history->callback([&] {
    action = [&] { return run_history(history_file, history_format, history_seed, out); };
  });

  auto* roster_cmd = app.add_subcommand(
      "roster", "Shift rosters on the Employee Shift Scheduling Benchmark model (Curtois & Qu)");
  roster_cmd->require_subcommand(1);
  std::string roster_instance, roster_solution;
  for (const char* name : {"check", "explain"}) {
    const bool explain = std::string(name) == "explain";
    auto* sub = roster_cmd->add_subcommand(
        name, explain ? "Every soft penalty and hard violation of a roster, by constraint, "
                        "employee and day"
                      : "Objective, per-term breakdown and hard violations of a roster "
                        "(exit 0 feasible, 3 infeasible)");
    sub->add_option("INSTANCE", roster_instance, "Benchmark instance file")
        ->required()
        ->check(CLI::ExistingFile);
    sub->add_option("SOLUTION", roster_solution, "Roster grid: a row per employee, a tab per day")
        ->required()
        ->check(CLI::ExistingFile);
    sub->callback([&, explain] {
      action = [&, explain] {
        return run_roster_check(roster_instance, roster_solution, explain, out);
      };
    });
  }

  auto* solve = roster_cmd->add_subcommand(
      "solve",
      "Solve a benchmark instance: construction + simulated annealing; the roster grid "
      "goes to --out or standard output (exit 3 if no feasible roster was found)");
  RosterSolveOptions solve_options;
  solve->add_option("INSTANCE", roster_instance, "Benchmark instance file")
      ->required()
      ->check(CLI::ExistingFile);
  solve->add_option("--time", solve_options.time_seconds, "Time limit in seconds")
      ->capture_default_str();
  solve->add_option("--seed", solve_options.seed, "Random seed")->capture_default_str();
  solve
      ->add_option("--moves", solve_options.moves,
                   "Stop after this many moves (0: only the time limit); a move budget makes a "
                   "seed reproducible")
      ->capture_default_str()
      ->check(CLI::Range(0L, 100000000000L));
  solve
      ->add_option("--threads", solve_options.threads,
                   "Searches side by side (different seeds, best wins)")
      ->capture_default_str();
  solve->add_option("--out", solve_options.out, "Roster grid file to write");
  solve
      ->add_option("--published", solve_options.published,
                   "Replan from this published roster grid, changing as few cells as possible")
      ->check(CLI::ExistingFile);
  solve
      ->add_option("--change-penalty", solve_options.change_penalty,
                   "Search cost of changing one published cell")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  solve->callback(
      [&] { action = [&] { return run_roster_solve(roster_instance, solve_options, out); }; });

  auto* staff = app.add_subcommand(
      "staff",
      "Project staffing plan: who fills each role head (exact MIP, CBC), who trains first, the "
      "hires by skill, level, month and city, and which sites to open");
  Source staff_source;
  StaffOptions staff_options;
  add_source(staff, staff_source);
  staff->add_option("--time-limit", staff_options.time_limit_seconds, "Solver time limit (s)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  staff
      ->add_option("--hiring-lead-months", staff_options.hiring_lead_months,
                   "Months from plan start before a hire can join")
      ->capture_default_str()
      ->check(CLI::Range(0, 24));
  staff->add_option("--out", staff_options.out_dir,
                    "Write staffing.json, assignments.csv and hires.csv here");
  staff->callback([&] {
    require_source(staff_source);
    action = [&] { return run_staff(staff_source, staff_options, out); };
  });

  auto* serve = app.add_subcommand(
      "serve",
      "Run the HTTP JSON API (/api/v1, /metrics, /healthz) over the store: tickets with SLA "
      "clocks routed to engineers on the published roster. Stops gracefully on SIGTERM.");
  ServeCommand serve_options;
  serve->add_option("--db", serve_options.db, "SQLite database file (import a center first)")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  serve->add_option("--host", serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "TCP port; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--port-file", serve_options.port_file,
                    "Write the bound port to this file once listening");
  serve
      ->add_option("--threads", serve_options.threads,
                   "Worker threads for commands (they wait for their group commit)")
      ->capture_default_str()
      ->check(CLI::Range(2, 1024));
  serve->add_option("--max-body", serve_options.max_body_bytes, "Largest request body (bytes)")
      ->capture_default_str()
      ->check(CLI::Range(1024, 64 << 20));
  serve->add_option("--capacity", serve_options.capacity, "Open tickets an engineer holds at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  serve
      ->add_option("--policy", serve_options.policy,
                   "Routing: longest-idle, least-loaded or sla-risk-first")
      ->capture_default_str();
  serve
      ->add_option("--tick-ms", serve_options.tick_milliseconds,
                   "How often shift changes and escalations are processed (ms)")
      ->capture_default_str()
      ->check(CLI::Range(10, 60000));
  serve->add_flag("!--no-fsync", serve_options.durable,
                  "Do not flush each group commit to disk (survives kill -9, not power loss)");
  serve->callback([&] { action = [&] { return run_serve(serve_options); }; });

  auto* token = app.add_subcommand("token", "Create, revoke and list API tokens");
  token->require_subcommand(1);
  std::string token_db = "var/rcc.db";
  std::string token_role, token_client, token_engineer, token_label, token_id;
  auto* token_create =
      token->add_subcommand("create", "Print a new token once (only its hash is stored)");
  token_create->add_option("--db", token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_create->add_option("--role", token_role, "admin, planner, lead, engineer or client")
      ->required();
  token_create->add_option("--client", token_client, "Client id (role client)");
  token_create->add_option("--engineer", token_engineer, "Engineer id (role engineer)");
  token_create->add_option("--label", token_label, "What the token is for");
  token_create->callback([&] {
    action = [&] {
      return run_token_create(token_db, token_role, token_client, token_engineer, token_label, out);
    };
  });
  auto* token_revoke = token->add_subcommand("revoke", "Revoke a token by its id (tok_...)");
  token_revoke->add_option("--db", token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_revoke->add_option("ID", token_id, "Token id")->required();
  token_revoke->callback(
      [&] { action = [&] { return run_token_revoke(token_db, token_id, out); }; });
  auto* token_list = token->add_subcommand("list", "List tokens (ids, roles; never secrets)");
  token_list->add_option("--db", token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_list->callback([&] { action = [&] { return run_token_list(token_db, out); }; });

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
