// The live-operation tables of the SQLite store (migration 2).
#include <SQLiteCpp/Transaction.h>
#include <SQLiteCpp/VariadicBind.h>

#include <map>
#include <stdexcept>

#include "io/event_json.h"
#include "model/dates.h"
#include "store/sqlite/columns.h"
#include "store/sqlite/sqlite_store.h"

namespace rcc::store {
namespace {

using model::Instant;

template <class T>
std::map<std::string, int> index_by_id(const std::vector<T>& items) {
  std::map<std::string, int> out;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) out.emplace(items[i].id, i);
  return out;
}

}  // namespace

void SqliteStore::write(const model::Center& center, const std::vector<LiveWrite>& batch) {
  const std::lock_guard lock(mutex_);
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
  // Prepared once per store: parsing the SQL cost more than the inserts at server load.
  if (!live_statements_) {
    live_statements_ = std::make_unique<LiveStatements>(LiveStatements{
        {db_,
         "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
         "?, ?, ?, ?, ?)"},
        {db_,
         "INSERT INTO events (at, actor, entity, entity_id, kind, detail) VALUES (?, ?, ?, ?, ?, "
         "?)"},
        {db_, "INSERT INTO comments VALUES (?, ?, ?, ?, ?)"},
        {db_, "INSERT OR REPLACE INTO api_tokens VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        {db_, "INSERT OR REPLACE INTO plan_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"}});
  }
  auto& ticket = live_statements_->ticket;
  auto& event = live_statements_->event;
  auto& comment = live_statements_->comment;
  auto& token = live_statements_->token;
  auto& run = live_statements_->run;
  for (auto* q : {&ticket, &event, &comment, &token, &run}) q->reset();  // after a failed batch
  for (const auto& w : batch) {
    for (const auto& t : w.tickets) {
      SQLite::bind(ticket, static_cast<std::int64_t>(t.id), center.clients.at(t.client).id,
                   center.skills.at(t.skill).id, t.min_level, t.language,
                   static_cast<int>(t.priority), t.title, t.description,
                   std::string(model::status_name(t.status)));
      if (t.engineer) {
        ticket.bind(10, center.engineers.at(*t.engineer).id);
      } else {
        ticket.bind(10);
      }
      ticket.bind(11, static_cast<std::int64_t>(seconds_of(t.opened)));
      ticket.bind(12, static_cast<std::int64_t>(seconds_of(t.response_due)));
      ticket.bind(13, static_cast<std::int64_t>(seconds_of(t.resolution_due)));
      ticket.bind(14, static_cast<std::int64_t>(t.resolution_counted_seconds));
      ticket.bind(15, static_cast<std::int64_t>(seconds_of(t.clock_since)));
      bind_optional(ticket, 16, t.paused_at);
      bind_optional(ticket, 17, t.responded_at);
      bind_optional(ticket, 18, t.resolved_at);
      bind_optional(ticket, 19, t.closed_at);
      ticket.bind(20, std::string(model::escalation_name(t.escalation)));
      ticket.bind(21, static_cast<std::int64_t>(t.version));
      ticket.exec();
      ticket.reset();
    }
    for (const auto& c : w.comments) {
      SQLite::bind(comment, static_cast<std::int64_t>(c.id), static_cast<std::int64_t>(c.ticket),
                   static_cast<std::int64_t>(seconds_of(c.at)), c.actor, c.body);
      comment.exec();
      comment.reset();
    }
    if (w.roster) {
      db_.exec("DELETE FROM published_shifts");
      SQLite::Statement shift(db_, "INSERT OR REPLACE INTO published_shifts VALUES (?, ?, ?, ?)");
      for (const auto& s : *w.roster) {
        SQLite::bind(shift, center.engineers.at(s.engineer).id, model::format_date(s.day),
                     center.shift_types.at(s.shift).id, center.skills.at(s.skill).id);
        shift.exec();
        shift.reset();
      }
    }
    for (const auto& k : w.tokens) {
      SQLite::bind(token, k.id, k.hash, k.role, k.client, k.engineer, k.label,
                   static_cast<std::int64_t>(seconds_of(k.created)));
      bind_optional(token, 8, k.revoked);
      token.exec();
      token.reset();
    }
    for (const auto& r : w.plan_runs) {
      SQLite::bind(run, r.id, r.status, r.progress, r.stage, r.params, r.result, r.error, r.actor,
                   static_cast<std::int64_t>(seconds_of(r.created)));
      bind_optional(run, 10, r.finished);
      run.exec();
      run.reset();
    }
    write_people(w);
    for (const auto& e : w.events) {
      SQLite::bind(event, static_cast<std::int64_t>(seconds_of(e.at)), e.actor, e.entity,
                   e.entity_id, e.kind, io::event_detail_text(e.detail));
      event.exec();
      event.reset();
    }
  }
  tx.commit();
}

std::vector<model::Ticket> SqliteStore::load_tickets(const model::Center& center) {
  const std::lock_guard lock(mutex_);
  const auto clients = index_by_id(center.clients);
  const auto skills = index_by_id(center.skills);
  const auto engineers = index_by_id(center.engineers);
  std::vector<model::Ticket> out;
  SQLite::Statement q(db_, "SELECT * FROM tickets ORDER BY id");
  while (q.executeStep()) {
    model::Ticket t;
    t.id = q.getColumn(0).getInt64();
    const auto client = clients.find(q.getColumn(1).getString());
    const auto skill = skills.find(q.getColumn(2).getString());
    if (client == clients.end() || skill == skills.end()) {
      throw std::runtime_error("ticket " + std::to_string(t.id) + " names client " +
                               q.getColumn(1).getString() + " or skill " +
                               q.getColumn(2).getString() + ", which the imported center lacks");
    }
    t.client = client->second;
    t.skill = skill->second;
    t.min_level = q.getColumn(3).getInt();
    t.language = q.getColumn(4).getString();
    t.priority = static_cast<model::Priority>(q.getColumn(5).getInt());
    t.title = q.getColumn(6).getString();
    t.description = q.getColumn(7).getString();
    t.status = model::status_from_name(q.getColumn(8).getString()).value();
    if (!q.getColumn(9).isNull()) {
      // An engineer the center no longer has leaves the ticket without owner: routed again.
      const auto e = engineers.find(q.getColumn(9).getString());
      if (e != engineers.end()) t.engineer = e->second;
    }
    t.opened = instant_of(q.getColumn(10).getInt64());
    t.response_due = instant_of(q.getColumn(11).getInt64());
    t.resolution_due = instant_of(q.getColumn(12).getInt64());
    t.resolution_counted_seconds = q.getColumn(13).getInt64();
    t.clock_since = instant_of(q.getColumn(14).getInt64());
    t.paused_at = optional_instant(q.getColumn(15));
    t.responded_at = optional_instant(q.getColumn(16));
    t.resolved_at = optional_instant(q.getColumn(17));
    t.closed_at = optional_instant(q.getColumn(18));
    t.escalation = model::escalation_from_name(q.getColumn(19).getString()).value();
    t.version = q.getColumn(20).getInt64();
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<model::PublishedShift> SqliteStore::load_roster(const model::Center& center) {
  const std::lock_guard lock(mutex_);
  const auto engineers = index_by_id(center.engineers);
  const auto shifts = index_by_id(center.shift_types);
  const auto skills = index_by_id(center.skills);
  std::vector<model::PublishedShift> out;
  SQLite::Statement q(db_,
                      "SELECT engineer_id, day, shift_id, skill_id FROM published_shifts "
                      "ORDER BY day, shift_id, engineer_id");
  while (q.executeStep()) {
    const auto e = engineers.find(q.getColumn(0).getString());
    const auto s = shifts.find(q.getColumn(2).getString());
    const auto k = skills.find(q.getColumn(3).getString());
    const auto day = model::parse_date(q.getColumn(1).getString());
    // Shifts of engineers or shift types a later import removed are no longer worked.
    if (e == engineers.end() || s == shifts.end() || k == skills.end() || !day) continue;
    out.push_back({e->second, *day, s->second, k->second});
  }
  return out;
}

std::vector<model::Event> SqliteStore::events(const std::string& entity,
                                              const std::string& entity_id) {
  const std::lock_guard lock(mutex_);
  std::vector<model::Event> out;
  SQLite::Statement q(db_,
                      "SELECT id, at, actor, entity, entity_id, kind, detail FROM events "
                      "WHERE entity = ? AND entity_id = ? ORDER BY id");
  SQLite::bind(q, entity, entity_id);
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), instant_of(q.getColumn(1).getInt64()),
                   q.getColumn(2).getString(), q.getColumn(3).getString(),
                   q.getColumn(4).getString(), q.getColumn(5).getString(),
                   io::parse_event_detail(q.getColumn(6).getString())});
  }
  return out;
}

std::vector<model::Comment> SqliteStore::comments(model::TicketId ticket) {
  const std::lock_guard lock(mutex_);
  std::vector<model::Comment> out;
  SQLite::Statement q(db_,
                      "SELECT id, ticket_id, at, actor, body FROM comments WHERE ticket_id = ? "
                      "ORDER BY id");
  q.bind(1, static_cast<std::int64_t>(ticket));
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                   instant_of(q.getColumn(2).getInt64()), q.getColumn(3).getString(),
                   q.getColumn(4).getString()});
  }
  return out;
}

