// The embedded store: one SQLite file in WAL mode with foreign keys enforced, migrated on open.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <mutex>
#include <string>

#include "store/store.h"

namespace rcc::store {

class SqliteStore final : public Store {
 public:
  // Opens or creates the database file at `path` and applies pending migrations.
  explicit SqliteStore(const std::string& path, StoreOptions options = {});

  void replace_center(const model::Center& center) override;
  std::optional<model::Center> load_center() override;
  int schema_version() override;

  void write(const model::Center& center, const std::vector<LiveWrite>& batch) override;
  std::vector<model::Ticket> load_tickets(const model::Center& center) override;
  std::vector<model::PublishedShift> load_roster(const model::Center& center) override;
  std::vector<model::Event> events(const std::string& entity,
                                   const std::string& entity_id) override;
  std::vector<model::Comment> comments(model::TicketId ticket) override;
  std::int64_t max_comment_id() override;
  std::vector<TokenRecord> load_tokens() override;
  std::vector<PlanRun> load_plan_runs() override;
  std::vector<UserRecord> load_users() override;
  std::vector<SessionRecord> load_sessions(model::Instant now) override;
  std::vector<CalendarFeedRecord> load_calendar_feeds() override;
  std::int64_t data_version() override;
  void save_result(const std::string& kind, const std::string& json) override;
  std::optional<std::string> latest_result(const std::string& kind) override;

 private:
  void migrate();
  // Part of write(): users and sessions of one LiveWrite, inside its transaction.
  void write_people(const LiveWrite& write);

  std::string path_;
  SQLite::Database db_;
  // One connection serves the server's writer thread and its readers: calls take turns.
  std::recursive_mutex mutex_;
  struct LiveStatements {
    SQLite::Statement ticket, event, comment, token, run;
  };
  std::unique_ptr<LiveStatements> live_statements_;
};

}  // namespace rcc::store
