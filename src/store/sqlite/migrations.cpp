#include "store/sqlite/migrations.h"

namespace rcc::store {

// `position` columns keep the order of the dataset files, so that export writes them back
// byte for byte. Dates are ISO-8601 text, minutes are integers.
const std::vector<Migration>& sqlite_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "center dataset", R"sql(
CREATE TABLE center (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, timezone TEXT NOT NULL,
  plan_start TEXT NOT NULL, plan_end TEXT NOT NULL);
CREATE TABLE skills (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, family TEXT NOT NULL);
CREATE TABLE skill_adjacency (
  skill_id TEXT NOT NULL REFERENCES skills(id), position INTEGER NOT NULL,
  from_skill_id TEXT NOT NULL REFERENCES skills(id), PRIMARY KEY (skill_id, position));
CREATE TABLE sites (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL,
  seats INTEGER NOT NULL CHECK (seats >= 0), cost_per_seat_month REAL NOT NULL,
  open INTEGER NOT NULL, opening_cost REAL NOT NULL);
CREATE TABLE contracts (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
  fte REAL NOT NULL CHECK (fte > 0 AND fte <= 1),
  max_minutes_per_day INTEGER NOT NULL, max_minutes_per_week INTEGER NOT NULL,
  min_rest_minutes INTEGER NOT NULL, max_consecutive_days INTEGER NOT NULL,
  max_consecutive_nights INTEGER NOT NULL, max_nights_per_month INTEGER NOT NULL,
  weekend_days INTEGER NOT NULL, max_working_weekends_per_month INTEGER NOT NULL);
CREATE TABLE shift_types (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, start_minute INTEGER NOT NULL,
  length_minutes INTEGER NOT NULL, night INTEGER NOT NULL);
CREATE TABLE coverage (
  position INTEGER PRIMARY KEY, skill_id TEXT NOT NULL REFERENCES skills(id),
  shift_id TEXT NOT NULL REFERENCES shift_types(id), engineers INTEGER NOT NULL,
  UNIQUE (skill_id, shift_id));
CREATE TABLE calendars (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, country TEXT NOT NULL);
CREATE TABLE holidays (
  calendar_id TEXT NOT NULL REFERENCES calendars(id), position INTEGER NOT NULL,
  name TEXT NOT NULL, first_day TEXT NOT NULL, days INTEGER NOT NULL CHECK (days >= 1),
  tentative INTEGER NOT NULL, confirmed_first_day TEXT, PRIMARY KEY (calendar_id, position));
CREATE TABLE clients (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
  country TEXT NOT NULL, timezone TEXT NOT NULL,
  calendar_id TEXT NOT NULL REFERENCES calendars(id), languages TEXT NOT NULL);
CREATE TABLE client_hours (
  client_id TEXT NOT NULL REFERENCES clients(id), weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  open_minute INTEGER NOT NULL, close_minute INTEGER NOT NULL, PRIMARY KEY (client_id, weekday));
CREATE TABLE client_sla (
  client_id TEXT NOT NULL REFERENCES clients(id), priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
  response_minutes INTEGER NOT NULL, resolution_minutes INTEGER NOT NULL,
  clock TEXT NOT NULL CHECK (clock IN ('24x7', 'business')), language TEXT NOT NULL,
  PRIMARY KEY (client_id, priority));
CREATE TABLE projects (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients(id), start_day TEXT NOT NULL, end_day TEXT NOT NULL);
CREATE TABLE roles (
  project_id TEXT NOT NULL REFERENCES projects(id), id TEXT NOT NULL, position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id), min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 5),
  headcount INTEGER NOT NULL CHECK (headcount >= 1), fte REAL NOT NULL, language TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('remote', 'onsite')), start_day TEXT NOT NULL, end_day TEXT NOT NULL,
  PRIMARY KEY (project_id, id));
CREATE TABLE forecast (
  position INTEGER PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id),
  skill_id TEXT NOT NULL REFERENCES skills(id), mean_handle_minutes REAL NOT NULL,
  priority_mix TEXT NOT NULL, arrivals_per_hour TEXT NOT NULL, UNIQUE (client_id, skill_id));
CREATE TABLE engineers (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites(id), contract_id TEXT NOT NULL REFERENCES contracts(id),
  hired TEXT NOT NULL);
CREATE INDEX engineers_by_site ON engineers(site_id);
CREATE TABLE engineer_skills (
  engineer_id TEXT NOT NULL REFERENCES engineers(id), position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id), level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (engineer_id, position), UNIQUE (engineer_id, skill_id));
