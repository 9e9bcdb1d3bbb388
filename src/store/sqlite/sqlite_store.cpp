#include "store/sqlite/sqlite_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <SQLiteCpp/VariadicBind.h>

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "io/codes.h"
#include "model/dates.h"
#include "store/sqlite/migrations.h"

namespace rcc::store {
namespace {

using model::format_date;
using Json = nlohmann::json;

// Child tables first, so that deleting never breaks a foreign key.
constexpr const char* kTablesChildFirst[] = {
    "site_talent",     "engineer_leave", "engineer_languages", "engineer_certifications",
    "engineer_skills", "engineers",      "forecast",           "roles",
    "projects",        "client_sla",     "client_hours",       "clients",
    "holidays",        "calendars",      "coverage",           "shift_types",
    "contracts",       "sites",          "skill_adjacency",    "skills",
    "center"};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ";") + s;
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    const auto end = std::min(s.find(';', start), s.size());
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

model::Date date_column(const SQLite::Column& c) {
  const auto d = model::parse_date(c.getString());
  if (!d) throw std::runtime_error("store holds a malformed date: " + c.getString());
  return *d;
}

// Run one prepared statement for many rows.
class Insert {
 public:
  Insert(SQLite::Database& db, const char* sql) : stmt_(db, sql) {}
  template <class... Args>
  void row(const Args&... args) {
    SQLite::bind(stmt_, args...);
    stmt_.exec();
    stmt_.reset();
  }
  SQLite::Statement& statement() { return stmt_; }

 private:
  SQLite::Statement stmt_;
};

}  // namespace

SqliteStore::SqliteStore(const std::string& path, StoreOptions options)
    : path_(path), db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA foreign_keys = ON");
  // NORMAL in WAL mode survives a crash of the process; FULL also a crash of the machine.
  db_.exec(options.flush_every_commit ? "PRAGMA synchronous = FULL"
                                      : "PRAGMA synchronous = NORMAL");
  db_.setBusyTimeout(5000);
  migrate();
}

void SqliteStore::migrate() {
  db_.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
      " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
  const int current = schema_version();
  for (const auto& m : sqlite_migrations()) {
    if (m.version <= current) continue;
    SQLite::Transaction tx(db_);
    db_.exec(std::string(m.sql));
    SQLite::Statement record(db_,
                             "INSERT INTO schema_migrations(version, description) VALUES (?, ?)");
    SQLite::bind(record, m.version, std::string(m.description));
    record.exec();
    tx.commit();
  }
}

