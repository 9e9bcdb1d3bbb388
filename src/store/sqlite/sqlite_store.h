// The embedded store: one SQLite file in WAL mode with foreign keys enforced, migrated on open.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

#include "store/store.h"

namespace rcc::store {

class SqliteStore final : public Store {
 public:
  // Opens or creates the database file at `path` and applies pending migrations.
  explicit SqliteStore(const std::string& path);

  void replace_center(const model::Center& center) override;
  std::optional<model::Center> load_center() override;
  int schema_version() override;

 private:
  void migrate();

  std::string path_;
  SQLite::Database db_;
};

}  // namespace rcc::store
