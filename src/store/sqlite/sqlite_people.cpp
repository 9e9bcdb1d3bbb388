// The users, sessions and calendar feeds of the SQLite store (migrations 7 and 8).
#include <SQLiteCpp/VariadicBind.h>

#include "store/sqlite/columns.h"
#include "store/sqlite/sqlite_store.h"

namespace rcc::store {
namespace {

using model::Instant;

// Sessions that ended or expired this long ago are of no use even to an audit: the events keep
// who logged in and out.
constexpr std::int64_t kKeepEndedSessionsSeconds = std::int64_t{7} * 24 * 3600;

}  // namespace

void SqliteStore::write_people(const LiveWrite& write) {
  if (!write.users.empty()) {
    SQLite::Statement user(db_, "INSERT OR REPLACE INTO users VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& u : write.users) {
      SQLite::bind(user, u.name, u.password_hash, u.role, u.client, u.engineer,
                   static_cast<std::int64_t>(seconds_of(u.created)));
      bind_optional(user, 7, u.revoked);
      user.exec();
      user.reset();
    }
  }
  if (!write.feeds.empty()) {
    SQLite::Statement feed(db_, "INSERT OR REPLACE INTO calendar_feeds VALUES (?, ?, ?, ?, ?)");
    for (const auto& f : write.feeds) {
      SQLite::bind(feed, f.id, f.hash, f.engineer,
                   static_cast<std::int64_t>(seconds_of(f.created)));
      bind_optional(feed, 5, f.revoked);
      feed.exec();
      feed.reset();
    }
  }
  if (write.sessions.empty()) return;
  SQLite::Statement session(db_, "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& s : write.sessions) {
    SQLite::bind(session, s.id, s.hash, s.user, s.csrf,
                 static_cast<std::int64_t>(seconds_of(s.created)),
                 static_cast<std::int64_t>(seconds_of(s.expires)));
    bind_optional(session, 7, s.ended);
    session.exec();
    session.reset();
  }
  SQLite::Statement prune(db_, "DELETE FROM sessions WHERE COALESCE(ended, expires) < ?");
  prune.bind(1, static_cast<std::int64_t>(seconds_of(write.sessions.front().created) -
                                          kKeepEndedSessionsSeconds));
  prune.exec();
}

std::vector<UserRecord> SqliteStore::load_users() {
  const std::lock_guard lock(mutex_);
  std::vector<UserRecord> out;
  SQLite::Statement q(db_, "SELECT * FROM users ORDER BY name");
  while (q.executeStep()) {
    UserRecord u;
    u.name = q.getColumn(0).getString();
    u.password_hash = q.getColumn(1).getString();
    u.role = q.getColumn(2).getString();
    u.client = q.getColumn(3).getString();
    u.engineer = q.getColumn(4).getString();
    u.created = instant_of(q.getColumn(5).getInt64());
    u.revoked = optional_instant(q.getColumn(6));
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<SessionRecord> SqliteStore::load_sessions(Instant now) {
  const std::lock_guard lock(mutex_);
  std::vector<SessionRecord> out;
  SQLite::Statement q(db_,
                      "SELECT * FROM sessions WHERE ended IS NULL AND expires > ? ORDER BY id");
  q.bind(1, static_cast<std::int64_t>(seconds_of(now)));
  while (q.executeStep()) {
    SessionRecord s;
    s.id = q.getColumn(0).getString();
    s.hash = q.getColumn(1).getString();
    s.user = q.getColumn(2).getString();
    s.csrf = q.getColumn(3).getString();
    s.created = instant_of(q.getColumn(4).getInt64());
    s.expires = instant_of(q.getColumn(5).getInt64());
    s.ended = optional_instant(q.getColumn(6));
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<CalendarFeedRecord> SqliteStore::load_calendar_feeds() {
  const std::lock_guard lock(mutex_);
  std::vector<CalendarFeedRecord> out;
  SQLite::Statement q(db_, "SELECT * FROM calendar_feeds ORDER BY id");
  while (q.executeStep()) {
    CalendarFeedRecord f;
    f.id = q.getColumn(0).getString();
    f.hash = q.getColumn(1).getString();
    f.engineer = q.getColumn(2).getString();
    f.created = instant_of(q.getColumn(3).getInt64());
    f.revoked = optional_instant(q.getColumn(4));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace rcc::store
