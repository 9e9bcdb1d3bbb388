// Reading a dataset: files -> model::Center, every problem reported with its place.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "calendar/zones.h"
#include "io/codes.h"
#include "io/csv.h"
#include "io/dataset.h"
#include "io/json_cursor.h"
#include "model/dates.h"

namespace rcc::io {

void SourceMap::record(model::EntityRef entity, Location where) {
  places_[{static_cast<int>(entity.kind), entity.index, entity.sub}] = std::move(where);
}

Location SourceMap::locate(const model::EntityRef& entity, const std::string& field) const {
  const auto it = places_.find({static_cast<int>(entity.kind), entity.index, entity.sub});
  if (it == places_.end()) return {"(dataset)", 0, 0, ""};
  Location where = it->second;
  if (where.line == 0 && !field.empty()) where.json_path += "/" + field;
  return where;
}

model::HolidayCalendar read_holiday_calendar(const JsonCursor& root, std::string id) {
  model::HolidayCalendar cal;
  cal.id = std::move(id);
  if (!root.expect_object({"country", "holidays"})) return cal;
  cal.country = root.string("country").value_or("");
  // Every element becomes a holiday, even a broken one, so holiday h is always /holidays/h.
  for (const auto& h : root.array("holidays")) {
    model::Holiday hol;
    if (h.expect_object({"name", "date", "days", "tentative", "confirmed_date"})) {
      hol.name = h.string("name").value_or("");
      hol.first = h.date("date").value_or(model::Date{});
      hol.days = h.integer("days", Need::optional).value_or(1);
      hol.tentative = h.boolean("tentative", Need::optional).value_or(false);
      hol.confirmed_first = h.date("confirmed_date", Need::optional);
    }
    cal.holidays.push_back(std::move(hol));
  }
  return cal;
}

namespace {

using model::EntityKind;
using model::EntityRef;
using Index = std::map<std::string, int, std::less<>>;

template <class T>
Index index_by_id(const std::vector<T>& items) {
  Index index;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) index.emplace(items[i].id, i);
  return index;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Splits "a; b;c" into trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view s, char sep = ';') {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(sep, start), s.size());
    auto item = trim(s.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

bool is_language_code(std::string_view code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class Reader {
 public:
  Reader(const DatasetFiles& files, std::string label, LoadedDataset& out)
      : files_(files), label_(std::move(label)), out_(out), center_(out.center) {}

  void run() {
    read_center();
    read_calendars();
    read_clients();
    read_projects();
    read_forecast();
    read_engineers();
    // Entities whose references did not resolve were left out above, so every index in the
    // center is valid and the invariants can run even on a broken dataset: all errors at once.
    report(model::check_invariants(center_));
    report(calendar::check_time_zones(center_));
  }

 private:
  std::string place(const std::string& file) const {
    return label_.empty() ? file : label_ + "/" + file;
  }
  Diagnostics& diag() { return out_.diagnostics; }

  std::optional<Json> document(const std::string& file, bool required) {
    const auto it = files_.find(file);
    if (it == files_.end()) {
      if (required) diag().error({place(file)}, "file is missing");
      return std::nullopt;
    }
    return parse_json(it->second, place(file), diag());
  }

  void record(EntityRef ref, const JsonCursor& at) {
    out_.sources.record(ref, {at.file(), 0, 0, at.path()});
  }

  // Resolves the id in field `key` against `index`; reports unknown ids.
  std::optional<int> resolve(const Index& index, const JsonCursor& at, std::string_view key,
                             const char* what, Need need = Need::required) {
    const auto id = at.string(key, need);
    if (!id) return std::nullopt;
    const auto it = index.find(*id);
    if (it == index.end()) {
      at.error(key, std::string("unknown ") + what + " \"" + *id + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  // A place: file, line or JSON path, and the CSV column a message starts with.
  static std::string place_key(const Diagnostic& d) {
    const auto& m = d.message;
    const bool column = m.rfind("column \"", 0) == 0;
    return d.where.to_string() + "|" + (column ? m.substr(0, m.find("\":") + 1) : "");
  }

  // Adds the problems found on the model, except at places already reported while parsing:
  // an unknown skill dropped from a row should not come back as "engineer has no skill".
  void report(const std::vector<model::Problem>& problems) {
    std::set<std::string> reported;
    for (const auto& d : diag().items()) reported.insert(place_key(d));
    for (const auto& p : problems) {
      const auto where = out_.sources.locate(p.where, p.field);
      const bool csv = where.line > 0 && !p.field.empty();
      const Diagnostic d{Severity::error, where,
                         (csv ? "column \"" + p.field + "\": " : std::string()) + p.message};
      if (!reported.contains(place_key(d))) diag().error(d.where, d.message);
    }
  }

  void read_center();
  void read_calendars();
  void read_clients();
  void read_projects();
  void read_forecast();
  void read_engineers();
  void read_sla(const JsonCursor& at, model::Client& client);
  void read_workweek(const JsonCursor& at, model::Client& client);

  const DatasetFiles& files_;
  std::string label_;
  LoadedDataset& out_;
  model::Center& center_;
  Index skills_, sites_, contracts_, shifts_, calendars_, clients_;
};

void Reader::read_center() {
  const auto doc = document("center.json", true);
  if (!doc) return;
  const JsonCursor root(*doc, place("center.json"), "", diag());
  if (!root.expect_object({"id", "name", "timezone", "plan_start", "plan_end", "skills", "sites",
                           "contracts", "shift_types", "coverage"})) {
    return;
  }
  out_.sources.record({EntityKind::center}, {root.file(), 0, 0, ""});
  center_.id = root.string("id").value_or("");
  center_.name = root.string("name").value_or("");
  center_.timezone = root.string("timezone").value_or("");
  center_.plan_start = root.date("plan_start").value_or(model::Date{});
  center_.plan_end = root.date("plan_end").value_or(model::Date{});

  const auto skills = root.array("skills");
  for (const auto& s : skills) {
    if (!s.expect_object({"id", "name", "adjacent"})) continue;
    model::Skill skill;
    skill.id = s.string("id").value_or("");
    skill.name = s.string("name").value_or("");
    skill.family = skill.id.substr(0, skill.id.find('.'));
    record({EntityKind::skill, static_cast<int>(center_.skills.size())}, s);
    center_.skills.push_back(std::move(skill));
  }
  skills_ = index_by_id(center_.skills);
  // Adjacency refers to other skills, so it is resolved once all are known.
  for (size_t i = 0; i < skills.size() && i < center_.skills.size(); ++i) {
    const auto ids = skills[i].strings("adjacent", Need::optional);
    for (size_t a = 0; a < ids.size(); ++a) {
      const auto it = skills_.find(ids[a]);
      if (it == skills_.end()) {
        skills[i].error("adjacent/" + std::to_string(a), "unknown skill \"" + ids[a] + "\"");
      } else {
        center_.skills[i].adjacent.push_back(it->second);
      }
    }
  }

  for (const auto& s : root.array("sites")) {
    if (!s.expect_object({"id", "name", "city", "seats", "cost_per_seat_month", "open",
                          "opening_cost", "talent"})) {
      continue;
    }
    model::Site site;
    site.id = s.string("id").value_or("");
    site.name = s.string("name").value_or("");
    site.city = s.string("city").value_or("");
    site.seats = s.integer("seats").value_or(0);
    site.cost_per_seat_month = s.number("cost_per_seat_month", Need::optional).value_or(0);
    site.open = s.boolean("open", Need::optional).value_or(true);
    site.opening_cost = s.number("opening_cost", Need::optional).value_or(0);
    const auto talent = s.array("talent", Need::optional);
    for (const auto& entry : talent) {
      if (!entry.expect_object({"skill", "hires"})) continue;
      const auto skill = entry.string("skill").value_or("");
      const auto hires = entry.integer("hires").value_or(0);
      const auto it = skills_.find(skill);
      if (it == skills_.end()) {
        entry.error("skill", "unknown skill \"" + skill + "\"");
      } else if (hires < 0) {
        entry.error("hires", "talent supply must be >= 0, not " + std::to_string(hires));
      } else if (std::any_of(site.talent.begin(), site.talent.end(),
                             [&](const model::TalentSupply& x) { return x.skill == it->second; })) {
        entry.error("skill", "skill \"" + skill + "\" is listed twice");
      } else {
        site.talent.push_back({it->second, hires});
      }
    }
    record({EntityKind::site, static_cast<int>(center_.sites.size())}, s);
    center_.sites.push_back(std::move(site));
  }
  sites_ = index_by_id(center_.sites);

  for (const auto& s : root.array("contracts")) {
    if (!s.expect_object({"id", "name", "fte", "max_minutes_per_day", "max_minutes_per_week",
                          "min_rest_minutes", "max_consecutive_days", "max_consecutive_nights",
                          "max_nights_per_month", "weekend", "max_working_weekends_per_month"})) {
      continue;
    }
    model::Contract k;
    k.id = s.string("id").value_or("");
    k.name = s.string("name").value_or("");
    k.fte = s.number("fte", Need::optional).value_or(1.0);
    k.max_minutes_per_day = s.integer("max_minutes_per_day", Need::optional).value_or(0);
    k.max_minutes_per_week = s.integer("max_minutes_per_week", Need::optional).value_or(0);
    k.min_rest_minutes = s.integer("min_rest_minutes", Need::optional).value_or(0);
    k.max_consecutive_days = s.integer("max_consecutive_days", Need::optional).value_or(0);
    k.max_consecutive_nights = s.integer("max_consecutive_nights", Need::optional).value_or(0);
    k.max_nights_per_month = s.integer("max_nights_per_month", Need::optional).value_or(0);
    k.max_working_weekends_per_month =
        s.integer("max_working_weekends_per_month", Need::optional).value_or(0);
    const auto weekend = s.strings("weekend", Need::optional);
    for (size_t d = 0; d < weekend.size(); ++d) {
      if (const auto day = weekday_from_code(weekend[d])) {
        k.weekend.insert(std::chrono::weekday{static_cast<unsigned>(*day)});
      } else {
        s.error("weekend/" + std::to_string(d),
                "\"" + weekend[d] + "\" is not a weekday (sun..sat)");
      }
    }
    record({EntityKind::contract, static_cast<int>(center_.contracts.size())}, s);
    center_.contracts.push_back(std::move(k));
  }
  contracts_ = index_by_id(center_.contracts);

  for (const auto& s : root.array("shift_types")) {
    if (!s.expect_object({"id", "start", "minutes", "night"})) continue;
    model::ShiftType t;
    t.id = s.string("id").value_or("");
    t.start_minute = s.clock("start").value_or(0);
    t.length_minutes = s.integer("minutes").value_or(0);
    t.night = s.boolean("night", Need::optional).value_or(false);
    record({EntityKind::shift_type, static_cast<int>(center_.shift_types.size())}, s);
    center_.shift_types.push_back(std::move(t));
  }
  shifts_ = index_by_id(center_.shift_types);

  for (const auto& s : root.array("coverage", Need::optional)) {
    if (!s.expect_object({"skill", "shift", "engineers"})) continue;
    const auto skill = resolve(skills_, s, "skill", "skill");
    const auto shift = resolve(shifts_, s, "shift", "shift type");
    const auto engineers = s.integer("engineers");
    if (!skill || !shift || !engineers) continue;
    record({EntityKind::coverage, static_cast<int>(center_.coverage.size())}, s);
    center_.coverage.push_back({*skill, *shift, *engineers});
  }
}

void Reader::read_calendars() {
  const std::string prefix = "calendars/";
  for (const auto& [file, text] : files_) {
    if (file.rfind(prefix, 0) != 0 || !file.ends_with(".json")) continue;
    const auto doc = document(file, true);
    if (!doc) continue;
    const JsonCursor root(*doc, place(file), "", diag());
    const int cal_index = static_cast<int>(center_.calendars.size());
    auto cal =
        read_holiday_calendar(root, file.substr(prefix.size(), file.size() - prefix.size() - 5));
    for (int h = 0; h < static_cast<int>(cal.holidays.size()); ++h) {
      out_.sources.record({EntityKind::holiday, cal_index, h},
                          {root.file(), 0, 0, "/holidays/" + std::to_string(h)});
    }
    record({EntityKind::calendar, cal_index}, root);
    center_.calendars.push_back(std::move(cal));
  }
  calendars_ = index_by_id(center_.calendars);
}

void Reader::read_workweek(const JsonCursor& at, model::Client& client) {
  const auto week = at.object("workweek");
  if (!week || !week->expect_object({"sun", "mon", "tue", "wed", "thu", "fri", "sat"})) return;
  for (int d = 0; d < 7; ++d) {
    const auto key = kWeekdayCodes[d];
    const auto hours = week->string(key, Need::optional);
    if (!hours) continue;
    const auto dash = hours->find('-');
    const auto open = model::parse_clock(hours->substr(0, dash == std::string::npos ? 0 : dash));
    const auto close =
        dash == std::string::npos ? std::nullopt : model::parse_clock(hours->substr(dash + 1));
    if (!open || !close || *close <= *open) {
      week->error(key, "\"" + *hours + "\" is not a range of business hours (HH:MM-HH:MM)");
      continue;
    }
    client.workweek[d] = {*open, *close};
  }
}

void Reader::read_sla(const JsonCursor& at, model::Client& client) {
  const auto sla = at.object("sla");
  if (!sla || !sla->expect_object({model::kPriorityCodes[0], model::kPriorityCodes[1],
                                   model::kPriorityCodes[2], model::kPriorityCodes[3]}))
    return;
  for (int p = 0; p < model::kPriorities; ++p) {
    const auto target = sla->object(model::kPriorityCodes[p]);
    if (!target ||
        !target->expect_object({"response_minutes", "resolution_minutes", "clock", "language"})) {
      continue;
    }
    auto& t = client.sla[p];
    t.response_minutes = target->integer("response_minutes").value_or(0);
    t.resolution_minutes = target->integer("resolution_minutes").value_or(0);
    if (const auto clock = target->string("clock")) {
      if (const auto c = sla_clock_from_code(*clock)) {
        t.clock = *c;
      } else {
        target->error("clock", "\"" + *clock + "\" is not a clock (24x7 or business)");
      }
    }
    t.language = target->string("language", Need::optional).value_or("");
    if (!t.language.empty() && !is_language_code(t.language)) {
      target->error("language", "\"" + t.language + "\" is not an ISO 639-1 language code");
    }
  }
}

void Reader::read_clients() {
  const auto doc = document("clients.json", true);
  if (!doc) return;
  const JsonCursor root(*doc, place("clients.json"), "", diag());
  if (!root.expect_object({"clients"})) return;
  for (const auto& c : root.array("clients")) {
    if (!c.expect_object(
            {"id", "name", "country", "timezone", "calendar", "languages", "workweek", "sla"})) {
      continue;
    }
    model::Client client;
    client.id = c.string("id").value_or("");
    client.name = c.string("name").value_or("");
    client.country = c.string("country").value_or("");
    client.timezone = c.string("timezone").value_or("");
    const auto cal =
        resolve(calendars_, c, "calendar", "holiday calendar (no calendars/<id>.json)");
    client.languages = c.strings("languages");
    for (size_t l = 0; l < client.languages.size(); ++l) {
      if (!is_language_code(client.languages[l])) {
        c.error("languages/" + std::to_string(l),
                "\"" + client.languages[l] + "\" is not an ISO 639-1 language code");
      }
    }
    read_workweek(c, client);
    read_sla(c, client);
    if (!cal) continue;
    client.calendar = *cal;
    record({EntityKind::client, static_cast<int>(center_.clients.size())}, c);
    center_.clients.push_back(std::move(client));
  }
  clients_ = index_by_id(center_.clients);
}

void Reader::read_projects() {
  const auto doc = document("projects.json", false);
  if (!doc) return;
  const JsonCursor root(*doc, place("projects.json"), "", diag());
  if (!root.expect_object({"projects"})) return;
  for (const auto& p : root.array("projects")) {
    if (!p.expect_object({"id", "name", "client", "start", "end", "roles"})) continue;
    model::Project project;
    project.id = p.string("id").value_or("");
    project.name = p.string("name").value_or("");
    const auto client = resolve(clients_, p, "client", "client");
    project.start = p.date("start").value_or(model::Date{});
    project.end = p.date("end").value_or(model::Date{});
    const int project_index = static_cast<int>(center_.projects.size());
    for (const auto& r : p.array("roles")) {
      if (!r.expect_object({"id", "skill", "min_level", "headcount", "fte", "language", "mode",
                            "start", "end", "city", "certificate"})) {
        continue;
      }
      model::Role role;
      role.id = r.string("id").value_or("");
      const auto skill = resolve(skills_, r, "skill", "skill");
      role.min_level = r.integer("min_level").value_or(1);
      role.headcount = r.integer("headcount").value_or(1);
      role.fte = r.number("fte", Need::optional).value_or(1.0);
      role.language = r.string("language", Need::optional).value_or("");
      if (!role.language.empty() && !is_language_code(role.language)) {
        r.error("language", "\"" + role.language + "\" is not an ISO 639-1 language code");
      }
      if (const auto mode = r.string("mode", Need::optional)) {
        if (const auto m = work_mode_from_code(*mode)) {
          role.mode = *m;
        } else {
          r.error("mode", "\"" + *mode + "\" is not a work mode (remote or onsite)");
        }
      }
      role.city = r.string("city", Need::optional).value_or("");
      if (!role.city.empty() &&
          std::none_of(center_.sites.begin(), center_.sites.end(),
                       [&](const model::Site& s) { return s.city == role.city; })) {
        r.error("city", "no site is in \"" + role.city + "\"");
      }
      role.certificate = r.string("certificate", Need::optional).value_or("");
      role.start = r.date("start", Need::optional).value_or(project.start);
      role.end = r.date("end", Need::optional).value_or(project.end);
      if (!skill) continue;
      role.skill = *skill;
      record({EntityKind::role, project_index, static_cast<int>(project.roles.size())}, r);
      project.roles.push_back(std::move(role));
    }
    if (!client) continue;
    project.client = *client;
    record({EntityKind::project, project_index}, p);
    center_.projects.push_back(std::move(project));
  }
}

void Reader::read_forecast() {
  const auto doc = document("forecast.json", false);
  if (!doc) return;
  const JsonCursor root(*doc, place("forecast.json"), "", diag());
  if (!root.expect_object({"series"})) return;
  for (const auto& s : root.array("series")) {
    if (!s.expect_object(
            {"client", "skill", "mean_handle_minutes", "priority_mix", "arrivals_per_hour"})) {
      continue;
    }
    model::ForecastSeries f;
    const auto client = resolve(clients_, s, "client", "client");
    const auto skill = resolve(skills_, s, "skill", "skill");
    f.mean_handle_minutes = s.number("mean_handle_minutes").value_or(0);
    const auto mix = s.numbers("priority_mix");
    if (mix.size() != f.priority_mix.size()) {
      s.error("priority_mix", "expected 4 shares (P1..P4), found " + std::to_string(mix.size()));
    } else {
      std::copy(mix.begin(), mix.end(), f.priority_mix.begin());
    }
    const auto rates = s.numbers("arrivals_per_hour");
    if (rates.size() != f.arrivals_per_hour.size()) {
      s.error("arrivals_per_hour", "expected 168 hourly rates (Monday 00:00 first), found " +
                                       std::to_string(rates.size()));
    } else {
      std::copy(rates.begin(), rates.end(), f.arrivals_per_hour.begin());
    }
    if (!client || !skill) continue;
    f.client = *client;
    f.skill = *skill;
    record({EntityKind::forecast, static_cast<int>(center_.forecast.size())}, s);
    center_.forecast.push_back(f);
  }
}

void Reader::read_engineers() {
  const std::string file = "engineers.csv";
  const auto it = files_.find(file);
  if (it == files_.end()) {
    diag().error({place(file)}, "file is missing");
    return;
  }
  const std::string where = place(file);
  const auto rows = parse_csv(it->second, where, diag());
  if (rows.empty()) {
    diag().error({where, 1}, "no header row");
    return;
  }
  static const std::vector<std::string> required = {"id",    "name",   "site",     "contract",
                                                    "hired", "skills", "languages"};
  static const std::vector<std::string> optional = {"certifications", "leave"};
  std::map<std::string, int> column;
  const auto& header = rows[0];
  for (int c = 0; c < static_cast<int>(header.fields.size()); ++c) {
    const auto name = trim(header.fields[c]);
    const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                       std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      diag().warning({where, header.line}, "column \"" + name + "\" is not used by rcc; ignored");
    } else if (!column.emplace(name, c).second) {
      diag().error({where, header.line}, "column \"" + name + "\" appears twice");
    }
  }
  bool header_ok = true;
  for (const auto& name : required) {
    if (!column.contains(name)) {
      diag().error({where, header.line}, "missing column \"" + name + "\"");
      header_ok = false;
    }
  }
  if (!header_ok) return;

  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const Location at{where, row.line};
    if (row.fields.size() != header.fields.size()) {
      diag().error(at, "row has " + std::to_string(row.fields.size()) + " fields, header has " +
                           std::to_string(header.fields.size()));
      continue;
    }
    const auto get = [&](const std::string& name) -> std::string {
      const auto c = column.find(name);
      return c == column.end() ? std::string() : trim(row.fields[c->second]);
    };
    const auto bad = [&](const std::string& col, const std::string& msg) {
      std::string text = "column \"";
      text += col;
      text += "\": ";
      text += msg;
      diag().error(at, text);
    };
    model::Engineer e;
    e.id = get("id");
    e.name = get("name");
    bool refs_ok = true;
    if (const auto s = sites_.find(get("site")); s != sites_.end()) {
      e.site = s->second;
    } else {
      bad("site", "unknown site \"" + get("site") + "\"");
      refs_ok = false;
    }
    if (const auto k = contracts_.find(get("contract")); k != contracts_.end()) {
      e.contract = k->second;
    } else {
      bad("contract", "unknown contract \"" + get("contract") + "\"");
      refs_ok = false;
    }
    if (const auto d = model::parse_date(get("hired"))) {
      e.hired = *d;
    } else {
      bad("hired", "\"" + get("hired") + "\" is not a date (YYYY-MM-DD)");
    }
    for (const auto& item : split_list(get("skills"))) {
      const auto colon = item.rfind(':');
      int level = 0;
      const auto level_text = colon == std::string::npos ? "" : trim(item.substr(colon + 1));
      if (colon == std::string::npos || level_text.size() != 1 || level_text[0] < '0' ||
          level_text[0] > '9') {
        bad("skills", "\"" + item + "\" is not skill:level (e.g. ran.5g:4)");
        continue;
      }
      level = level_text[0] - '0';
      const auto skill = skills_.find(trim(item.substr(0, colon)));
      if (skill == skills_.end()) {
        bad("skills", "unknown skill \"" + trim(item.substr(0, colon)) + "\"");
        continue;
      }
      e.skills.push_back({skill->second, level});
    }
    for (const auto& item : split_list(get("certifications"))) {
      const auto colon = item.rfind(':');
      const auto expiry = colon == std::string::npos
                              ? std::nullopt
                              : model::parse_date(trim(item.substr(colon + 1)));
      if (!expiry || trim(item.substr(0, colon)).empty()) {
        bad("certifications", "\"" + item + "\" is not name:expiry (e.g. HCIP-5G:2028-06-30)");
        continue;
      }
      e.certifications.push_back({trim(item.substr(0, colon)), *expiry});
    }
    for (const auto& lang : split_list(get("languages"))) {
      if (!is_language_code(lang)) {
        bad("languages", "\"" + lang + "\" is not an ISO 639-1 language code");
        continue;
      }
      e.languages.push_back(lang);
    }
    for (const auto& item : split_list(get("leave"))) {
      const auto dots = item.find("..");
      const auto first = model::parse_date(trim(item.substr(0, dots)));
      const auto last =
          dots == std::string::npos ? first : model::parse_date(trim(item.substr(dots + 2)));
      if (!first || !last) {
        bad("leave", "\"" + item + "\" is not a day or a period (2027-03-01..2027-03-05)");
        continue;
      }
      e.leave.push_back({*first, *last});
    }
    if (!refs_ok) continue;
    out_.sources.record({EntityKind::engineer, static_cast<int>(center_.engineers.size())}, at);
    center_.engineers.push_back(std::move(e));
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("cannot read " + path.string());
  return text.str();
}

}  // namespace

LoadedDataset parse_dataset(const DatasetFiles& files, const std::string& label) {
  LoadedDataset out;
  Reader(files, label, out).run();
  out.diagnostics.sort_by_place();
  return out;
}

LoadedDataset read_dataset(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    LoadedDataset out;
    out.diagnostics.error({dir.string()}, "not a dataset folder");
    return out;
  }
  DatasetFiles files;
  for (const auto& name :
       {"center.json", "clients.json", "projects.json", "forecast.json", "engineers.csv"}) {
    const auto path = dir / name;
    if (fs::is_regular_file(path, ec)) files[name] = read_file(path);
  }
  if (fs::is_directory(dir / "calendars", ec)) {
    for (const auto& entry : fs::directory_iterator(dir / "calendars")) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        files["calendars/" + entry.path().filename().string()] = read_file(entry.path());
      }
    }
  }
  auto label = dir.lexically_normal().string();
  while (label.size() > 1 && label.back() == '/') label.pop_back();
  return parse_dataset(files, label);
}

model::Center load_center(const std::filesystem::path& dir) {
  auto loaded = read_dataset(dir);
  if (loaded.diagnostics.has_errors()) throw InputError(std::move(loaded.diagnostics));
  return std::move(loaded.center);
}

}  // namespace rcc::io
