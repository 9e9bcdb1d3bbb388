// Checks the roster calendars of `rcc plan --out` against plan.json, independently of rcc:
// every .ics is parsed with libical, each event's local start and end are turned into UTC
// through the VTIMEZONE the file carries, and compared with the roster's shift turned into UTC
// through the system's tz database (the date library). With --previous DIR, also that every
// event published there keeps its UID and that SEQUENCE rises exactly on the events that changed.
//
//   rcc-ics-check PLAN_JSON CENTER_JSON ROSTERS_DIR [--previous OLD_ROSTERS_DIR]
#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

int failures = 0;
void fail(const std::string& what) {
  if (++failures <= 20) std::cerr << "FAIL: " << what << "\n";
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Event {
  std::string engineer;     // from the file name
  long start = 0, end = 0;  // UTC seconds, through the file's VTIMEZONE
  int sequence = 0;
  bool cancelled = false;
  std::string fingerprint;
};

// uid -> event of every .ics in `dir`.
std::map<std::string, Event> read_calendars(const fs::path& dir, const std::string& zone_name) {
  std::map<std::string, Event> events;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".ics") continue;
    const std::string text = read(entry.path());
    icalcomponent* cal = icalparser_parse_string(text.c_str());
    const std::string file = entry.path().filename().string();
    if (cal == nullptr) {
      fail(file + ": libical cannot parse it");
      continue;
    }
    icalcomponent* vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
    if (vtz == nullptr) {
      fail(file + ": no VTIMEZONE");
      icalcomponent_free(cal);
      continue;
    }
    icaltimezone* tz = icaltimezone_new();
    icaltimezone_set_component(tz, icalcomponent_new_clone(vtz));
    if (std::string(icaltimezone_get_tzid(tz)) != zone_name)
      fail(file + ": VTIMEZONE is not " + zone_name);
    for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e != nullptr;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
      const std::string uid = icalcomponent_get_uid(e) ? icalcomponent_get_uid(e) : "";
      auto* dtstart = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
      auto* dtend = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY);
      auto* stamp = icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY);
      if (uid.empty() || dtstart == nullptr || dtend == nullptr || stamp == nullptr) {
        fail(file + ": an event lacks UID, DTSTART, DTEND or DTSTAMP");
        continue;
      }
      for (auto* p : {dtstart, dtend}) {
        auto* tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        if (tzid == nullptr || zone_name != icalparameter_get_tzid(tzid)) {
          fail(file + " " + uid + ": DTSTART/DTEND not in TZID " + zone_name);
        }
      }
      icaltimetype start = icalproperty_get_dtstart(dtstart);
      icaltimetype end = icalproperty_get_dtend(dtend);
      Event ev;
      ev.engineer = entry.path().stem().string();
      start.zone = nullptr;
      end.zone = nullptr;
      ev.start = static_cast<long>(icaltime_as_timet_with_zone(start, tz));
      ev.end = static_cast<long>(icaltime_as_timet_with_zone(end, tz));
      ev.sequence = icalcomponent_get_sequence(e);
      ev.cancelled = icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED;
      const char* summary = icalcomponent_get_summary(e);
      const char* description = icalcomponent_get_description(e);
      ev.fingerprint = std::string(icaltime_as_ical_string(start)) + "|" +
                       icaltime_as_ical_string(end) + "|" + (summary ? summary : "") + "|" +
                       (description ? description : "");
      if (!events.emplace(uid, ev).second) fail(file + ": UID " + uid + " twice");
    }
    icaltimezone_free(tz, 1);
    icalcomponent_free(cal);
  }
  return events;
}

// (engineer, start, end) of every shift of plan.json, through the tz database.
std::multiset<std::tuple<std::string, long, long>> roster_shifts(const Json& plan,
                                                                 const Json& center) {
  const auto* zone = date::locate_zone(center.at("timezone").get<std::string>());
  std::map<std::string, std::pair<int, int>> types;  // id -> (start minute, minutes)
  for (const auto& t : center.at("shift_types")) {
    const auto start = t.at("start").get<std::string>();
    types[t.at("id")] = {std::stoi(start.substr(0, 2)) * 60 + std::stoi(start.substr(3, 2)),
                         t.at("minutes").get<int>()};
  }
  std::multiset<std::tuple<std::string, long, long>> shifts;
  for (const auto& a : plan.at("roster").at("assignments")) {
    std::istringstream in(a.at("date").get<std::string>());
    date::local_days day;
    in >> date::parse("%F", day);
    const auto [start_minute, minutes] = types.at(a.at("shift"));
    const auto start = date::zoned_time(zone, day + std::chrono::minutes(start_minute));
    const long utc =
        std::chrono::duration_cast<std::chrono::seconds>(start.get_sys_time().time_since_epoch())
            .count();
    shifts.insert({a.at("engineer").get<std::string>(), utc, utc + minutes * 60L});
  }
  return shifts;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && !(argc == 6 && std::string(argv[4]) == "--previous")) {
    std::cerr << "usage: rcc-ics-check PLAN_JSON CENTER_JSON ROSTERS_DIR [--previous DIR]\n";
    return 2;
  }
  const Json plan = Json::parse(read(argv[1]));
  const Json center = Json::parse(read(argv[2]));
  const std::string zone = center.at("timezone");
  const auto events = read_calendars(argv[3], zone);
  std::multiset<std::tuple<std::string, long, long>> published;
  int cancelled = 0;
  for (const auto& [uid, e] : events) {
    if (e.cancelled) {
      ++cancelled;
    } else {
      published.insert({e.engineer, e.start, e.end});
    }
  }
  const auto expected = roster_shifts(plan, center);
  if (published != expected) {
    fail("calendars hold " + std::to_string(published.size()) + " shifts, the roster " +
         std::to_string(expected.size()) + ", or their times differ");
    for (const auto& s : expected) {
      if (!published.contains(s)) {
        fail("missing " + std::get<0>(s) + " at " + std::to_string(std::get<1>(s)));
        break;
      }
    }
  }
  int changed = 0;
  if (argc == 6) {
    for (const auto& [uid, before] : read_calendars(argv[5], zone)) {
      const auto now = events.find(uid);
      if (now == events.end()) {
        fail("UID " + uid + " published before is gone");
        continue;
      }
      const bool same = before.fingerprint == now->second.fingerprint &&
                        before.cancelled == now->second.cancelled;
      const int want = before.sequence + (same ? 0 : 1);
      if (now->second.sequence != want) {
        fail("UID " + uid + ": SEQUENCE " + std::to_string(now->second.sequence) + ", expected " +
             std::to_string(want));
      }
      changed += same ? 0 : 1;
    }
    if (changed == 0) fail("the re-published roster changed no event: the check proves nothing");
  }
  std::cout << "{\"events\": " << events.size() << ", \"cancelled\": " << cancelled
            << ", \"changed_since_previous\": " << changed << "}\n";
  return failures == 0 ? 0 : 1;
}
