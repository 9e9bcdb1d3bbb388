// The `rcc` subcommands. Each reads like: parse -> validate -> call the engine -> write the result.
// They return the process exit code; input errors are thrown as io::InputError by the layers below.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "plan/options.h"
#include "server/api.h"

namespace rcc::cli {

// Documented exit codes (README, `rcc --help`).
enum ExitCode : int {
  kOk = 0,
  kRuntimeFailure = 1,  // the input was fine but something failed (disk, database, ...)
  kBadInput = 2,        // invalid data or usage; nothing was written
  kInfeasible = 3,      // a roster breaks a hard constraint
};

struct Output {
  bool json = false;
};

// Where a command reads the center from: a dataset folder or the store (exactly one is set).
struct Source {
  std::string data_dir;
  std::string db;
};

struct ReportOptions {
  std::string format = "html";  // html, xlsx, csv, json
  std::string out;              // a file; empty: standard output (not for xlsx)
};

struct SlaReportCommand {
  std::string db, client, month;
};

struct SimulateOptions {
  int weeks = 1;
  std::uint64_t seed = 1;
  std::string policy = std::string(plan::kSimulatedPolicy);
  double patience_minutes = 0;  // 0: callers never abandon
  // Tickets that stop once to wait on the client, and the client's mean answer time.
  double client_wait_share = plan::kClientWaitShare;
  double client_wait_minutes = plan::kClientWaitMinutes;
  int tickets_per_engineer = 1;
  // engine: the roster engine over the designed shifts; designed: a rotation over them;
  // coverage: a rotation over center.json's coverage.
  std::string roster = "designed";
};

struct ServeCommand {
  std::string db = "var/rcc.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 64;
  std::size_t max_body_bytes = server::ApiOptions{}.max_body_bytes;
  int capacity = 3;
  std::string policy = "sla-risk-first";
  bool durable = true;
  int tick_milliseconds = 1000;
  std::string port_file;
  std::string web_root = RCC_WEB_DIR;  // the dashboard's built assets
  bool secure_cookies = false;
  int session_seconds = static_cast<int>(server::ApiOptions{}.session_lifetime.count());
};

int run_serve(const ServeCommand& options);
int run_token_create(const std::string& db, const std::string& role, const std::string& client,
                     const std::string& engineer, const std::string& label, const Output& out);
int run_token_revoke(const std::string& db, const std::string& id, const Output& out);
int run_token_list(const std::string& db, const Output& out);

// People who log in to the dashboard. The password is read from standard input (asked for twice,
// without echo, on a terminal), never from the command line where `ps` would show it.
struct UserCommand {
  std::string db = "var/rcc.db";
  std::string name, role, client, engineer;
};
int run_user_create(const UserCommand& command, const Output& out);
int run_user_revoke(const UserCommand& command, const Output& out);
int run_user_list(const UserCommand& command, const Output& out);

struct StaffOptions {
  double time_limit_seconds = 60;
  int hiring_lead_months = 2;
  std::string out_dir;  // staffing.json, assignments.csv, hires.csv
};
int run_staff(const Source& source, const StaffOptions& options, const Output& out);

int run_validate(const std::string& dir, const Output& out);
int run_generate(int engineers, int clients, std::uint64_t seed, const std::string& out_dir,
                 const Output& out);
int run_import(const std::string& dir, const std::string& db, const Output& out);
int run_export(const std::string& db, const std::string& out_dir, const Output& out);
// With `out_dir`, also the plan's files for people (plan_outputs.h).
int run_plan(const Source& source, const plan::PlanOptions& options, const std::string& out_dir,
             const Output& out);
// The jobs the plan creates: hires, training, seats; totals first.
int run_report_jobs(const Source& source, const plan::PlanOptions& options,
                    const ReportOptions& report);
// A client's monthly SLA report from the store's tickets.
int run_report_sla(const SlaReportCommand& command, const ReportOptions& report);
int run_capacity(const Source& source, const plan::PlanOptions& options, const Output& out);
int run_simulate(const Source& source, const SimulateOptions& options, const Output& out);
// Objective, per-term breakdown and hard violations of a roster for a benchmark instance.
// Exit 0 when feasible, 3 when a hard constraint is violated. `explain` lists every penalty.
int run_roster_check(const std::string& instance, const std::string& solution, bool explain,
                     const Output& out);

struct RosterSolveOptions {
  double time_seconds = 60;
  long moves = 0;  // a move budget: with it, a seed gives the same roster on any machine
  std::uint64_t seed = 1;
  int threads = 1;
  std::string out;        // roster grid file; empty: standard output
  std::string published;  // replan from this roster grid, changing as little as possible
  int change_penalty = 10;
};
int run_roster_solve(const std::string& instance, const RosterSolveOptions& options,
                     const Output& out);

// Reads a call or ticket history, fits demand from it and replays it through the simulator.
int run_history(const std::string& file, const std::string& format, std::uint64_t seed,
                const Output& out);

}  // namespace rcc::cli
