// The `rcc` subcommands. Each reads like: parse -> validate -> call the engine -> write the result.
// They return the process exit code; input errors are thrown as io::InputError by the layers below.
#pragma once

#include <cstdint>
#include <string>

namespace rcc::cli {

// Documented exit codes (README, `rcc --help`).
enum ExitCode : int {
  kOk = 0,
  kRuntimeFailure = 1,  // the input was fine but something failed (disk, database, ...)
  kBadInput = 2,        // invalid data or usage; nothing was written
};

struct Output {
  bool json = false;
};

int run_validate(const std::string& dir, const Output& out);
int run_generate(int engineers, int clients, std::uint64_t seed, const std::string& out_dir,
                 const Output& out);
int run_import(const std::string& dir, const std::string& db, const Output& out);
int run_export(const std::string& db, const std::string& out_dir, const Output& out);
int run_plan(const std::string& data_dir, const std::string& db, const Output& out);

}  // namespace rcc::cli
