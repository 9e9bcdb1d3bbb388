#include "sim/center_input.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "calendar/business_calendar.h"
#include "calendar/zones.h"
#include "model/dates.h"

namespace rcc::sim {

using model::Date;
using std::chrono::days;

std::vector<ShiftNeed> coverage_needs(const model::Center& center) {
  std::vector<ShiftNeed> out;
  for (int day = 0; day < 7; ++day) {
    for (const auto& c : center.coverage) {
      const auto& type = center.shift_types[c.shift];
      out.push_back({day, c.skill, type.start_minute, type.length_minutes, c.engineers});
    }
  }
  return out;
}

std::vector<RosterShift> simple_roster(const model::Center& center,
                                       const std::vector<ShiftNeed>& needs, Date first_day,
                                       int n_days) {
  std::vector<RosterShift> out;
  const int engineers = static_cast<int>(center.engineers.size());
  std::vector<std::vector<model::EngineerIdx>> by_skill(center.skills.size());
  for (int e = 0; e < engineers; ++e) {
    for (const auto& s : center.engineers[e].skills) by_skill[s.skill].push_back(e);
  }
  std::vector<size_t> next(center.skills.size(), 0);
  std::vector<long> last_end(engineers, -1000000);  // minutes from first_day 00:00
  std::vector<std::vector<bool>> worked(n_days, std::vector<bool>(engineers, false));
  for (int d = 0; d < n_days; ++d) {
    const Date day = first_day + days{d};
    const int weekday = (static_cast<int>(std::chrono::weekday{day}.c_encoding()) + 6) % 7;
    for (const auto& need : needs) {
      if (need.weekday != weekday) continue;
      auto& pool = by_skill[need.skill];
      const long start = d * 1440L + need.start_minute;
      int filled = 0;
      for (size_t tries = 0; tries < pool.size() && filled < need.engineers; ++tries) {
        const auto e = pool[next[need.skill] % pool.size()];
        ++next[need.skill];
        const auto& engineer = center.engineers[e];
        if (worked[d][e] || engineer.on_leave(day)) continue;
        if (start - last_end[e] < center.contracts[engineer.contract].min_rest_minutes) continue;
        int last_week = 0;
        for (int b = std::max(0, d - 6); b < d; ++b) last_week += worked[b][e] ? 1 : 0;
        if (last_week >= 5) continue;
        worked[d][e] = true;
        last_end[e] = start + need.length_minutes;
        out.push_back({e, day, need.start_minute, need.length_minutes});
        ++filled;
      }
    }
  }
  return out;
}

CenterSimulation build_simulation(const model::Center& center, const std::vector<ShiftNeed>& needs,
                                  Date first_day, int weeks, int tickets_per_engineer) {
  first_day = model::first_monday(first_day);
  return build_simulation(center, needs, simple_roster(center, needs, first_day, 7 * weeks),
                          first_day, weeks, tickets_per_engineer);
}

CenterSimulation build_simulation(const model::Center& center, const std::vector<ShiftNeed>& needs,
                                  const std::vector<RosterShift>& roster, Date first_day, int weeks,
                                  int tickets_per_engineer) {
  CenterSimulation sim;
  const auto& center_zone = calendar::zone(center.timezone);
  first_day = model::first_monday(first_day);
  sim.start = calendar::to_utc(calendar::LocalTime{first_day.time_since_epoch()}, center_zone);
  const int n_days = 7 * weeks;
  const double horizon = n_days * 86400.0;
  auto& in = sim.input;
  in.skills = static_cast<int>(center.skills.size());
  for (const auto& s : center.skills) sim.skill_ids.push_back(s.id);

  // Languages: dense ids in order of first appearance.
  std::map<std::string, dispatch::LanguageId> languages;
  const auto language_id = [&](const std::string& code) {
    const auto [it, added] =
        languages.emplace(code, static_cast<dispatch::LanguageId>(languages.size()));
    return it->second;
  };

  const auto seconds_since_start = [&](model::Instant t) {
    return static_cast<double>((t - sim.start).count());
  };
  const model::Instant end = sim.start + std::chrono::seconds{static_cast<long long>(horizon)} +
                             days{60};  // deadlines of late tickets fall after the horizon

  for (const auto& client : center.clients) {
    sim.client_ids.push_back(client.id);
    ClientSla sla;
    const auto business =
        calendar::BusinessCalendar::for_client(client, center.calendars[client.calendar]);
    std::vector<std::pair<double, double>> open;
    for (const auto& [a, b] : business.open_intervals(sim.start, end)) {
      open.emplace_back(seconds_since_start(a), seconds_since_start(b));
    }
    for (int p = 0; p < model::kPriorities; ++p) {
      const auto& target = client.sla[p];
      sla.response_seconds[p] = target.response_minutes * 60.0;
      sla.resolution_seconds[p] = target.resolution_minutes * 60.0;
      if (!target.language.empty()) sla.language[p] = language_id(target.language);
      if (target.clock == model::SlaClock::business_hours) sla.clock[p] = BusinessTimeline(open);
    }
    in.clients.push_back(std::move(sla));
  }

  // Forecast hour-of-week is client local time: map every simulated hour to it through the tz db.
  for (const auto& f : center.forecast) {
    Stream s;
    s.client = f.client;
    s.skill = f.skill;
    s.mean_handle_seconds = f.mean_handle_minutes * 60;
    s.priority_mix = f.priority_mix;
    const auto& zone = calendar::zone(center.clients[f.client].timezone);
    s.arrivals_per_hour.resize(static_cast<size_t>(n_days) * 24);
    for (int h = 0; h < n_days * 24; ++h) {
      const auto local = calendar::to_local(sim.start + std::chrono::hours{h}, zone);
      const auto local_day = std::chrono::floor<days>(local.time_since_epoch());
      const int weekday_from_monday =
          (static_cast<int>(std::chrono::weekday{Date{local_day}}.c_encoding()) + 6) % 7;
      const int hour = static_cast<int>(
          std::chrono::floor<std::chrono::hours>(local.time_since_epoch() - local_day).count());
      s.arrivals_per_hour[h] = f.arrivals_per_hour[weekday_from_monday * 24 + hour];
    }
    in.streams.push_back(std::move(s));
  }

  std::set<std::string> required_languages;
  for (const auto& client : center.clients) {
    for (const auto& target : client.sla) {
      if (!target.language.empty()) required_languages.insert(target.language);
    }
  }

  // Engineers of the roster, with their shifts in simulation seconds.
  std::map<model::EngineerIdx, int> agent_of;
  for (const auto& r : roster) {
    if (r.day < first_day || r.day >= first_day + days{n_days}) continue;
    auto [it, added] = agent_of.emplace(r.engineer, static_cast<int>(in.agents.size()));
    if (added) {
      SimAgent agent;
      const auto& e = center.engineers[r.engineer];
      agent.profile.skills = e.skills;
      // Only languages some ticket can require matter to routing; the others would only cost
      // the dispatcher pools nobody asks for.
      for (const auto& l : e.languages) {
        if (required_languages.contains(l)) agent.profile.languages.push_back(language_id(l));
      }
      agent.profile.capacity = tickets_per_engineer;
      in.agents.push_back(std::move(agent));
    }
    const double begin =
        static_cast<double>((r.day - first_day).count()) * 86400.0 + r.start_minute * 60.0;
    in.agents[it->second].shifts.emplace_back(begin, begin + r.length_minutes * 60.0);
    ++sim.rostered_shifts;
  }
  for (auto& agent : in.agents) std::sort(agent.shifts.begin(), agent.shifts.end());
  // Places short per day and shift (start, length): a shift over-staffed on one day cannot
  // fill a gap on another, so the shortfall is not the difference of two totals.
  std::map<std::tuple<int, int, int>, int> short_of;
  for (int day = 0; day < n_days; ++day) {
    const int weekday =
        (static_cast<int>(std::chrono::weekday{first_day + days{day}}.c_encoding()) + 6) % 7;
    for (const auto& need : needs) {
      if (need.weekday == weekday)
        short_of[{day, need.start_minute, need.length_minutes}] += need.engineers;
    }
  }
  for (const auto& r : roster) {
    if (r.day < first_day || r.day >= first_day + days{n_days}) continue;
    const auto it = short_of.find(
        {static_cast<int>((r.day - first_day).count()), r.start_minute, r.length_minutes});
    if (it != short_of.end()) --it->second;
  }
  sim.unfilled_shifts = 0;
  for (const auto& [slot, places] : short_of) sim.unfilled_shifts += std::max(0, places);
  in.languages = static_cast<int>(languages.size());
  return sim;
}

}  // namespace rcc::sim