int SqliteStore::schema_version() {
  SQLite::Statement q(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.executeStep();
  return q.getColumn(0).getInt();
}

void SqliteStore::replace_center(const model::Center& c) {
  const std::lock_guard lock(mutex_);
  SQLite::Transaction tx(db_);
  for (const char* table : kTablesChildFirst) db_.exec(std::string("DELETE FROM ") + table);

  Insert(db_, "INSERT INTO center VALUES (?, ?, ?, ?, ?)")
      .row(c.id, c.name, c.timezone, format_date(c.plan_start), format_date(c.plan_end));
  {
    Insert skill(db_, "INSERT INTO skills VALUES (?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.skills.size()); ++i) {
      skill.row(c.skills[i].id, i, c.skills[i].name, c.skills[i].family);
    }
    Insert adjacent(db_, "INSERT INTO skill_adjacency VALUES (?, ?, ?)");
    for (const auto& s : c.skills) {
      for (int a = 0; a < static_cast<int>(s.adjacent.size()); ++a) {
        adjacent.row(s.id, a, c.skills[s.adjacent[a]].id);
      }
    }
  }
  {
    Insert site(db_, "INSERT INTO sites VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.sites.size()); ++i) {
      const auto& s = c.sites[i];
      site.row(s.id, i, s.name, s.city, s.seats, s.cost_per_seat_month, s.open ? 1 : 0,
               s.opening_cost);
    }
    Insert talent(db_, "INSERT INTO site_talent VALUES (?, ?, ?, ?)");
    for (const auto& s : c.sites) {
      for (int t = 0; t < static_cast<int>(s.talent.size()); ++t) {
        talent.row(s.id, t, c.skills[s.talent[t].skill].id, s.talent[t].hires);
      }
    }
    Insert contract(db_, "INSERT INTO contracts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.contracts.size()); ++i) {
      const auto& k = c.contracts[i];
      contract.row(k.id, i, k.name, k.fte, k.max_minutes_per_day, k.max_minutes_per_week,
                   k.min_rest_minutes, k.max_consecutive_days, k.max_consecutive_nights,
                   k.max_nights_per_month, static_cast<int>(k.weekend.bits),
                   k.max_working_weekends_per_month);
    }
    Insert shift(db_, "INSERT INTO shift_types VALUES (?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.shift_types.size()); ++i) {
      const auto& s = c.shift_types[i];
      shift.row(s.id, i, s.start_minute, s.length_minutes, s.night ? 1 : 0);
    }
    Insert cover(db_, "INSERT INTO coverage VALUES (?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.coverage.size()); ++i) {
      const auto& r = c.coverage[i];
      cover.row(i, c.skills[r.skill].id, c.shift_types[r.shift].id, r.engineers);
    }
  }
  {
    Insert calendar(db_, "INSERT INTO calendars VALUES (?, ?, ?)");
    Insert holiday(db_, "INSERT INTO holidays VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.calendars.size()); ++i) {
      const auto& cal = c.calendars[i];
      calendar.row(cal.id, i, cal.country);
      for (int h = 0; h < static_cast<int>(cal.holidays.size()); ++h) {
        const auto& hol = cal.holidays[h];
        auto& stmt = holiday.statement();
        SQLite::bind(stmt, cal.id, h, hol.name, format_date(hol.first), hol.days,
                     hol.tentative ? 1 : 0);
        if (hol.confirmed_first) {
          stmt.bind(7, format_date(*hol.confirmed_first));
        } else {
          stmt.bind(7);
        }
        stmt.exec();
        stmt.reset();
      }
    }
  }
  {
    Insert client(db_, "INSERT INTO clients VALUES (?, ?, ?, ?, ?, ?, ?)");
    Insert hours(db_, "INSERT INTO client_hours VALUES (?, ?, ?, ?)");
    Insert sla(db_, "INSERT INTO client_sla VALUES (?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.clients.size()); ++i) {
      const auto& cl = c.clients[i];
      client.row(cl.id, i, cl.name, cl.country, cl.timezone, c.calendars[cl.calendar].id,
                 join(cl.languages));
      for (int d = 0; d < 7; ++d) {
        if (cl.workweek[d].is_open()) {
          hours.row(cl.id, d, cl.workweek[d].open_minute, cl.workweek[d].close_minute);
        }
      }
      for (int p = 0; p < model::kPriorities; ++p) {
        const auto& t = cl.sla[p];
        sla.row(cl.id, p + 1, t.response_minutes, t.resolution_minutes,
                std::string(io::sla_clock_code(t.clock)), t.language);
      }
    }
  }
  {
    Insert project(db_, "INSERT INTO projects VALUES (?, ?, ?, ?, ?, ?)");
    Insert role(db_, "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.projects.size()); ++i) {
      const auto& p = c.projects[i];
      project.row(p.id, i, p.name, c.clients[p.client].id, format_date(p.start),
                  format_date(p.end));
      for (int r = 0; r < static_cast<int>(p.roles.size()); ++r) {
        const auto& x = p.roles[r];
        role.row(p.id, x.id, r, c.skills[x.skill].id, x.min_level, x.headcount, x.fte, x.language,
                 std::string(io::work_mode_code(x.mode)), format_date(x.start), format_date(x.end),
                 x.city, x.certificate);
      }
    }
  }
  {
    Insert series(db_, "INSERT INTO forecast VALUES (?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.forecast.size()); ++i) {
      const auto& f = c.forecast[i];
      series.row(i, c.clients[f.client].id, c.skills[f.skill].id, f.mean_handle_minutes,
                 Json(f.priority_mix).dump(), Json(f.arrivals_per_hour).dump());
    }
  }
  {
    Insert engineer(db_, "INSERT INTO engineers VALUES (?, ?, ?, ?, ?, ?)");
    Insert skill(db_, "INSERT INTO engineer_skills VALUES (?, ?, ?, ?)");
    Insert cert(db_, "INSERT INTO engineer_certifications VALUES (?, ?, ?, ?)");
    Insert language(db_, "INSERT INTO engineer_languages VALUES (?, ?, ?)");
    Insert leave(db_, "INSERT INTO engineer_leave VALUES (?, ?, ?, ?)");
    for (int i = 0; i < static_cast<int>(c.engineers.size()); ++i) {
      const auto& e = c.engineers[i];
      engineer.row(e.id, i, e.name, c.sites[e.site].id, c.contracts[e.contract].id,
                   format_date(e.hired));
      for (int k = 0; k < static_cast<int>(e.skills.size()); ++k) {
        skill.row(e.id, k, c.skills[e.skills[k].skill].id, e.skills[k].level);
      }
      for (int k = 0; k < static_cast<int>(e.certifications.size()); ++k) {
        cert.row(e.id, k, e.certifications[k].name, format_date(e.certifications[k].expires));
      }
      for (int k = 0; k < static_cast<int>(e.languages.size()); ++k) {
        language.row(e.id, k, e.languages[k]);
      }
      for (int k = 0; k < static_cast<int>(e.leave.size()); ++k) {
        leave.row(e.id, k, format_date(e.leave[k].first), format_date(e.leave[k].last));
      }
    }
  }
  tx.commit();
}

namespace {

// Reads the stored center table by table; ids become dense indices in file order.
class CenterReader {
 public:
  explicit CenterReader(SQLite::Database& db) : db_(db) {}

  std::optional<model::Center> read() {
    if (!read_header()) return std::nullopt;
    read_skills();
    read_sites();
    read_contracts();
    read_shifts();
    read_calendars();
    read_clients();
    read_projects();
    read_forecast();
    read_engineers();
    return std::move(c_);
  }

 private:
  // The center row; false when the store holds no center.
  bool read_header() {
    SQLite::Statement q(db_, "SELECT id, name, timezone, plan_start, plan_end FROM center");
    if (!q.executeStep()) return false;
    c_.id = q.getColumn(0).getString();
    c_.name = q.getColumn(1).getString();
    c_.timezone = q.getColumn(2).getString();
    c_.plan_start = date_column(q.getColumn(3));
    c_.plan_end = date_column(q.getColumn(4));
    return true;
  }

  // Skills and their adjacency.
  void read_skills() {
    SQLite::Statement q(db_, "SELECT id, name, family FROM skills ORDER BY position");
    while (q.executeStep()) {
      skills_[q.getColumn(0).getString()] = static_cast<int>(c_.skills.size());
      c_.skills.push_back(
          {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), {}});
    }
    SQLite::Statement a(
        db_, "SELECT skill_id, from_skill_id FROM skill_adjacency ORDER BY skill_id, position");
    while (a.executeStep()) {
      c_.skills[skills_.at(a.getColumn(0).getString())].adjacent.push_back(
          skills_.at(a.getColumn(1).getString()));
    }
  }

  // Sites and their local talent supply.
  void read_sites() {
    SQLite::Statement q(db_,
                        "SELECT id, name, city, seats, cost_per_seat_month, open, opening_cost "
                        "FROM sites ORDER BY position");
    while (q.executeStep()) {
      sites_[q.getColumn(0).getString()] = static_cast<int>(c_.sites.size());
      c_.sites.push_back({q.getColumn(0).getString(),
                          q.getColumn(1).getString(),
                          q.getColumn(2).getString(),
                          q.getColumn(3).getInt(),
                          q.getColumn(4).getDouble(),
                          q.getColumn(5).getInt() != 0,
                          q.getColumn(6).getDouble(),
                          {}});
    }
    SQLite::Statement t(
        db_, "SELECT site_id, skill_id, hires FROM site_talent ORDER BY site_id, position");
    while (t.executeStep()) {
      c_.sites[sites_.at(t.getColumn(0).getString())].talent.push_back(
          {skills_.at(t.getColumn(1).getString()), t.getColumn(2).getInt()});
    }
  }

  // Contracts.
  void read_contracts() {
    SQLite::Statement q(db_,
                        "SELECT id, name, fte, max_minutes_per_day, max_minutes_per_week, "
                        "min_rest_minutes, max_consecutive_days, max_consecutive_nights, "
                        "max_nights_per_month, weekend_days, max_working_weekends_per_month "
                        "FROM contracts ORDER BY position");
    while (q.executeStep()) {
      model::Contract k;
      k.id = q.getColumn(0).getString();
      k.name = q.getColumn(1).getString();
      k.fte = q.getColumn(2).getDouble();
      k.max_minutes_per_day = q.getColumn(3).getInt();
      k.max_minutes_per_week = q.getColumn(4).getInt();
      k.min_rest_minutes = q.getColumn(5).getInt();
      k.max_consecutive_days = q.getColumn(6).getInt();
      k.max_consecutive_nights = q.getColumn(7).getInt();
      k.max_nights_per_month = q.getColumn(8).getInt();
      k.weekend.bits = static_cast<std::uint8_t>(q.getColumn(9).getInt());
      k.max_working_weekends_per_month = q.getColumn(10).getInt();
      contracts_[k.id] = static_cast<int>(c_.contracts.size());
      c_.contracts.push_back(std::move(k));
    }
  }

  // Shift types and the coverage they must give.
  void read_shifts() {
    SQLite::Statement q(
        db_, "SELECT id, start_minute, length_minutes, night FROM shift_types ORDER BY position");
    while (q.executeStep()) {
      shifts_[q.getColumn(0).getString()] = static_cast<int>(c_.shift_types.size());
      c_.shift_types.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(),
                                q.getColumn(2).getInt(), q.getColumn(3).getInt() != 0});
    }
    SQLite::Statement r(db_,
                        "SELECT skill_id, shift_id, engineers FROM coverage ORDER BY position");
    while (r.executeStep()) {
      c_.coverage.push_back({skills_.at(r.getColumn(0).getString()),
                             shifts_.at(r.getColumn(1).getString()), r.getColumn(2).getInt()});
    }
  }

  // Calendars and their holidays.
  void read_calendars() {
    SQLite::Statement q(db_, "SELECT id, country FROM calendars ORDER BY position");
    while (q.executeStep()) {
      calendars_[q.getColumn(0).getString()] = static_cast<int>(c_.calendars.size());
      c_.calendars.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), {}});
    }
    SQLite::Statement h(db_,
                        "SELECT calendar_id, name, first_day, days, tentative, confirmed_first_day "
                        "FROM holidays ORDER BY calendar_id, position");
    while (h.executeStep()) {
      model::Holiday hol;
      hol.name = h.getColumn(1).getString();
      hol.first = date_column(h.getColumn(2));
      hol.days = h.getColumn(3).getInt();
      hol.tentative = h.getColumn(4).getInt() != 0;
      if (!h.getColumn(5).isNull()) hol.confirmed_first = date_column(h.getColumn(5));
      c_.calendars[calendars_.at(h.getColumn(0).getString())].holidays.push_back(std::move(hol));
    }
  }

  // Clients, their working hours and SLA terms.
  void read_clients() {
    SQLite::Statement q(db_,
                        "SELECT id, name, country, timezone, calendar_id, languages FROM clients "
                        "ORDER BY position");
    while (q.executeStep()) {
      model::Client cl;
      cl.id = q.getColumn(0).getString();
      cl.name = q.getColumn(1).getString();
      cl.country = q.getColumn(2).getString();
      cl.timezone = q.getColumn(3).getString();
      cl.calendar = calendars_.at(q.getColumn(4).getString());
      cl.languages = split(q.getColumn(5).getString());
      clients_[cl.id] = static_cast<int>(c_.clients.size());
      c_.clients.push_back(std::move(cl));
    }
    SQLite::Statement h(db_,
                        "SELECT client_id, weekday, open_minute, close_minute FROM client_hours");
    while (h.executeStep()) {
      c_.clients[clients_.at(h.getColumn(0).getString())].workweek[h.getColumn(1).getInt()] = {
          h.getColumn(2).getInt(), h.getColumn(3).getInt()};
    }
    SQLite::Statement s(db_,
                        "SELECT client_id, priority, response_minutes, resolution_minutes, clock, "
                        "language FROM client_sla");
    while (s.executeStep()) {
      auto& t =
          c_.clients[clients_.at(s.getColumn(0).getString())].sla[s.getColumn(1).getInt() - 1];
      t.response_minutes = s.getColumn(2).getInt();
      t.resolution_minutes = s.getColumn(3).getInt();
      t.clock = io::sla_clock_from_code(s.getColumn(4).getString()).value();
      t.language = s.getColumn(5).getString();
    }
  }

  // Projects and their roles.
  void read_projects() {
    std::map<std::string, int> projects;
    SQLite::Statement q(
        db_, "SELECT id, name, client_id, start_day, end_day FROM projects ORDER BY position");
    while (q.executeStep()) {
      model::Project p;
      p.id = q.getColumn(0).getString();
      p.name = q.getColumn(1).getString();
      p.client = clients_.at(q.getColumn(2).getString());
      p.start = date_column(q.getColumn(3));
      p.end = date_column(q.getColumn(4));
      projects[p.id] = static_cast<int>(c_.projects.size());
      c_.projects.push_back(std::move(p));
    }
    SQLite::Statement r(
        db_,
        "SELECT project_id, id, skill_id, min_level, headcount, fte, language, mode, "
        "start_day, end_day, city, certificate FROM roles ORDER BY project_id, position");
    while (r.executeStep()) {
      model::Role x;
      x.id = r.getColumn(1).getString();
      x.skill = skills_.at(r.getColumn(2).getString());
      x.min_level = r.getColumn(3).getInt();
      x.headcount = r.getColumn(4).getInt();
      x.fte = r.getColumn(5).getDouble();
      x.language = r.getColumn(6).getString();
      x.mode = io::work_mode_from_code(r.getColumn(7).getString()).value();
      x.start = date_column(r.getColumn(8));
      x.end = date_column(r.getColumn(9));
      x.city = r.getColumn(10).getString();
      x.certificate = r.getColumn(11).getString();
      c_.projects[projects.at(r.getColumn(0).getString())].roles.push_back(std::move(x));
    }
  }

  // The ticket forecast.
  void read_forecast() {
    SQLite::Statement q(db_,
                        "SELECT client_id, skill_id, mean_handle_minutes, priority_mix, "
                        "arrivals_per_hour FROM forecast ORDER BY position");
    while (q.executeStep()) {
      model::ForecastSeries f;
      f.client = clients_.at(q.getColumn(0).getString());
      f.skill = skills_.at(q.getColumn(1).getString());
      f.mean_handle_minutes = q.getColumn(2).getDouble();
      f.priority_mix = Json::parse(q.getColumn(3).getString()).get<decltype(f.priority_mix)>();
      f.arrivals_per_hour =
          Json::parse(q.getColumn(4).getString()).get<decltype(f.arrivals_per_hour)>();
      c_.forecast.push_back(f);
    }
  }

  // Engineers with their skills, certifications, languages and leave.
  void read_engineers() {
    SQLite::Statement q(
        db_, "SELECT id, name, site_id, contract_id, hired FROM engineers ORDER BY position");
    while (q.executeStep()) {
      model::Engineer e;
      e.id = q.getColumn(0).getString();
      e.name = q.getColumn(1).getString();
      e.site = sites_.at(q.getColumn(2).getString());
      e.contract = contracts_.at(q.getColumn(3).getString());
      e.hired = date_column(q.getColumn(4));
      engineers_[e.id] = static_cast<int>(c_.engineers.size());
      c_.engineers.push_back(std::move(e));
    }
    auto each_row = [&](const char* sql, auto&& apply) {
      SQLite::Statement s(db_, sql);
      while (s.executeStep()) apply(c_.engineers[engineers_.at(s.getColumn(0).getString())], s);
    };
    each_row(
        "SELECT engineer_id, skill_id, level FROM engineer_skills ORDER BY engineer_id, position",
        [&](model::Engineer& e, SQLite::Statement& s) {
          e.skills.push_back({skills_.at(s.getColumn(1).getString()), s.getColumn(2).getInt()});
        });
    each_row(
        "SELECT engineer_id, name, expires FROM engineer_certifications "
        "ORDER BY engineer_id, position",
        [&](model::Engineer& e, SQLite::Statement& s) {
          e.certifications.push_back({s.getColumn(1).getString(), date_column(s.getColumn(2))});
        });
    each_row("SELECT engineer_id, language FROM engineer_languages ORDER BY engineer_id, position",
             [&](model::Engineer& e, SQLite::Statement& s) {
               e.languages.push_back(s.getColumn(1).getString());
             });
    each_row(
        "SELECT engineer_id, first_day, last_day FROM engineer_leave "
        "ORDER BY engineer_id, position",
        [&](model::Engineer& e, SQLite::Statement& s) {
          e.leave.push_back({date_column(s.getColumn(1)), date_column(s.getColumn(2))});
        });
  }

  SQLite::Database& db_;
  model::Center c_;
  std::map<std::string, int> skills_, sites_, contracts_, shifts_, calendars_, clients_, engineers_;
};

}  // namespace

std::optional<model::Center> SqliteStore::load_center() {
  const std::lock_guard lock(mutex_);
  // One read transaction: a consistent snapshot even while another process imports.
  SQLite::Transaction tx(db_, SQLite::TransactionBehavior::DEFERRED);
  auto center = CenterReader(db_).read();
  tx.commit();
  return center;
}

}  // namespace rcc::store
