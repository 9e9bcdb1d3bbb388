// Writing a dataset: model::Center -> canonical files. Same center, same bytes, so that
// generate is deterministic and import -> export -> import round-trips exactly.
#include <fstream>

#include "io/codes.h"
#include "io/csv.h"
#include "io/dataset.h"
#include "io/json_cursor.h"
#include "model/dates.h"

namespace rcc::io {
namespace {

using model::format_date;

std::string join(const std::vector<std::string>& items, char sep = ';') {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

Json center_json(const model::Center& c) {
  Json root;
  root["id"] = c.id;
  root["name"] = c.name;
  root["timezone"] = c.timezone;
  root["plan_start"] = format_date(c.plan_start);
  root["plan_end"] = format_date(c.plan_end);
  root["skills"] = Json::array();
  for (const auto& s : c.skills) {
    Json j{{"id", s.id}, {"name", s.name}};
    if (!s.adjacent.empty()) {
      j["adjacent"] = Json::array();
      for (auto a : s.adjacent) j["adjacent"].push_back(c.skills[a].id);
    }
    root["skills"].push_back(std::move(j));
  }
  root["sites"] = Json::array();
  for (const auto& s : c.sites) {
    Json site{{"id", s.id},
              {"name", s.name},
              {"city", s.city},
              {"seats", s.seats},
              {"cost_per_seat_month", s.cost_per_seat_month},
              {"open", s.open},
              {"opening_cost", s.opening_cost}};
    if (!s.talent.empty()) {
      site["talent"] = Json::array();
      for (const auto& t : s.talent) {
        site["talent"].push_back({{"skill", c.skills[t.skill].id}, {"hires", t.hires}});
      }
    }
    root["sites"].push_back(std::move(site));
  }
  root["contracts"] = Json::array();
  for (const auto& k : c.contracts) {
    Json weekend = Json::array();
    for (int d = 0; d < 7; ++d) {
      if (k.weekend.contains(std::chrono::weekday{static_cast<unsigned>(d)})) {
        weekend.push_back(kWeekdayCodes[d]);
      }
    }
    root["contracts"].push_back(
        {{"id", k.id},
         {"name", k.name},
         {"fte", k.fte},
         {"max_minutes_per_day", k.max_minutes_per_day},
         {"max_minutes_per_week", k.max_minutes_per_week},
         {"min_rest_minutes", k.min_rest_minutes},
         {"max_consecutive_days", k.max_consecutive_days},
         {"max_consecutive_nights", k.max_consecutive_nights},
         {"max_nights_per_month", k.max_nights_per_month},
         {"weekend", weekend},
         {"max_working_weekends_per_month", k.max_working_weekends_per_month}});
  }
  root["shift_types"] = Json::array();
  for (const auto& s : c.shift_types) {
    root["shift_types"].push_back({{"id", s.id},
                                   {"start", model::format_clock(s.start_minute)},
                                   {"minutes", s.length_minutes},
                                   {"night", s.night}});
  }
  root["coverage"] = Json::array();
  for (const auto& r : c.coverage) {
    root["coverage"].push_back({{"skill", c.skills[r.skill].id},
                                {"shift", c.shift_types[r.shift].id},
                                {"engineers", r.engineers}});
  }
  return root;
}

Json calendar_json(const model::HolidayCalendar& cal) {
  Json root{{"country", cal.country}, {"holidays", Json::array()}};
  for (const auto& h : cal.holidays) {
    Json j{{"name", h.name}, {"date", format_date(h.first)}, {"days", h.days}};
    if (h.tentative) j["tentative"] = true;
    if (h.confirmed_first) j["confirmed_date"] = format_date(*h.confirmed_first);
    root["holidays"].push_back(std::move(j));
  }
  return root;
}

Json clients_json(const model::Center& c) {
  Json list = Json::array();
  for (const auto& cl : c.clients) {
    Json week = Json::object();
    for (int d = 0; d < 7; ++d) {
      const auto& h = cl.workweek[d];
      if (h.is_open()) {
        week[std::string(kWeekdayCodes[d])] =
            model::format_clock(h.open_minute) + "-" + model::format_clock(h.close_minute);
      }
    }
    Json sla = Json::object();
    for (int p = 0; p < model::kPriorities; ++p) {
      const auto& t = cl.sla[p];
      Json j{{"response_minutes", t.response_minutes},
             {"resolution_minutes", t.resolution_minutes},
             {"clock", sla_clock_code(t.clock)}};
      if (!t.language.empty()) j["language"] = t.language;
      sla[std::string(model::kPriorityCodes[p])] = std::move(j);
    }
    list.push_back({{"id", cl.id},
                    {"name", cl.name},
                    {"country", cl.country},
                    {"timezone", cl.timezone},
                    {"calendar", c.calendars[cl.calendar].id},
                    {"languages", cl.languages},
                    {"workweek", week},
                    {"sla", sla}});
  }
  return Json{{"clients", list}};
}

Json projects_json(const model::Center& c) {
  Json list = Json::array();
  for (const auto& p : c.projects) {
    Json roles = Json::array();
    for (const auto& r : p.roles) {
      Json j{{"id", r.id},
             {"skill", c.skills[r.skill].id},
             {"min_level", r.min_level},
             {"headcount", r.headcount},
             {"fte", r.fte}};
      if (!r.language.empty()) j["language"] = r.language;
      j["mode"] = work_mode_code(r.mode);
      if (!r.city.empty()) j["city"] = r.city;
      if (!r.certificate.empty()) j["certificate"] = r.certificate;
      if (r.start != p.start) j["start"] = format_date(r.start);
      if (r.end != p.end) j["end"] = format_date(r.end);
      roles.push_back(std::move(j));
    }
    list.push_back({{"id", p.id},
                    {"name", p.name},
                    {"client", c.clients[p.client].id},
                    {"start", format_date(p.start)},
                    {"end", format_date(p.end)},
                    {"roles", roles}});
  }
  return Json{{"projects", list}};
}

Json forecast_json(const model::Center& c) {
  Json list = Json::array();
  for (const auto& f : c.forecast) {
    list.push_back({{"client", c.clients[f.client].id},
                    {"skill", c.skills[f.skill].id},
                    {"mean_handle_minutes", f.mean_handle_minutes},
                    {"priority_mix", f.priority_mix},
                    {"arrivals_per_hour", f.arrivals_per_hour}});
  }
  return Json{{"series", list}};
}

std::string engineers_csv(const model::Center& c) {
  std::string out;
  out.reserve(c.engineers.size() * 160);
  append_csv_row(out, {"id", "name", "site", "contract", "hired", "skills", "certifications",
                       "languages", "leave"});
  std::vector<std::string> items;
  std::vector<std::string> row(9);
  for (const auto& e : c.engineers) {
    row[0] = e.id;
    row[1] = e.name;
    row[2] = c.sites[e.site].id;
    row[3] = c.contracts[e.contract].id;
    row[4] = format_date(e.hired);
    items.clear();
    for (const auto& s : e.skills)
      items.push_back(c.skills[s.skill].id + ":" + std::to_string(s.level));
    row[5] = join(items);
    items.clear();
    for (const auto& cert : e.certifications)
      items.push_back(cert.name + ":" + format_date(cert.expires));
    row[6] = join(items);
    row[7] = join(e.languages);
    items.clear();
    for (const auto& l : e.leave) {
      items.push_back(l.first == l.last ? format_date(l.first)
                                        : format_date(l.first) + ".." + format_date(l.last));
    }
    row[8] = join(items);
    append_csv_row(out, row);
  }
  return out;
}

}  // namespace

DatasetFiles write_dataset(const model::Center& center) {
  DatasetFiles files;
  files["center.json"] = to_pretty_json(center_json(center));
  files["clients.json"] = to_pretty_json(clients_json(center));
  files["projects.json"] = to_pretty_json(projects_json(center));
  files["forecast.json"] = to_pretty_json(forecast_json(center));
  for (const auto& cal : center.calendars) {
    files["calendars/" + cal.id + ".json"] = to_pretty_json(calendar_json(cal));
  }
  files["engineers.csv"] = engineers_csv(center);
  return files;
}

void save_dataset(const DatasetFiles& files, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<std::pair<fs::path, fs::path>> staged;  // temporary -> final
  try {
    for (const auto& [name, text] : files) {
      const fs::path target = dir / name;
      fs::create_directories(target.parent_path());
      fs::path temp = target;
      temp += ".tmp";
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      out.close();
      staged.emplace_back(temp, target);
      if (!out) throw std::runtime_error("cannot write " + temp.string());
    }
  } catch (...) {
    std::error_code ignored;
    for (const auto& [temp, target] : staged) fs::remove(temp, ignored);
    throw;
  }
  for (const auto& [temp, target] : staged) fs::rename(temp, target);
}

}  // namespace rcc::io
