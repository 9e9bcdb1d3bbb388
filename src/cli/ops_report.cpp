#include "cli/ops_report.h"

#include <algorithm>
#include <map>

#include "cli/table.h"
#include "io/codes.h"
#include "model/dates.h"
#include "report/labels.h"

namespace rcc::cli {
namespace {

std::string percent(double x) {
  return fixed(100 * x) + "%";
}
std::string minutes(double seconds) {
  return fixed(seconds / 60.0);
}

}  // namespace

std::string demand_text(const model::Center& center,
                        const std::vector<forecast::SkillHourlyNeed>& needs) {
  std::vector<std::string> header = {"skill", "tickets/wk", "peak need", "eng-h need",
                                     "eng-h rostered"};
  TextTable t(header);
  for (const auto& n : needs) {
    double tickets = 0;
    int need_hours = 0, covered_hours = 0, peak = 0;
    for (int h = 0; h < model::kHoursPerWeek; ++h) {
      tickets += n.arrivals[h];
      need_hours += n.engineers[h];
      covered_hours += n.covered[h];
      peak = std::max(peak, n.engineers[h]);
    }
    t.add_row({center.skills[n.skill].id, fixed(tickets, 0), std::to_string(peak),
               std::to_string(need_hours), std::to_string(covered_hours)});
  }
  std::string out =
      "Engineers needed on shift per hour (Erlang C on the forecast, Pakistan time, after "
      "shrinkage)\n" +
      t.render();

  // Monday profile: needed / rostered, every hour.
  std::vector<std::string> hours = {"skill (Mon)"};
  for (int h = 0; h < 24; h += 2) hours.push_back(std::to_string(h));
  TextTable profile(hours);
  for (const auto& n : needs) {
    std::vector<std::string> row = {center.skills[n.skill].id};
    for (int h = 0; h < 24; h += 2) {
      row.push_back(std::to_string(n.engineers[h]) + "/" + std::to_string(n.covered[h]));
    }
    profile.add_row(row);
  }
  out += "\nNeeded/rostered on Monday, every second hour (Pakistan time)\n" + profile.render();

  const auto gaps = forecast::shortfalls(needs);
  if (gaps.empty()) {
    out += "\nThe support coverage meets the forecast in every hour.\n";
  } else {
    std::vector<forecast::Shortfall> worst = gaps;
    std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) {
      return a.worst_gap * a.hours > b.worst_gap * b.hours;
    });
    out += "\nShort of engineers (" + std::to_string(gaps.size()) + " periods; the largest):\n";
    for (size_t i = 0; i < std::min<size_t>(10, worst.size()); ++i) {
      const auto& g = worst[i];
      out += "  " + center.skills[g.skill].id + ": from " + report::hour_label(g.first_hour) +
             " for " + std::to_string(g.hours) + " h, up to " + std::to_string(g.worst_gap) +
             " engineers short\n";
    }
  }
  return out;
}

namespace {
std::string shift_label(int start_minute, int length_minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:00 +%dh", start_minute / 60, length_minutes / 60);
  return buf;
}
}  // namespace

std::string design_text(const model::Center& center, const plan::CoverageDesign& plan) {
  TextTable summary({"skill", "engineer-hours", "bound", "status", "vs rostered"});
  TextTable shifts({"skill", "shift (PKT)", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"});
  for (const auto& [skill, design] : plan.designs) {
    int rostered = 0;
    for (const auto& n : plan.needs) {
      if (n.skill != skill) continue;
      for (int h = 0; h < model::kHoursPerWeek; ++h) rostered += n.covered[h];
    }
    summary.add_row({center.skills[skill].id, std::to_string(design.engineer_minutes / 60),
                     fixed(design.lower_bound_minutes / 60.0, 0),
                     std::string(lp::status_name(design.status)), std::to_string(rostered)});
    std::map<std::pair<int, int>, std::array<int, 7>> by_shift;
    for (const auto& s : design.shifts) {
      by_shift[{s.start_minute, s.length_minutes}][s.day] += s.engineers;
    }
    for (const auto& [key, per_day] : by_shift) {
      std::vector<std::string> row = {center.skills[skill].id, shift_label(key.first, key.second)};
      for (int d : per_day) row.push_back(d == 0 ? "" : std::to_string(d));
      shifts.add_row(row);
    }
  }
  return "Shift design (set-covering MIP, CBC): fewest engineer-hours covering every hour\n" +
         summary.render() + "\nEngineers per shift and weekday\n" + shifts.render();
}

std::string simulation_text(const sim::CenterSimulation& setup, const sim::SimResult& r) {
  TextTable t({"client", "prio", "tickets", "in SLA", "abandoned", "escalated", "wait p50", "p90",
               "p99 (min)", "late: no skill", "no capacity"});
  TextTable res({"client", "prio", "resolved", "in SLA", "on client", "late: no skill",
                 "no capacity", "waiting on client", "work"});
  for (size_t c = 0; c < r.by_client.size(); ++c) {
    for (int p = 0; p < model::kPriorities; ++p) {
      const auto& s = r.by_client[c][p];
      if (s.tickets == 0) continue;
      t.add_row({setup.client_ids[c], std::string(model::kPriorityCodes[p]),
                 std::to_string(s.tickets), percent(s.attainment()), std::to_string(s.abandoned),
                 std::to_string(s.escalated), minutes(s.wait_p50), minutes(s.wait_p90),
                 minutes(s.wait_p99), std::to_string(s.breached_no_skill),
                 std::to_string(s.breached_no_capacity)});
      res.add_row({setup.client_ids[c], std::string(model::kPriorityCodes[p]),
                   std::to_string(s.resolved), percent(s.resolution_attainment()),
                   std::to_string(s.waited_on_client),
                   std::to_string(s.resolution_breached_no_skill),
                   std::to_string(s.resolution_breached_no_capacity),
                   std::to_string(s.resolution_breached_waiting_on_client),
                   std::to_string(s.resolution_breached_handling)});
    }
  }
  TextTable u({"skill (first skill of the engineer)", "utilisation"});
  for (size_t s = 0; s < r.utilisation_by_skill.size(); ++s) {
    if (r.utilisation_by_skill[s] > 0)
      u.add_row({setup.skill_ids[s], percent(r.utilisation_by_skill[s])});
  }
  return "SLA attainment (response) per client and priority\n" + t.render() +
         "\nSLA attainment (resolution; time waiting on the client is off the clock)\n" +
         res.render() + "\nUtilisation of engineers on shift\n" + u.render() + "\n" +
         std::to_string(r.tickets) + " tickets, " + std::to_string(r.events) + " events, " +
         std::to_string(r.handovers) +
         " handovers at shift end; roster: " + std::to_string(setup.rostered_shifts) + " shifts, " +
         std::to_string(setup.unfilled_shifts) + " coverage places unfilled.\n";
}

}  // namespace rcc::cli
