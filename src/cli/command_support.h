// Helpers shared by the subcommands: loading a center from a folder or the store, reading
// files, timing stages, and the diagnostics they print.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "io/dataset.h"

namespace rcc::store {
class Store;
}

namespace rcc::cli {

using OrderedJson = nlohmann::ordered_json;

OrderedJson diagnostics_json(const io::Diagnostics& d);
void print_diagnostics(const io::Diagnostics& d);
// "850 engineers, 9 clients, ..." for status lines.
std::string counts(const model::Center& c);

// The center the store holds; BadInput naming `db` when nothing was imported yet.
model::Center stored_center(store::Store& store, const std::string& db);
// The wall clock, to the second, as the store keeps instants.
model::Instant now_seconds();

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
io::LoadedDataset load_valid(const std::string& dir);

struct LoadedCenter {
  model::Center center;
  std::string source;
  std::string validation;  // what the validate stage found
};
// Reads the center from a folder (validated) or from the store (invariants checked again: the
// database may have been edited by hand since the import).
LoadedCenter load_source(const Source& source);

// The whole file, or InputError naming it.
std::string read_text_file(const std::string& file);

}  // namespace rcc::cli
