#include "store/store.h"

#include "store/sqlite/sqlite_store.h"

namespace rcc::store {

std::unique_ptr<Store> open_store(const std::string& location, StoreOptions options) {
  const std::string prefix = "sqlite:";
  if (location.rfind(prefix, 0) == 0) {
    return std::make_unique<SqliteStore>(location.substr(prefix.size()), options);
  }
  return std::make_unique<SqliteStore>(location, options);
}

}  // namespace rcc::store
