#include "cli/commands.h"

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/plan_report.h"
#include "cli/table.h"
#include "generate/sample_center.h"
#include "io/dataset.h"
#include "model/dates.h"
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

int run_plan(const std::string& data_dir, const std::string& db, const Output& out) {
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
  model::Center center;
  std::string source;
  if (!db.empty()) {
    const auto store = store::open_store(db);
    auto stored = store->load_center();
    if (!stored) {
      std::cerr << "rcc: " << db << " holds no center; run `rcc import DIR --db " << db
                << "` first\n";
      return kBadInput;
    }
    center = std::move(*stored);
    source = db;
    stage("load", load_time.elapsed_ms(), counts(center));
    // A stored center was validated on import; check it again, the database may have been edited.
    Stopwatch validate_time;
    const auto problems = model::check_invariants(center);
    if (!problems.empty()) {
      io::Diagnostics d;
      for (const auto& p : problems) d.error({db}, p.field + ": " + p.message);
      throw io::InputError(d);
    }
    stage("validate", validate_time.elapsed_ms(), "0 errors");
  } else {
    auto loaded = load_valid(data_dir);
    print_diagnostics(loaded.diagnostics);
    center = std::move(loaded.center);
    source = data_dir;
    stage("load", load_time.elapsed_ms(), counts(center));
    stage("validate", 0.0,
          "0 errors, " + std::to_string(loaded.diagnostics.items().size()) + " warnings");
  }

  Stopwatch capacity_time;
  const auto summary = staffing::summarize_capacity(center);
  stage("capacity", capacity_time.elapsed_ms(),
        std::to_string(summary.headcount.size()) + " skills held, " +
            std::to_string(summary.balance.size()) + " skill-months demanded");

  if (out.json) {
    std::cout << OrderedJson{{"center", center.id},
                             {"name", center.name},
                             {"source", source},
                             {"plan_start", model::format_date(center.plan_start)},
                             {"plan_end", model::format_date(center.plan_end)},
                             {"stages", stages},
                             {"capacity", capacity_json(center, summary)}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "rcc plan: " << center.name << " (" << source << "), "
              << model::format_date(center.plan_start) << " to "
              << model::format_date(center.plan_end) << "\n"
              << text << "\n"
              << capacity_text(center, summary);
  }
  return kOk;
}

}  // namespace rcc::cli
