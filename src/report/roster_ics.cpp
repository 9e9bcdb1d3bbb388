#include "report/roster_ics.h"

#include <libical/ical.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <set>
#include <stdexcept>

#include "calendar/zones.h"
#include "model/dates.h"

namespace rcc::report {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

std::string text_of(const char* text) {
  return text == nullptr ? std::string() : text;
}

// The local wall-clock time of `instant` in `tz` as an icaltimetype in `ical_zone`.
icaltimetype ical_local(model::Instant instant, const date::time_zone& tz,
                        const icaltimezone* ical_zone) {
  const auto local = calendar::to_local(instant, tz);
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  t.hour = static_cast<int>(clock.hours().count());
  t.minute = static_cast<int>(clock.minutes().count());
  t.second = static_cast<int>(clock.seconds().count());
  t.is_date = 0;
  return icaltime_set_timezone(&t, ical_zone);
}

// "20270104T060000", as DTSTART and DTEND carry it beside their TZID.
std::string ical_text(const icaltimetype& t) {
  return text_of(icaltime_as_ical_string(t));
}

icalproperty* zoned_time(icalproperty* property, const char* tzid) {
  icalproperty_remove_parameter_by_kind(property, ICAL_TZID_PARAMETER);
  icalproperty_add_parameter(property, icalparameter_new_tzid(tzid));
  return property;
}

// "Mon 04 Jan 06:00-15:00" in `tz`, or "... 22:00-Tue 07:00" across midnight.
std::string local_span(model::Instant start, model::Instant end, const date::time_zone& tz) {
  const auto from = calendar::to_local(start, tz);
  const auto to = calendar::to_local(end, tz);
  std::string text = date::format("%a %d %b %H:%M", from);
  const bool same_day = date::floor<date::days>(from) == date::floor<date::days>(to);
  return text + "-" + (same_day ? date::format("%H:%M", to) : date::format("%a %H:%M", to));
}

// The clients whose tickets need `skill`, in the order of the center's clients.
std::vector<model::ClientIdx> clients_served(const model::Center& center, model::SkillIdx skill) {
  std::set<model::ClientIdx> served;
  for (const auto& series : center.forecast) {
    if (series.skill == skill) served.insert(series.client);
  }
  return {served.begin(), served.end()};
}

struct ShiftEvent {
  std::string uid;
  icaltimetype start;
  icaltimetype end;
  std::string summary;
  std::string description;
};

ShiftEvent shift_event(const model::Center& center, const model::PublishedShift& shift, int nth,
                       const date::time_zone& tz, const icaltimezone* ical_zone) {
  const auto& type = center.shift_types[shift.shift];
  const auto& skill = center.skills[shift.skill];
  const auto start = calendar::to_utc(
      date::local_days{shift.day.time_since_epoch()} + std::chrono::minutes(type.start_minute), tz);
  const auto end = start + std::chrono::minutes(type.length_minutes);
  ShiftEvent e;
  e.uid = shift_uid(center, shift.engineer, shift.day, nth);
  e.start = ical_local(start, tz, ical_zone);
  e.end = ical_local(end, tz, ical_zone);
  e.summary = (type.night ? "Night shift " : "Shift ") + type.id + ", " + skill.name;
  e.description = "Skill: " + skill.id + " (" + skill.name + ")\nCenter time (" + center.timezone +
                  "): " + local_span(start, end, tz);
  const auto served = clients_served(center, shift.skill);
  if (!served.empty()) e.description += "\nClients' local time:";
  for (const auto c : served) {
    const auto& client = center.clients[c];
    const auto* client_zone = calendar::find_zone(client.timezone);
    if (client_zone == nullptr) continue;
    e.description += "\n  " + client.name + " (" + client.timezone +
                     "): " + local_span(start, end, *client_zone);
  }
  return e;
}

icalcomponent* vevent(const ShiftEvent& e, const char* tzid, int sequence, bool cancelled,
                      model::Instant stamp) {
  icalcomponent* event = icalcomponent_new_vevent();
  icalcomponent_add_property(event, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(
      event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
                 stamp.time_since_epoch().count(), 0, icaltimezone_get_utc_timezone())));
  icalcomponent_add_property(event, zoned_time(icalproperty_new_dtstart(e.start), tzid));
  icalcomponent_add_property(event, zoned_time(icalproperty_new_dtend(e.end), tzid));
  icalcomponent_add_property(event, icalproperty_new_sequence(sequence));
  icalcomponent_add_property(event, icalproperty_new_summary(e.summary.c_str()));
  icalcomponent_add_property(event, icalproperty_new_description(e.description.c_str()));
  icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  icalcomponent_add_property(
      event, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  return event;
}

const icaltimezone& ical_zone_named(const std::string& name) {
  const icaltimezone* zone = icaltimezone_get_builtin_timezone(name.c_str());
  if (zone == nullptr) throw std::invalid_argument("libical knows no time zone " + name);
  return *zone;
}

// The zone's VTIMEZONE under its IANA name: libical's own TZIDs carry a vendor prefix that
// calendar apps show to people.
icalcomponent* vtimezone(const icaltimezone& zone, const char* tzid) {
  icalcomponent* component =
      icalcomponent_new_clone(icaltimezone_get_component(const_cast<icaltimezone*>(&zone)));
  icalproperty* id = icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY);
  if (id != nullptr) icalproperty_set_tzid(id, tzid);
  return component;
}

