#include "cli/command_support.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "model/errors.h"
#include "store/store.h"

namespace rcc::cli {

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

io::LoadedDataset load_valid(const std::string& dir) {
  auto loaded = io::read_dataset(dir);
  if (loaded.diagnostics.has_errors()) throw io::InputError(loaded.diagnostics);
  return loaded;
}

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

model::Center stored_center(store::Store& store, const std::string& db) {
  auto center = store.load_center();
  if (!center) {
    throw model::BadInput(db + " holds no center; run `rcc import DIR --db " + db + "` first");
  }
  return std::move(*center);
}

model::Instant now_seconds() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace rcc::cli