CREATE INDEX engineer_skills_by_skill ON engineer_skills(skill_id, level);
CREATE TABLE engineer_certifications (
  engineer_id TEXT NOT NULL REFERENCES engineers(id), position INTEGER NOT NULL,
  name TEXT NOT NULL, expires TEXT NOT NULL, PRIMARY KEY (engineer_id, position));
CREATE TABLE engineer_languages (
  engineer_id TEXT NOT NULL REFERENCES engineers(id), position INTEGER NOT NULL,
  language TEXT NOT NULL, PRIMARY KEY (engineer_id, position), UNIQUE (engineer_id, language));
CREATE TABLE engineer_leave (
  engineer_id TEXT NOT NULL REFERENCES engineers(id), position INTEGER NOT NULL,
  first_day TEXT NOT NULL, last_day TEXT NOT NULL CHECK (last_day >= first_day),
  PRIMARY KEY (engineer_id, position));
)sql"},
      // Live operation. Tickets name clients, skills and engineers by id without foreign keys:
      // a later import may drop an engineer, and the ticket history must stay. Instants are
      // seconds since the Unix epoch (UTC).
      {2, "live operation: tokens, tickets, events, comments, roster, plan runs", R"sql(
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'lead', 'engineer', 'client')),
  client_id TEXT NOT NULL, engineer_id TEXT NOT NULL, label TEXT NOT NULL,
  created INTEGER NOT NULL, revoked INTEGER);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, skill_id TEXT NOT NULL,
  min_level INTEGER NOT NULL, language TEXT NOT NULL, priority INTEGER NOT NULL,
  title TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, engineer_id TEXT,
  opened INTEGER NOT NULL, response_due INTEGER NOT NULL, resolution_due INTEGER NOT NULL,
  resolution_counted INTEGER NOT NULL, clock_since INTEGER NOT NULL, paused_at INTEGER,
  responded_at INTEGER, resolved_at INTEGER, closed_at INTEGER, escalation TEXT NOT NULL,
  version INTEGER NOT NULL);
CREATE INDEX tickets_by_client ON tickets (client_id, id);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX events_by_entity ON events (entity, entity_id, id);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  at INTEGER NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX comments_by_ticket ON comments (ticket_id, id);
CREATE TABLE published_shifts (
  engineer_id TEXT NOT NULL, day TEXT NOT NULL, shift_id TEXT NOT NULL, skill_id TEXT NOT NULL,
  PRIMARY KEY (engineer_id, day, shift_id));
CREATE TABLE plan_runs (
  id TEXT PRIMARY KEY, status TEXT NOT NULL, progress REAL NOT NULL, stage TEXT NOT NULL,
  params TEXT NOT NULL, result TEXT NOT NULL, error TEXT NOT NULL, actor TEXT NOT NULL,
  created INTEGER NOT NULL, finished INTEGER);
)sql"},
      {3, "planning results", R"sql(
CREATE TABLE results (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, created INTEGER NOT NULL,
  body TEXT NOT NULL);
CREATE INDEX results_by_kind ON results (kind, id);
)sql"},
      {4, "local talent supply of sites", R"sql(
CREATE TABLE site_talent (
  site_id TEXT NOT NULL REFERENCES sites(id), position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id), hires INTEGER NOT NULL CHECK (hires >= 0),
  PRIMARY KEY (site_id, position));
)sql"},
      {5, "preferred city of a role", R"sql(
ALTER TABLE roles ADD COLUMN city TEXT NOT NULL DEFAULT '';
)sql"},
      {6, "certificate a role requires", R"sql(
ALTER TABLE roles ADD COLUMN certificate TEXT NOT NULL DEFAULT '';
)sql"},
      {7, "users of the dashboard and their sessions", R"sql(
CREATE TABLE users (
  name TEXT PRIMARY KEY, password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'lead', 'engineer', 'client')),
  client_id TEXT NOT NULL, engineer_id TEXT NOT NULL, created INTEGER NOT NULL, revoked INTEGER);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, user_name TEXT NOT NULL REFERENCES users(name),
  csrf TEXT NOT NULL, created INTEGER NOT NULL, expires INTEGER NOT NULL, ended INTEGER);
CREATE INDEX sessions_by_user ON sessions (user_name);
)sql"},
      {8, "secret calendar feeds of engineers' rosters", R"sql(
CREATE TABLE calendar_feeds (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, engineer_id TEXT NOT NULL,
  created INTEGER NOT NULL, revoked INTEGER);
)sql"},
  };
  return migrations;
}

}  // namespace rcc::store
