#include "cli/command_line.h"

#include "cli/plan_options.h"

namespace rcc::cli {
namespace {

// --data DIR | --db FILE, for every command that reads a center.
void add_source(CLI::App* cmd, Source& source) {
  auto* data =
      cmd->add_option("--data", source.data_dir, "Dataset folder")->check(CLI::ExistingDirectory);
  auto* db = cmd->add_option("--db", source.db, "SQLite database file")->check(CLI::ExistingFile);
  data->excludes(db);
}

void require_source(const Source& source) {
  if (source.data_dir.empty() && source.db.empty()) throw CLI::RequiredError("--data or --db");
}

}  // namespace

void add_dataset_commands(CLI::App& app, Arguments& a) {
  auto* validate = app.add_subcommand(
      "validate",
      "Check a dataset folder: syntax, references, ranges, time zones, calendars. "
      "Reports every error with file:line or JSON path; changes nothing.");
  validate->add_option("DIR", a.validate_dir, "Dataset folder")->required();
  validate->callback([&] { a.action = [&] { return run_validate(a.validate_dir, a.out); }; });

  auto* generate = app.add_subcommand(
      "generate", "Write a realistic sample center (same arguments, byte-identical files)");
  generate->add_option("--engineers", a.engineers, "Number of engineers")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  generate->add_option("--clients", a.clients, "Number of operator clients")
      ->capture_default_str()
      ->check(CLI::Range(1, 90));
  generate->add_option("--seed", a.seed, "Random seed")->capture_default_str();
  generate->add_option("--out", a.generate_out, "Output folder")->required();
  generate->callback([&] {
    a.action = [&] { return run_generate(a.engineers, a.clients, a.seed, a.generate_out, a.out); };
  });

  // Not named `import`: that is a C++20 keyword to clang-format.
  auto* import_cmd =
      app.add_subcommand("import",
                         "Validate a dataset and load it into the store in one transaction "
                         "(replaces the stored center; all or nothing)");
  import_cmd->add_option("DIR", a.import_dir, "Dataset folder")->required();
  import_cmd->add_option("--db", a.import_db, "SQLite database file (created if missing)")
      ->required();
  import_cmd->callback(
      [&] { a.action = [&] { return run_import(a.import_dir, a.import_db, a.out); }; });

  auto* export_cmd =
      app.add_subcommand("export", "Write the stored center back as a dataset folder");
  export_cmd->add_option("--db", a.export_db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  export_cmd->add_option("--out", a.export_out, "Output folder")->required();
  export_cmd->callback(
      [&] { a.action = [&] { return run_export(a.export_db, a.export_out, a.out); }; });
}

void add_planning_commands(CLI::App& app, Arguments& a) {
  auto* plan_cmd = app.add_subcommand(
      "plan",
      "Run the planning pipeline: load, validate, capacity summary (headcount by "
      "skill/level/city; project demand vs. supply per skill per month), forecast "
      "(engineers needed per hour, Erlang C), shift design, roster, project staffing (hires "
      "and upskilling), one simulated week (SLA attainment)");
  add_source(plan_cmd, a.plan_source);
  add_plan_options(plan_cmd, a.capacity);
  plan_cmd->add_option("--out", a.plan_out,
                       "Also write plan.json, plan.xlsx and rosters/ENGINEER.ics into this folder "
                       "(whole or not at all; re-publishing updates calendar events)");
  plan_cmd->callback([&] {
    require_source(a.plan_source);
    a.action = [&] { return run_plan(a.plan_source, a.capacity, a.plan_out, a.out); };
  });

  auto* capacity_cmd = app.add_subcommand(
      "capacity",
      "Engineers needed per skill and hour (Pakistan time) from the ticket forecast, "
      "against the rostered coverage; which skills and hours fall short");
  add_source(capacity_cmd, a.capacity_source);
  add_plan_options(capacity_cmd, a.capacity, {"service_level", "shrinkage", "shift_patterns"});
  capacity_cmd->callback([&] {
    require_source(a.capacity_source);
    a.action = [&] { return run_capacity(a.capacity_source, a.capacity, a.out); };
  });

  auto* simulate = app.add_subcommand(
      "simulate",
      "Simulate the center: forecast tickets, dispatch to engineers on shift, SLA "
      "clocks per client; SLA attainment, waits, utilisation, breaches by cause");
  add_source(simulate, a.simulate_source);
  simulate->add_option("--weeks", a.simulate_options.weeks, "Weeks to simulate")
      ->capture_default_str()
      ->check(CLI::Range(1, 104));
  simulate->add_option("--seed", a.simulate_options.seed, "Random seed")->capture_default_str();
  simulate
      ->add_option("--policy", a.simulate_options.policy,
                   "Dispatch policy: longest-idle, least-loaded, sla-risk-first")
      ->capture_default_str()
      ->check(CLI::IsMember({"longest-idle", "least-loaded", "sla-risk-first"}));
  simulate
      ->add_option("--patience-minutes", a.simulate_options.patience_minutes,
                   "Mean patience before a client abandons a waiting ticket; 0 = never")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100000.0));
  simulate
      ->add_option("--client-wait-share", a.simulate_options.client_wait_share,
                   "Share of tickets that stop once mid-work to wait on the client (the resolution "
                   "clock pauses; the ticket queues again when the client answers)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  simulate
      ->add_option("--client-wait-minutes", a.simulate_options.client_wait_minutes,
                   "Mean time the client takes to answer (exponential)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 100000.0));
  simulate
      ->add_option("--tickets-per-engineer", a.simulate_options.tickets_per_engineer,
                   "Tickets an engineer works at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  simulate
      ->add_option("--roster", a.simulate_options.roster,
                   "engine: roster engine over the designed shifts; designed: a rotation over "
                   "them; coverage: a rotation over center.json coverage")
      ->capture_default_str()
      ->check(CLI::IsMember({"engine", "designed", "coverage"}));
  simulate->callback([&] {
    require_source(a.simulate_source);
    a.action = [&] { return run_simulate(a.simulate_source, a.simulate_options, a.out); };
  });

  auto* history = app.add_subcommand(
      "history",
      "Read a ticket or call history, fit arrivals per hour of week, handle times and "
      "patience, and replay it through the simulator against what really happened");
  history->add_option("FILE", a.history_file, "History file")->required()->check(CLI::ExistingFile);
  history
      ->add_option("--format", a.history_format,
                   "rcc (ticket history CSV, docs/history.md) or anonymous-bank (Technion log)")
      ->capture_default_str()
      ->check(CLI::IsMember({"rcc", "anonymous-bank"}));
  history->add_option("--seed", a.history_seed, "Random seed of the replay")->capture_default_str();
  history->callback([&] {
    a.action = [&] { return run_history(a.history_file, a.history_format, a.history_seed, a.out); };
  });

  auto* staff = app.add_subcommand(
      "staff",
      "Project staffing plan: who fills each role head (exact MIP, CBC), who trains first, the "
      "hires by skill, level, month and city, and which sites to open");
  add_source(staff, a.staff_source);
  staff->add_option("--time-limit", a.staff_options.time_limit_seconds, "Solver time limit (s)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  staff
      ->add_option("--hiring-lead-months", a.staff_options.hiring_lead_months,
                   "Months from plan start before a hire can join")
      ->capture_default_str()
      ->check(CLI::Range(0, 24));
  staff->add_option("--out", a.staff_options.out_dir,
                    "Write staffing.json, assignments.csv and hires.csv here");
  staff->callback([&] {
    require_source(a.staff_source);
    a.action = [&] { return run_staff(a.staff_source, a.staff_options, a.out); };
  });
}

void add_report_commands(CLI::App& app, Arguments& a) {
  auto* report = app.add_subcommand("report", "Documents to forward, rendered from the plan");
  report->require_subcommand(1);
  auto* jobs = report->add_subcommand(
      "jobs",
      "The jobs the plan creates: hires by skill, level, city, site, month, project and client "
      "country; engineers upskilled or retrained and into what; seats per site; totals first");
  add_source(jobs, a.report_source);
  add_plan_options(jobs, a.capacity);
  jobs->add_option("--format", a.report.format, "html, xlsx, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"html", "xlsx", "csv", "json"}));
  jobs->add_option("--out", a.report.out,
                   "Write to this file (whole or not at all) instead of standard output");
  jobs->callback([&] {
    require_source(a.report_source);
    a.action = [&] { return run_report_jobs(a.report_source, a.capacity, a.report); };
  });
  auto* sla = report->add_subcommand(
      "sla",
      "A client's monthly SLA report from the store's tickets: attainment per priority of "
      "response and resolution on the client's calendar, breaches and their cause, time "
      "waiting on the client, trend against the months before");
  sla->add_option("--db", a.sla_report.db, "SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  sla->add_option("--client", a.sla_report.client, "Client id")->required();
  sla->add_option("--month", a.sla_report.month, "YYYY-MM, in the client's time zone")->required();
  sla->add_option("--format", a.report.format, "html, pdf, xlsx or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"html", "pdf", "xlsx", "json"}));
  sla->add_option("--out", a.report.out,
                  "Write to this file (whole or not at all) instead of standard output");
  sla->callback([&] { a.action = [&] { return run_report_sla(a.sla_report, a.report); }; });
}

void add_roster_commands(CLI::App& app, Arguments& a) {
  auto* roster_cmd = app.add_subcommand(
      "roster", "Shift rosters on the Employee Shift Scheduling Benchmark model (Curtois & Qu)");
  roster_cmd->require_subcommand(1);
  for (const char* name : {"check", "explain"}) {
    const bool explain = std::string(name) == "explain";
    auto* sub = roster_cmd->add_subcommand(
        name, explain ? "Every soft penalty and hard violation of a roster, by constraint, "
                        "employee and day"
                      : "Objective, per-term breakdown and hard violations of a roster "
                        "(exit 0 feasible, 3 infeasible)");
    sub->add_option("INSTANCE", a.roster_instance, "Benchmark instance file")
        ->required()
        ->check(CLI::ExistingFile);
    sub->add_option("SOLUTION", a.roster_solution, "Roster grid: a row per employee, a tab per day")
        ->required()
        ->check(CLI::ExistingFile);
    sub->callback([&, explain] {
      a.action = [&, explain] {
        return run_roster_check(a.roster_instance, a.roster_solution, explain, a.out);
      };
    });
  }

  auto* solve = roster_cmd->add_subcommand(
      "solve",
      "Solve a benchmark instance: construction + simulated annealing; the roster grid "
      "goes to --out or standard output (exit 3 if no feasible roster was found)");
  solve->add_option("INSTANCE", a.roster_instance, "Benchmark instance file")
      ->required()
      ->check(CLI::ExistingFile);
  solve->add_option("--time", a.solve_options.time_seconds, "Time limit in seconds")
      ->capture_default_str();
  solve->add_option("--seed", a.solve_options.seed, "Random seed")->capture_default_str();
  solve
      ->add_option("--moves", a.solve_options.moves,
                   "Stop after this many moves (0: only the time limit); a move budget makes a "
                   "seed reproducible")
      ->capture_default_str()
      ->check(CLI::Range(0L, 100000000000L));
  solve
      ->add_option("--threads", a.solve_options.threads,
                   "Searches side by side (different seeds, best wins)")
      ->capture_default_str();
  solve->add_option("--out", a.solve_options.out, "Roster grid file to write");
  solve
      ->add_option("--published", a.solve_options.published,
                   "Replan from this published roster grid, changing as few cells as possible")
      ->check(CLI::ExistingFile);
  solve
      ->add_option("--change-penalty", a.solve_options.change_penalty,
                   "Search cost of changing one published cell")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));
  solve->callback([&] {
    a.action = [&] { return run_roster_solve(a.roster_instance, a.solve_options, a.out); };
  });
}

void add_service_commands(CLI::App& app, Arguments& a) {
  auto* serve = app.add_subcommand(
      "serve",
      "Run the HTTP JSON API (/api/v1, /metrics, /healthz) over the store: tickets with SLA "
      "clocks routed to engineers on the published roster. Stops gracefully on SIGTERM.");
  serve->add_option("--db", a.serve_options.db, "SQLite database file (import a center first)")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  serve->add_option("--host", a.serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", a.serve_options.port, "TCP port; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--port-file", a.serve_options.port_file,
                    "Write the bound port to this file once listening");
  serve
      ->add_option("--threads", a.serve_options.threads,
                   "Worker threads for commands (they wait for their group commit)")
      ->capture_default_str()
      ->check(CLI::Range(2, 1024));
  serve->add_option("--max-body", a.serve_options.max_body_bytes, "Largest request body (bytes)")
      ->capture_default_str()
      ->check(CLI::Range(1024, 64 << 20));
  serve
      ->add_option("--capacity", a.serve_options.capacity, "Open tickets an engineer holds at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  serve
      ->add_option("--policy", a.serve_options.policy,
                   "Routing: longest-idle, least-loaded or sla-risk-first")
      ->capture_default_str();
  serve
      ->add_option("--tick-ms", a.serve_options.tick_milliseconds,
                   "How often shift changes and escalations are processed (ms)")
      ->capture_default_str()
      ->check(CLI::Range(10, 60000));
  serve->add_flag("!--no-fsync", a.serve_options.durable,
                  "Do not flush each group commit to disk (survives kill -9, not power loss)");
  serve->add_option("--web", a.serve_options.web_root, "The dashboard's built assets")
      ->capture_default_str();
  serve->add_flag("--secure-cookies", a.serve_options.secure_cookies,
                  "Mark the session cookie Secure (when served over HTTPS)");
  serve
      ->add_option("--session-seconds", a.serve_options.session_seconds,
                   "How long a login lasts (seconds)")
      ->capture_default_str()
      ->check(CLI::Range(2, 30 * 24 * 3600));
  serve->callback([&] { a.action = [&] { return run_serve(a.serve_options); }; });

  auto* token = app.add_subcommand("token", "Create, revoke and list API tokens");
  token->require_subcommand(1);
  auto* token_create =
      token->add_subcommand("create", "Print a new token once (only its hash is stored)");
  token_create->add_option("--db", a.token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_create->add_option("--role", a.token_role, "admin, planner, lead, engineer or client")
      ->required();
  token_create->add_option("--client", a.token_client, "Client id (role client)");
  token_create->add_option("--engineer", a.token_engineer, "Engineer id (role engineer)");
  token_create->add_option("--label", a.token_label, "What the token is for");
  token_create->callback([&] {
    a.action = [&] {
      return run_token_create(a.token_db, a.token_role, a.token_client, a.token_engineer,
                              a.token_label, a.out);
    };
  });
  auto* token_revoke = token->add_subcommand("revoke", "Revoke a token by its id (tok_...)");
  token_revoke->add_option("--db", a.token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_revoke->add_option("ID", a.token_id, "Token id")->required();
  token_revoke->callback(
      [&] { a.action = [&] { return run_token_revoke(a.token_db, a.token_id, a.out); }; });
  auto* token_list = token->add_subcommand("list", "List tokens (ids, roles; never secrets)");
  token_list->add_option("--db", a.token_db, "SQLite database file")
      ->capture_default_str()
      ->check(CLI::ExistingFile);
  token_list->callback([&] { a.action = [&] { return run_token_list(a.token_db, a.out); }; });
}

void add_user_commands(CLI::App& app, Arguments& a) {
  auto* user = app.add_subcommand("user", "Create, revoke and list the people who log in");
  user->require_subcommand(1);
  const auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", a.user.db, "SQLite database file")
        ->capture_default_str()
        ->check(CLI::ExistingFile);
  };
  auto* create = user->add_subcommand(
      "create", "Add a user; the password is read from standard input (Argon2id hash stored)");
  add_db(create);
  create->add_option("NAME", a.user.name, "Login name")->required();
  create->add_option("--role", a.user.role, "admin, planner, lead, engineer or client")->required();
  create->add_option("--client", a.user.client, "Client id (role client)");
  create->add_option("--engineer", a.user.engineer, "Engineer id (role engineer)");
  create->callback([&] { a.action = [&] { return run_user_create(a.user, a.out); }; });
  auto* revoke = user->add_subcommand("revoke", "Revoke a user and end its sessions");
  add_db(revoke);
  revoke->add_option("NAME", a.user.name, "Login name")->required();
  revoke->callback([&] { a.action = [&] { return run_user_revoke(a.user, a.out); }; });
  auto* list = user->add_subcommand("list", "List users (names, roles; never passwords)");
  add_db(list);
  list->callback([&] { a.action = [&] { return run_user_list(a.user, a.out); }; });
}

}  // namespace rcc::cli
