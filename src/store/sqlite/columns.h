// How the SQLite store keeps instants: seconds since the Unix epoch (UTC), NULL for "not yet".
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>

#include "model/ticket.h"

namespace rcc::store {

inline std::int64_t seconds_of(model::Instant t) {
  return t.time_since_epoch().count();
}
inline model::Instant instant_of(std::int64_t s) {
  return model::Instant{std::chrono::seconds{s}};
}

inline void bind_optional(SQLite::Statement& q, int index, const std::optional<model::Instant>& t) {
  if (t) {
    q.bind(index, static_cast<std::int64_t>(seconds_of(*t)));
  } else {
    q.bind(index);
  }
}

inline std::optional<model::Instant> optional_instant(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return instant_of(c.getInt64());
}

}  // namespace rcc::store
