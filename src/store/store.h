// Persistence of a center behind one interface. The SQLite backend is embedded and the default;
// a PostgreSQL backend (several servers, one center) implements the same interface later.
// Every write is one transaction: it happens whole or not at all.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/center.h"

namespace rcc::store {

class Store {
 public:
  virtual ~Store() = default;

  // Replaces the center held by the store with `center`, in one transaction.
  virtual void replace_center(const model::Center& center) = 0;
  // The stored center, or nullopt when nothing was imported yet.
  virtual std::optional<model::Center> load_center() = 0;
  // Highest migration applied to the database.
  virtual int schema_version() = 0;
};

// Opens (creating and migrating if needed) the store at `location`: a SQLite file path, or
// "sqlite:PATH". Throws std::runtime_error naming the location on failure.
std::unique_ptr<Store> open_store(const std::string& location);

}  // namespace rcc::store