std::int64_t SqliteStore::max_comment_id() {
  const std::lock_guard lock(mutex_);
  SQLite::Statement q(db_, "SELECT COALESCE(MAX(id), 0) FROM comments");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<TokenRecord> SqliteStore::load_tokens() {
  const std::lock_guard lock(mutex_);
  std::vector<TokenRecord> out;
  SQLite::Statement q(db_, "SELECT * FROM api_tokens ORDER BY created, id");
  while (q.executeStep()) {
    TokenRecord t;
    t.id = q.getColumn(0).getString();
    t.hash = q.getColumn(1).getString();
    t.role = q.getColumn(2).getString();
    t.client = q.getColumn(3).getString();
    t.engineer = q.getColumn(4).getString();
    t.label = q.getColumn(5).getString();
    t.created = instant_of(q.getColumn(6).getInt64());
    t.revoked = optional_instant(q.getColumn(7));
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<PlanRun> SqliteStore::load_plan_runs() {
  const std::lock_guard lock(mutex_);
  std::vector<PlanRun> out;
  SQLite::Statement q(db_, "SELECT * FROM plan_runs ORDER BY created, id");
  while (q.executeStep()) {
    PlanRun r;
    r.id = q.getColumn(0).getString();
    r.status = q.getColumn(1).getString();
    r.progress = q.getColumn(2).getDouble();
    r.stage = q.getColumn(3).getString();
    r.params = q.getColumn(4).getString();
    r.result = q.getColumn(5).getString();
    r.error = q.getColumn(6).getString();
    r.actor = q.getColumn(7).getString();
    r.created = instant_of(q.getColumn(8).getInt64());
    r.finished = optional_instant(q.getColumn(9));
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t SqliteStore::data_version() {
  const std::lock_guard lock(mutex_);
  SQLite::Statement q(db_, "PRAGMA data_version");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void SqliteStore::save_result(const std::string& kind, const std::string& json) {
  const std::lock_guard lock(mutex_);
  SQLite::Statement q(
      db_, "INSERT INTO results (kind, created, body) VALUES (?, strftime('%s','now'), ?)");
  SQLite::bind(q, kind, json);
  q.exec();
}

std::optional<std::string> SqliteStore::latest_result(const std::string& kind) {
  const std::lock_guard lock(mutex_);
  SQLite::Statement q(db_, "SELECT body FROM results WHERE kind = ? ORDER BY id DESC LIMIT 1");
  q.bind(1, kind);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace rcc::store
