// A tiny, valid center built in code, for tests that need exact numbers.
#pragma once

#include "model/center.h"
#include "model/dates.h"

namespace rcc::testing {

inline model::Date d(const char* iso) {
  return *model::parse_date(iso);
}

inline model::Center tiny_center() {
  using namespace model;
  Center c;
  c.id = "tiny";
  c.name = "Tiny center";
  c.plan_start = d("2027-01-01");
  c.plan_end = d("2027-03-31");
  c.skills = {{"ran.5g", "5G RAN", "ran", {}}, {"core.ims", "IMS", "core", {}}};
  c.skills[1].adjacent = {0};
  c.sites = {{"isb", "Islamabad office", "Islamabad", 10, 200, true, 0},
             {"khi", "Karachi office", "Karachi", 5, 180, true, 0}};
  WeekdaySet weekend;
  weekend.insert(std::chrono::Saturday);
  weekend.insert(std::chrono::Sunday);
  c.contracts = {{"std", "Standard", 1.0, 600, 2880, 660, 6, 4, 8, weekend, 2},
                 {"half", "Part-time", 0.5, 360, 1500, 720, 5, 2, 4, weekend, 1}};
  c.shift_types = {{"M", 360, 540, false}, {"N", 1320, 540, true}};
  c.coverage = {{0, 0, 2}, {1, 1, 1}};
  c.calendars = {{"sa", "SA", {{"Founding Day", d("2027-02-22"), 1, false, {}}}}};
  Client najd;
  najd.id = "najd";
  najd.name = "Najd Telecom";
  najd.country = "SA";
  najd.timezone = "Asia/Riyadh";
  for (int day = 0; day <= 4; ++day) najd.workweek[day] = {8 * 60, 17 * 60};
  najd.languages = {"ar", "en"};
  najd.sla = {{{15, 240, SlaClock::around_the_clock, "ar"},
               {30, 480, SlaClock::around_the_clock, ""},
               {120, 1440, SlaClock::business_hours, ""},
               {480, 4800, SlaClock::business_hours, ""}}};
  c.clients = {najd};
  Project p;
  p.id = "P1";
  p.name = "5G rollout";
  p.client = 0;
  p.start = d("2027-02-01");
  p.end = d("2027-03-31");
  p.roles = {{"R1", 0, 3, 2, 1.0, "", WorkMode::remote, d("2027-02-01"), d("2027-03-31")},
             {"R2", 1, 2, 1, 0.5, "ar", WorkMode::onsite, d("2027-03-01"), d("2027-03-31")}};
  c.projects = {p};
  ForecastSeries f;
  f.client = 0;
  f.skill = 1;
  f.arrivals_per_hour.fill(1.5);
  f.mean_handle_minutes = 40;
  f.priority_mix = {0.1, 0.2, 0.3, 0.4};
  c.forecast = {f};
  c.engineers = {
      {"E1",
       "Ayesha Khan",
       0,
       0,
       d("2020-03-01"),
       {{0, 4}},
       {{"HCIP-5G", d("2028-01-31")}},
       {"en", "ur"},
       {{d("2027-02-01"), d("2027-02-14")}}},
      {"E2", "Bilal Ahmed", 0, 1, d("2022-07-15"), {{0, 3}, {1, 2}}, {}, {"en", "ur", "ar"}, {}},
      {"E3", "Sara Malik", 1, 0, d("2024-01-10"), {{1, 1}}, {}, {"en"}, {}},
  };
  return c;
}

}  // namespace rcc::testing
