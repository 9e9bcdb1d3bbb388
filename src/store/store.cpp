#include "store/store.h"

#include "store/sqlite/sqlite_store.h"

namespace rcc::store {

std::unique_ptr<Store> open_store(const std::string& location) {
  const std::string prefix = "sqlite:";
  if (location.rfind(prefix, 0) == 0) {
    return std::make_unique<SqliteStore>(location.substr(prefix.size()));
  }
  return std::make_unique<SqliteStore>(location);
}

}  // namespace rcc::store
