#include "model/invariants.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "model/dates.h"

namespace rcc::model {
namespace {

class Checker {
 public:
  explicit Checker(std::vector<Problem>& out) : out_(out) {}

  void fail(EntityRef where, std::string field, std::string message) {
    out_.push_back({where, std::move(field), std::move(message)});
  }
  void require(bool ok, EntityRef where, const char* field, const std::string& message) {
    if (!ok) fail(where, field, message);
  }
  void in_range(long long value, long long lo, long long hi, EntityRef where, const char* field) {
    if (value < lo || value > hi) {
      fail(where, field,
           std::to_string(value) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    }
  }

  template <class T>
  void unique_ids(const std::vector<T>& items, EntityKind kind) {
    std::map<std::string, int> first;
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      const auto& id = items[i].id;
      if (id.empty()) {
        fail({kind, i}, "id", "id is empty");
        continue;
      }
      auto [it, inserted] = first.emplace(id, i);
      if (!inserted) fail({kind, i}, "id", "duplicate id \"" + id + "\"");
    }
  }

 private:
  std::vector<Problem>& out_;
};

void check_contracts(const Center& c, Checker& ck) {
  for (int i = 0; i < static_cast<int>(c.contracts.size()); ++i) {
    const auto& k = c.contracts[i];
    const EntityRef at{EntityKind::contract, i};
    ck.require(k.fte > 0 && k.fte <= 1.0, at, "fte", "must be in (0, 1]");
    ck.in_range(k.max_minutes_per_day, 0, kMinutesPerDay, at, "max_minutes_per_day");
    ck.in_range(k.max_minutes_per_week, 0, 7LL * kMinutesPerDay, at, "max_minutes_per_week");
    ck.in_range(k.min_rest_minutes, 0, 3LL * kMinutesPerDay, at, "min_rest_minutes");
    ck.in_range(k.max_consecutive_days, 0, 366, at, "max_consecutive_days");
    ck.in_range(k.max_consecutive_nights, 0, 366, at, "max_consecutive_nights");
    ck.in_range(k.max_nights_per_month, 0, 31, at, "max_nights_per_month");
    ck.in_range(k.max_working_weekends_per_month, 0, 5, at, "max_working_weekends_per_month");
    if (k.max_minutes_per_day > 0 && k.max_minutes_per_week > 0) {
      ck.require(k.max_minutes_per_week >= k.max_minutes_per_day, at, "max_minutes_per_week",
                 "is below max_minutes_per_day");
    }
  }
}

void check_calendars(const Center& c, Checker& ck) {
  for (int i = 0; i < static_cast<int>(c.calendars.size()); ++i) {
    const auto& cal = c.calendars[i];
    for (int h = 0; h < static_cast<int>(cal.holidays.size()); ++h) {
      const auto& hol = cal.holidays[h];
      const EntityRef at{EntityKind::holiday, i, h};
      ck.require(!hol.name.empty(), at, "name", "holiday has no name");
      ck.in_range(hol.days, 1, 31, at, "days");
      ck.require(!hol.confirmed_first || hol.tentative, at, "confirmed_date",
                 "only a tentative holiday can be confirmed on another day");
    }
  }
}

void check_clients(const Center& c, Checker& ck) {
  for (int i = 0; i < static_cast<int>(c.clients.size()); ++i) {
    const auto& cl = c.clients[i];
    const EntityRef at{EntityKind::client, i};
    ck.require(
        cl.country.size() == 2 && std::all_of(cl.country.begin(), cl.country.end(),
                                              [](char ch) { return ch >= 'A' && ch <= 'Z'; }),
        at, "country", "\"" + cl.country + "\" is not an ISO 3166-1 alpha-2 code");
    ck.require(std::any_of(cl.workweek.begin(), cl.workweek.end(),
                           [](const DayHours& d) { return d.is_open(); }),
               at, "workweek", "no business day in the week");
    for (int p = 0; p < kPriorities; ++p) {
      const auto& s = cl.sla[p];
      const std::string field = "sla/P" + std::to_string(p + 1);
      if (s.response_minutes <= 0 || s.resolution_minutes <= 0) {
        ck.fail(at, field, "response and resolution targets must be positive minutes");
      } else if (s.resolution_minutes < s.response_minutes) {
        ck.fail(at, field, "resolution target is shorter than the response target");
      }
    }
  }
}

void check_projects(const Center& c, Checker& ck) {
  for (int i = 0; i < static_cast<int>(c.projects.size()); ++i) {
    const auto& p = c.projects[i];
    const EntityRef at{EntityKind::project, i};
    ck.require(p.end >= p.start, at, "end",
               "project ends (" + format_date(p.end) + ") before it starts (" +
                   format_date(p.start) + ")");
    ck.require(!p.roles.empty(), at, "roles", "project has no roles");
    std::set<std::string> role_ids;
    for (int r = 0; r < static_cast<int>(p.roles.size()); ++r) {
      const auto& role = p.roles[r];
      const EntityRef rat{EntityKind::role, i, r};
      ck.require(role_ids.insert(role.id).second, rat, "id",
                 "duplicate role id \"" + role.id + "\"");
      ck.in_range(role.min_level, kMinLevel, kMaxLevel, rat, "min_level");
      ck.in_range(role.headcount, 1, 10000, rat, "headcount");
      ck.require(role.fte > 0 && role.fte <= 1.0, rat, "fte", "must be in (0, 1]");
      if (role.end < role.start) {
        ck.fail(rat, "end", "role ends before it starts");
      } else if (role.start < p.start || role.end > p.end) {
        ck.fail(rat, "start", "role period lies outside the project period");
      }
    }
  }
}

void check_forecast(const Center& c, Checker& ck) {
  std::set<std::pair<ClientIdx, SkillIdx>> seen;
  std::set<SkillIdx> held;
  for (const auto& e : c.engineers) {
    for (const auto& s : e.skills) held.insert(s.skill);
  }
  for (int i = 0; i < static_cast<int>(c.forecast.size()); ++i) {
    const auto& f = c.forecast[i];
    const EntityRef at{EntityKind::forecast, i};
    ck.require(
        held.contains(f.skill), at, "skill",
        "no engineer has skill \"" + c.skills[f.skill].id + "\": nobody could take these tickets");
    ck.require(seen.emplace(f.client, f.skill).second, at, "skill",
               "second series for the same client and skill");
    ck.require(f.mean_handle_minutes > 0, at, "mean_handle_minutes", "must be positive");
    for (int h = 0; h < kHoursPerWeek; ++h) {
      if (!(f.arrivals_per_hour[h] >= 0) || !std::isfinite(f.arrivals_per_hour[h])) {
        ck.fail(at, "arrivals_per_hour/" + std::to_string(h), "must be a finite rate >= 0");
      }
    }
    double mix = 0;
    for (double share : f.priority_mix) {
      ck.require(share >= 0, at, "priority_mix", "shares must be >= 0");
      mix += share;
    }
    ck.require(std::abs(mix - 1.0) < 1e-6, at, "priority_mix", "shares must sum to 1");
  }
}

void check_engineers(const Center& c, Checker& ck) {
  for (int i = 0; i < static_cast<int>(c.engineers.size()); ++i) {
    const auto& e = c.engineers[i];
    const EntityRef at{EntityKind::engineer, i};
    ck.require(!e.name.empty(), at, "name", "name is empty");
    ck.require(!e.skills.empty(), at, "skills", "engineer has no skill");
    std::set<SkillIdx> skills;
    for (const auto& s : e.skills) {
      ck.in_range(s.level, kMinLevel, kMaxLevel, at, "skills");
      ck.require(skills.insert(s.skill).second, at, "skills",
                 "skill \"" + c.skills[s.skill].id + "\" listed twice");
    }
    ck.require(!e.languages.empty(), at, "languages", "engineer speaks no language");
    for (const auto& l : e.leave) {
      ck.require(l.first <= l.last, at, "leave",
                 "leave ends (" + format_date(l.last) + ") before it starts (" +
                     format_date(l.first) + ")");
    }
    for (size_t a = 0; a < e.leave.size(); ++a) {
      for (size_t b = a + 1; b < e.leave.size(); ++b) {
        if (e.leave[a].first <= e.leave[b].last && e.leave[b].first <= e.leave[a].last) {
          ck.fail(at, "leave",
                  "leave periods starting " + format_date(e.leave[a].first) + " and " +
                      format_date(e.leave[b].first) + " overlap");
        }
      }
    }
  }
}

}  // namespace

std::vector<Problem> check_invariants(const Center& c) {
  std::vector<Problem> out;
  Checker ck(out);
  ck.require(c.plan_end >= c.plan_start, {EntityKind::center}, "plan_end",
             "planning horizon ends before it starts");
  ck.unique_ids(c.skills, EntityKind::skill);
  ck.unique_ids(c.sites, EntityKind::site);
  ck.unique_ids(c.contracts, EntityKind::contract);
  ck.unique_ids(c.shift_types, EntityKind::shift_type);
  ck.unique_ids(c.calendars, EntityKind::calendar);
  ck.unique_ids(c.clients, EntityKind::client);
  ck.unique_ids(c.projects, EntityKind::project);
  ck.unique_ids(c.engineers, EntityKind::engineer);

  for (int i = 0; i < static_cast<int>(c.sites.size()); ++i) {
    ck.in_range(c.sites[i].seats, 0, 1000000, {EntityKind::site, i}, "seats");
    ck.require(c.sites[i].cost_per_seat_month >= 0, {EntityKind::site, i}, "cost_per_seat_month",
               "must be >= 0");
  }
  for (int i = 0; i < static_cast<int>(c.shift_types.size()); ++i) {
    const auto& s = c.shift_types[i];
    ck.in_range(s.start_minute, 0, kMinutesPerDay - 1, {EntityKind::shift_type, i}, "start");
    ck.in_range(s.length_minutes, 1, kMinutesPerDay, {EntityKind::shift_type, i}, "minutes");
  }
  std::set<std::pair<SkillIdx, ShiftTypeIdx>> covered;
  for (int i = 0; i < static_cast<int>(c.coverage.size()); ++i) {
    const auto& r = c.coverage[i];
    ck.in_range(r.engineers, 0, 100000, {EntityKind::coverage, i}, "engineers");
    ck.require(covered.emplace(r.skill, r.shift).second, {EntityKind::coverage, i}, "shift",
               "second requirement for the same skill and shift");
  }
  check_contracts(c, ck);
  check_calendars(c, ck);
  check_clients(c, ck);
  check_projects(c, ck);
  check_forecast(c, ck);
  check_engineers(c, ck);
  return out;
}

}  // namespace rcc::model
