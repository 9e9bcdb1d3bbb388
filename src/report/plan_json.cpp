#include "report/plan_json.h"

#include <cmath>
#include <map>

#include "io/codes.h"
#include "model/dates.h"
#include "plan/options_json.h"
#include "report/labels.h"

namespace rcc::report {
namespace {

bool stage_ok(const plan::PlanResult& r, std::string_view name) {
  for (const auto& s : r.stages) {
    if (s.name == name) return s.status == plan::StageStatus::ok;
  }
  return false;
}

}  // namespace

Json stages_json(const std::vector<plan::StageReport>& stages) {
  Json j = Json::array();
  for (const auto& s : stages) {
    j.push_back({{"stage", s.name},
                 {"status", plan::stage_status_name(s.status)},
                 {"ms", s.ms},
                 {"detail", s.detail}});
  }
  return j;
}

Json roster_json(const model::Center& center, const plan::PlannedRoster& roster) {
  const auto& s = roster.summary;
  Json j{{"first_day", model::format_date(roster.first_day)},
         {"weeks", roster.weeks},
         {"moves", roster.moves},
         {"objective", roster.solved.evaluation.objective},
         {"engineers", s.engineers_rostered},
         {"shifts", s.shifts},
         {"unfilled", s.unmet_cover},
         {"violations", roster.solved.evaluation.violations.size()},
         {"nights_per_engineer", {s.min_nights, s.max_nights}},
         {"weekend_days_per_engineer", {s.min_weekends, s.max_weekends}}};
  Json shifts = Json::array();
  for (const auto& a : roster.published) {
    shifts.push_back({{"engineer", center.engineers[a.engineer].id},
                      {"date", model::format_date(a.day)},
                      {"shift", center.shift_types[a.shift].id},
                      {"skill", center.skills[a.skill].id}});
  }
  j["assignments"] = std::move(shifts);
  return j;
}

Json plan_json(const model::Center& center, const plan::PlanResult& r) {
  const auto section = [&](std::string_view stage, const auto& render) {
    return stage_ok(r, stage) ? Json(render()) : Json();
  };
  return {{"center", center.id},
          {"name", center.name},
          {"plan_start", model::format_date(center.plan_start)},
          {"plan_end", model::format_date(center.plan_end)},
          {"options", plan::options_json(r.options)},
          {"stages", stages_json(r.stages)},
          {"capacity", section("capacity", [&] { return capacity_json(center, r.capacity); })},
          {"forecast", section("forecast", [&] { return demand_json(center, r.coverage.needs); })},
          {"shift_design", section("shifts", [&] { return design_json(center, r.coverage); })},
          {"roster", section("roster", [&] { return roster_json(center, r.roster); })},
          {"staffing", section("staffing", [&] { return staffing_json(center, r.staffing); })},
          {"simulation", section("simulate", [&] {
             auto j = simulation_json(r.simulation.setup, r.simulation.result);
             j["attainment"] = r.simulation.attainment;
             return j;
           })}};
}

Json capacity_json(const model::Center& center, const staffing::CapacitySummary& s) {
  Json j;
  j["engineers"] = s.engineers;
  j["engineers_by_city"] = Json::object();
  for (size_t c = 0; c < s.cities.size(); ++c)
    j["engineers_by_city"][s.cities[c]] = s.engineers_by_city[c];
  j["headcount"] = Json::array();
  for (const auto& row : s.headcount) {
    Json r;
    r["skill"] = center.skills[row.skill].id;
    r["by_level"] = std::vector<int>(row.by_level.begin() + 1, row.by_level.end());
    r["total"] = row.total;
    r["by_city"] = Json::object();
    for (size_t c = 0; c < s.cities.size(); ++c) r["by_city"][s.cities[c]] = row.by_city[c];
    j["headcount"].push_back(r);
  }
  j["demand_vs_supply"] = Json::array();
  for (const auto& b : s.balance) {
    j["demand_vs_supply"].push_back({{"month", model::format_date(b.month).substr(0, 7)},
                                     {"skill", center.skills[b.skill].id},
                                     {"min_level", b.min_level},
                                     {"demand_fte", std::round(b.demand_fte * 100) / 100},
                                     {"supply_fte", std::round(b.supply_fte * 100) / 100},
                                     {"gap_fte", std::round(b.gap_fte() * 100) / 100}});
  }
  return j;
}

Json demand_json(const model::Center& center, const std::vector<forecast::SkillHourlyNeed>& needs) {
  Json j = Json::array();
  for (const auto& n : needs) {
    j.push_back({{"skill", center.skills[n.skill].id},
                 {"hour_0", "Monday 00:00 center time"},
                 {"arrivals_per_hour", n.arrivals},
                 {"engineers_needed", n.engineers},
                 {"engineers_rostered", n.covered}});
  }
  Json gaps = Json::array();
  for (const auto& g : forecast::shortfalls(needs)) {
    gaps.push_back({{"skill", center.skills[g.skill].id},
                    {"from", hour_label(g.first_hour)},
                    {"hours", g.hours},
                    {"engineers_short", g.worst_gap}});
  }
  return {{"skills", j}, {"shortfalls", gaps}};
}

Json design_json(const model::Center& center, const plan::CoverageDesign& plan) {
  Json out = Json::array();
  for (const auto& [skill, design] : plan.designs) {
    Json shifts = Json::array();
    for (const auto& s : design.shifts) {
      shifts.push_back({{"weekday", kWeekdays[s.day]},
                        {"start", model::format_clock(s.start_minute)},
                        {"minutes", s.length_minutes},
                        {"engineers", s.engineers}});
    }
    out.push_back({{"skill", center.skills[skill].id},
                   {"status", lp::status_name(design.status)},
                   {"engineer_minutes", design.engineer_minutes},
                   {"lower_bound_minutes", design.lower_bound_minutes},
                   {"shifts", shifts}});
  }
  return out;
}

Json simulation_json(const sim::CenterSimulation& setup, const sim::SimResult& r) {
  Json clients = Json::array();
  for (size_t c = 0; c < r.by_client.size(); ++c) {
    for (int p = 0; p < model::kPriorities; ++p) {
      const auto& s = r.by_client[c][p];
      clients.push_back(
          {{"client", setup.client_ids[c]},
           {"priority", model::kPriorityCodes[p]},
           {"tickets", s.tickets},
           {"answered", s.answered},
           {"answered_in_target", s.answered_in_target},
           {"attainment", s.attainment()},
           {"abandoned", s.abandoned},
           {"escalated", s.escalated},
           {"wait_seconds",
            {{"mean", s.mean_wait}, {"p50", s.wait_p50}, {"p90", s.wait_p90}, {"p99", s.wait_p99}}},
           {"breaches",
            {{"no_skill_on_shift", s.breached_no_skill}, {"no_capacity", s.breached_no_capacity}}},
           {"resolution",
            {{"resolved", s.resolved},
             {"resolved_in_target", s.resolved_in_target},
             {"attainment", s.resolution_attainment()},
             {"waited_on_client", s.waited_on_client},
             {"breaches",
              {{"no_skill_on_shift", s.resolution_breached_no_skill},
               {"no_capacity", s.resolution_breached_no_capacity},
               {"waiting_on_client", s.resolution_breached_waiting_on_client},
               {"handling", s.resolution_breached_handling}}}}}});
    }
  }
  Json utilisation = Json::object();
  for (size_t s = 0; s < r.utilisation_by_skill.size(); ++s) {
    utilisation[setup.skill_ids[s]] = r.utilisation_by_skill[s];
  }
  return {{"tickets", r.tickets},
          {"events", r.events},
          {"handovers", r.handovers},
          {"rostered_shifts", setup.rostered_shifts},
          {"unfilled_coverage", setup.unfilled_shifts},
          {"by_client_priority", clients},
          {"utilisation_by_skill", utilisation}};
}

Json staffing_json(const model::Center& center, const staffing::StaffingResult& r) {
  Json slots = Json::array();
  for (size_t i = 0; i < r.slots.size(); ++i) {
    const auto& s = r.slots[i];
    const auto& p = r.plans[i];
    const auto& role = center.projects[s.project].roles[s.role];
    slots.push_back(
        {{"slot", slot_name(center, s)},
         {"project", center.projects[s.project].id},
         {"role", role.id},
         {"skill", center.skills[role.skill].id},
         {"min_level", role.min_level},
         {"fte", role.fte},
         {"from", month_text(r.months[s.first_month])},
         {"to", month_text(r.months[s.last_month])},
         {"source", staffing::source_name(p.source)},
         {"engineer", p.engineer ? Json(center.engineers[*p.engineer].id) : Json(nullptr)},
         {"ready", model::format_date(p.ready)},
         {"certifies", p.certifies},
         {"cost", p.cost},
         {"why", p.why}});
  }
  Json hires = Json::array();
  std::map<std::string, int> by_project, by_country, by_city;
  for (const auto& h : r.hires) {
    const auto& first = r.slots[h.slots.front()];
    const auto& project = center.projects[first.project];
    const std::string city = h.site ? center.sites[*h.site].city : "no seat";
    ++by_project[project.id];
    ++by_country[center.clients[project.client].country];
    ++by_city[city];
    Json filled = Json::array();
    for (int s : h.slots) filled.push_back(slot_name(center, r.slots[s]));
    hires.push_back({{"skill", center.skills[h.skill].id},
                     {"level", h.level},
                     {"joins", month_text(h.joins)},
                     {"recruit_from", month_text(h.recruit_from)},
                     {"site", h.site ? Json(center.sites[*h.site].id) : Json()},
                     {"city", city},
                     {"preferred_city", h.city},
                     {"slots", filled}});
  }
  Json sites = Json::array();
  for (const auto& s : r.sites) {
    sites.push_back({{"site", center.sites[s.site].id},
                     {"city", center.sites[s.site].city},
                     {"open", s.open},
                     {"opened_by_plan", s.opened},
                     {"hires_seated", s.seats_used_by_hires},
                     {"free_seats_after", s.free_seats_after}});
  }
  std::map<std::string, int> sources;
  for (const auto& p : r.plans) ++sources[std::string(staffing::source_name(p.source))];
  return {{"status", staffing::status_name(r.status)},
          {"objective", r.objective},
          {"bound", r.bound},
          {"lp_bound", r.lp_bound},
          {"whole_heads_bound", r.whole_heads_bound},
          {"seconds", r.seconds},
          {"seconds_by_step",
           {{"candidates", r.seconds_candidates}, {"lp", r.seconds_lp}, {"mip", r.seconds_mip}}},
          {"candidates", r.candidates},
          {"lp_rounds", r.lp_rounds},
          {"master_rounds", r.master_rounds},
          {"patterns", r.patterns},
          {"objective_master", r.objective_master},
          {"objective_resolved", r.objective_resolved},
          {"variables", r.variables},
          {"constraints", r.constraints},
          {"fill_rate", r.fill_rate},
          {"slots_by_source", sources},
          {"jobs_created", r.hires.size()},
          {"jobs_by_project", by_project},
          {"jobs_by_client_country", by_country},
          {"jobs_by_city", by_city},
          {"site_status", staffing::status_name(r.site_status)},
          {"site_cost", r.site_cost},
          {"seats_short", r.seats_short},
          {"sites", sites},
          {"hires", hires},
          {"slots", slots}};
}

}  // namespace rcc::report
