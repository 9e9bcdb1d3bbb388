// The domain model of a competence center: plain structs, no I/O, no behaviour beyond lookups.
// A Center is what a dataset folder describes; every engine reads from it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.h"

namespace rcc::model {

struct Skill {
  std::string id;      // taxonomy path, e.g. "ran.5g"
  std::string name;    // "5G RAN optimisation"
  std::string family;  // first segment of the id: "ran"
  // Skills from which an engineer can be retrained to this one (used by upskilling).
  std::vector<SkillIdx> adjacent;
};

// Hires of one skill the local market around a site can supply over the plan period.
struct TalentSupply {
  SkillIdx skill = 0;
  int hires = 0;
};

struct Site {
  std::string id;
  std::string name;
  std::string city;  // Islamabad, Lahore, Karachi, ...
  int seats = 0;
  double cost_per_seat_month = 0;  // USD
  bool open = true;                // false: a candidate site, not yet opened
  double opening_cost = 0;         // USD, for candidate sites
  // Local talent supply of the skills listed; a skill not listed is not limited.
  std::vector<TalentSupply> talent;
};

// Labour rules as data. Minutes everywhere; 0 in a limit means "no limit".
struct Contract {
  std::string id;
  std::string name;
  double fte = 1.0;
  int max_minutes_per_day = 0;
  int max_minutes_per_week = 0;
  int min_rest_minutes = 0;
  int max_consecutive_days = 0;
  int max_consecutive_nights = 0;
  int max_nights_per_month = 0;
  WeekdaySet weekend;  // the contract's weekend days (Pakistan: Sat, Sun)
  int max_working_weekends_per_month = 0;
};

struct ShiftType {
  std::string id;
  int start_minute = 0;  // minutes after local midnight, center time zone
  int length_minutes = 0;
  bool night = false;
};

struct Certification {
  std::string name;  // "HCIP-5G", "CCNP-Enterprise"
  Date expires;
};

struct SkillLevel {
  SkillIdx skill = 0;
  int level = 0;  // 1 (trainee) .. 5 (expert)
};

struct Leave {
  Date first;  // inclusive
  Date last;   // inclusive
};

struct Engineer {
  std::string id;
  std::string name;
  SiteIdx site = 0;
  ContractIdx contract = 0;
  Date hired;
  std::vector<SkillLevel> skills;
  std::vector<Certification> certifications;
  std::vector<std::string> languages;  // ISO 639-1 codes: "en", "ur", "ar"
  std::vector<Leave> leave;

  // Level in `skill`, or 0 when the engineer does not have it.
  int level(SkillIdx skill) const;
  bool speaks(const std::string& language) const;
  bool on_leave(Date day) const;
};

struct Holiday {
  std::string name;
  Date first;
  int days = 1;
  // Moon-sighted holidays (Eid) are announced late: planned on `first`, and `confirmed_first`
  // replaces it once the authority confirms a different day.
  bool tentative = false;
  std::optional<Date> confirmed_first;

  Date effective_first() const { return confirmed_first.value_or(first); }
};

struct HolidayCalendar {
  std::string id;
  std::string country;  // ISO 3166-1 alpha-2
  std::vector<Holiday> holidays;
};

// Business hours of one weekday in local time: [open, close). open == close: closed all day.
struct DayHours {
  int open_minute = 0;
  int close_minute = 0;
  bool is_open() const { return close_minute > open_minute; }
};

// Indexed by std::chrono::weekday::c_encoding() (0 = Sunday).
using Workweek = std::array<DayHours, 7>;

enum class Priority { p1, p2, p3, p4 };
constexpr int kPriorities = 4;
// How files, the API and reports write a priority.
inline constexpr std::array<std::string_view, kPriorities> kPriorityCodes = {"P1", "P2", "P3",
                                                                             "P4"};
inline std::string_view priority_code(Priority priority) {
  return kPriorityCodes.at(static_cast<std::size_t>(priority));
}
std::optional<Priority> priority_from_code(std::string_view code);

enum class SlaClock { around_the_clock, business_hours };

struct SlaTarget {
  int response_minutes = 0;
  int resolution_minutes = 0;
  SlaClock clock = SlaClock::business_hours;
  std::string language;  // required language for this priority, empty for any
};

struct Client {
  std::string id;
  std::string name;
  std::string country;   // ISO 3166-1 alpha-2
  std::string timezone;  // IANA name, e.g. "Asia/Riyadh"
  Workweek workweek{};
  CalendarIdx calendar = 0;
  std::vector<std::string> languages;
  std::array<SlaTarget, kPriorities> sla{};  // indexed by Priority
};

enum class WorkMode { remote, onsite };

struct Role {
  std::string id;
  SkillIdx skill = 0;
  int min_level = 1;
  int headcount = 1;
  double fte = 1.0;      // per head
  std::string language;  // required language, empty for any
  WorkMode mode = WorkMode::remote;
  Date start;  // inclusive
  Date end;    // inclusive
  // The city the engineer should work from (an onsite role's travel hub, a client team's
  // office); empty for any.
  std::string city;
  // A certification the engineer must hold (by name, e.g. "HCIP-5G"), valid through the role's
  // period; empty for none.
  std::string certificate;
};

struct Project {
  std::string id;
  std::string name;
  ClientIdx client = 0;
  Date start;
  Date end;
  std::vector<Role> roles;
};

// Tickets expected for one client and skill, per hour of the week in the client's local time.
// Hour 0 is Monday 00:00-01:00; hour 167 is Sunday 23:00-24:00.
struct ForecastSeries {
  ClientIdx client = 0;
  SkillIdx skill = 0;
  std::array<double, kHoursPerWeek> arrivals_per_hour{};
  double mean_handle_minutes = 0;
  std::array<double, kPriorities> priority_mix{};  // shares of P1..P4, summing to 1
};

// Support cover the center staffs every day until the forecast stage derives it.
struct CoverageRequirement {
  SkillIdx skill = 0;
  ShiftTypeIdx shift = 0;
  int engineers = 0;
};

struct Center {
  std::string id;
  std::string name;
  std::string timezone = "Asia/Karachi";
  Date plan_start;
  Date plan_end;
  std::vector<Skill> skills;
  std::vector<Site> sites;
  std::vector<Contract> contracts;
  std::vector<ShiftType> shift_types;
  std::vector<CoverageRequirement> coverage;
  std::vector<HolidayCalendar> calendars;
  std::vector<Client> clients;
  std::vector<Project> projects;
  std::vector<ForecastSeries> forecast;
  std::vector<Engineer> engineers;

  std::optional<SkillIdx> find_skill(std::string_view id) const;
  std::optional<ClientIdx> find_client(std::string_view id) const;
};

}  // namespace rcc::model