bool same_event(const ShiftEvent& e, const PublishedEvent& before) {
  return !before.cancelled && ical_text(e.start) == before.start &&
         ical_text(e.end) == before.end && e.summary == before.summary &&
         e.description == before.description;
}

// A cancelled event as it was published, in the zone it was published in.
ShiftEvent gone_event(const std::string& uid, const PublishedEvent& before,
                      const icaltimezone* ical_zone) {
  ShiftEvent e{uid, icaltime_from_string(before.start.c_str()),
               icaltime_from_string(before.end.c_str()), before.summary, before.description};
  e.start = icaltime_set_timezone(&e.start, ical_zone);
  e.end = icaltime_set_timezone(&e.end, ical_zone);
  return e;
}

}  // namespace

std::string shift_uid(const model::Center& center, model::EngineerIdx engineer, model::Date day,
                      int nth) {
  std::string date = model::format_date(day);
  std::erase(date, '-');
  if (nth > 0) date += "-" + std::to_string(nth + 1);
  return center.id + "." + center.engineers[engineer].id + "." + date + "@rcc";
}

std::string calendar_file_name(std::string_view engineer_id) {
  std::string name(engineer_id);
  for (auto& c : name) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    if (!plain && c != '.') c = '_';
  }
  if (name.empty() || name.front() == '.') name.insert(0, "_");
  return name + ".ics";
}

PublishedEvents read_published_events(std::string_view ics) {
  const std::string text(ics);
  Component calendar(icalparser_parse_string(text.c_str()));
  if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
    throw std::invalid_argument("not an iCalendar file (no VCALENDAR)");
  }
  PublishedEvents events;
  for (auto* e = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
       e != nullptr; e = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
    const std::string uid = text_of(icalcomponent_get_uid(e));
    if (uid.empty()) continue;
    PublishedEvent p;
    p.sequence = icalcomponent_get_sequence(e);
    p.cancelled = icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED;
    p.start = ical_text(icalcomponent_get_dtstart(e));
    p.end = ical_text(icalcomponent_get_dtend(e));
    p.summary = text_of(icalcomponent_get_summary(e));
    p.description = text_of(icalcomponent_get_description(e));
    events[uid] = std::move(p);
  }
  return events;
}

std::string roster_calendar(const model::Center& center, model::EngineerIdx engineer,
                            const std::vector<model::PublishedShift>& shifts,
                            const PublishedEvents& previous, model::Instant stamp) {
  const auto& tz = calendar::zone(center.timezone);
  const auto& ical_zone = ical_zone_named(center.timezone);
  const char* tzid = center.timezone.c_str();
  const auto& person = center.engineers[engineer];

  Component calendar(icalcomponent_new_vcalendar());
  auto* cal = calendar.get();
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//rcc//roster//EN"));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  const std::string name = "Roster " + person.name + " (" + center.name + ")";
  auto* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(cal, calname);
  icalcomponent_add_component(cal, vtimezone(ical_zone, tzid));

  std::set<std::string> published;
  std::map<model::Date, int> shifts_on_day;
  for (const auto& s : shifts) {
    if (s.engineer != engineer) continue;
    const auto e = shift_event(center, s, shifts_on_day[s.day]++, tz, &ical_zone);
    published.insert(e.uid);
    const auto before = previous.find(e.uid);
    int sequence = 0;
    if (before != previous.end()) {
      sequence = before->second.sequence + (same_event(e, before->second) ? 0 : 1);
    }
    icalcomponent_add_component(cal, vevent(e, tzid, sequence, false, stamp));
  }
  for (const auto& [uid, before] : previous) {
    if (published.contains(uid)) continue;
    const int sequence = before.sequence + (before.cancelled ? 0 : 1);
    icalcomponent_add_component(
        cal, vevent(gone_event(uid, before, &ical_zone), tzid, sequence, true, stamp));
  }
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out = text_of(text);
  std::free(text);  // NOLINT(cppcoreguidelines-no-malloc): libical allocates with malloc
  return out;
}

}  // namespace rcc::report
