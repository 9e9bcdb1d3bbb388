// Numbered schema migrations of the SQLite store. A migration is never edited once released:
// a change to the schema is a new migration appended to the list.
#pragma once

#include <string_view>
#include <vector>

namespace rcc::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();

}  // namespace rcc::store
