// rcc validate, generate, import, export: datasets in and out of files and the store.
#include <iostream>

#include "cli/command_support.h"
#include "generate/sample_center.h"
#include "store/store.h"

namespace rcc::cli {

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

}  // namespace rcc::cli
