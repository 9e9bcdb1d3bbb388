// Persistence of a center behind one interface. The SQLite backend is embedded and the default;
// a PostgreSQL backend (several servers, one center) implements the same interface later.
// Every write is one transaction: it happens whole or not at all.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/center.h"
#include "store/live.h"

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

  // Live operation. Tickets, rosters and tokens name engineers and clients by id; `center` maps
  // them to and from the indices of the loaded center. Writes are one transaction for the batch.
  virtual void write(const model::Center& center, const std::vector<LiveWrite>& batch) = 0;
  virtual std::vector<model::Ticket> load_tickets(const model::Center& center) = 0;
  virtual std::vector<model::PublishedShift> load_roster(const model::Center& center) = 0;
  virtual std::vector<model::Event> events(const std::string& entity,
                                           const std::string& entity_id) = 0;
  virtual std::vector<model::Comment> comments(model::TicketId ticket) = 0;
  virtual std::int64_t max_comment_id() = 0;
  virtual std::vector<TokenRecord> load_tokens() = 0;
  virtual std::vector<PlanRun> load_plan_runs() = 0;
  virtual std::vector<UserRecord> load_users() = 0;
  // Sessions not ended and not expired at `now`.
  virtual std::vector<SessionRecord> load_sessions(model::Instant now) = 0;
  virtual std::vector<CalendarFeedRecord> load_calendar_feeds() = 0;
  // Results of planning runs (staffing plans, ...) as JSON, kept with the time they were made.
  virtual void save_result(const std::string& kind, const std::string& json) = 0;
  virtual std::optional<std::string> latest_result(const std::string& kind) = 0;
  // A counter that changes whenever another connection commits (cheap; polled for revocations).
  virtual std::int64_t data_version() = 0;
};

struct StoreOptions {
  // Flush every commit to disk (synchronous=FULL): an acknowledged write survives power loss,
  // not only a crash of the process. The server commits in groups, so this costs little there.
  bool flush_every_commit = false;
};

// Opens (creating and migrating if needed) the store at `location`: a SQLite file path, or
// "sqlite:PATH". Throws std::runtime_error naming the location on failure.
std::unique_ptr<Store> open_store(const std::string& location, StoreOptions options = {});

}  // namespace rcc::store
