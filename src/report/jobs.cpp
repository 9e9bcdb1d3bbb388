#include "report/jobs.h"

#include "io/csv.h"
#include "model/dates.h"
#include "report/labels.h"

namespace rcc::report {
namespace {

JobsHire hire_of(const model::Center& center, const staffing::StaffingResult& r,
                 const staffing::Hire& h) {
  const auto& project = center.projects[r.slots[h.slots.front()].project];
  const auto& client = center.clients[project.client];
  JobsHire j;
  j.skill = center.skills[h.skill].id;
  j.level = h.level;
  j.joins = h.joins;
  j.recruit_from = h.recruit_from;
  j.site = h.site ? center.sites[*h.site].id : "";
  j.city = h.site ? center.sites[*h.site].city : "no seat";
  j.project = project.id;
  j.client = client.id;
  j.client_country = client.country;
  for (int s : h.slots) j.role_heads.push_back(slot_name(center, r.slots[s]));
  return j;
}

JobsTraining training_of(const model::Center& center, const staffing::StaffingResult& r, size_t i) {
  const auto& slot = r.slots[i];
  const auto& plan = r.plans[i];
  const auto& role = center.projects[slot.project].roles[slot.role];
  const auto& engineer = center.engineers[*plan.engineer];
  JobsTraining t;
  t.kind = std::string(staffing::source_name(plan.source));
  t.engineer = engineer.id;
  t.name = engineer.name;
  t.city = center.sites[engineer.site].city;
  t.skill = center.skills[role.skill].id;
  t.level_before = engineer.level(role.skill);
  t.level_after = role.min_level;
  t.ready = plan.ready;
  t.project = center.projects[slot.project].id;
  t.role_head = slot_name(center, slot);
  return t;
}

}  // namespace

JobsReport jobs_report(const model::Center& center, const staffing::StaffingResult& r) {
  JobsReport j;
  j.center = center.name;
  j.plan_start = center.plan_start;
  j.plan_end = center.plan_end;
  j.jobs_created = static_cast<int>(r.hires.size());
  j.seats_short = r.seats_short;
  j.fill_rate = r.fill_rate;
  for (const auto& h : r.hires) {
    auto hire = hire_of(center, r, h);
    ++j.hires_by["skill"][hire.skill];
    ++j.hires_by["level"][std::to_string(hire.level)];
    ++j.hires_by["city"][hire.city];
    ++j.hires_by["site"][hire.site.empty() ? "no seat" : hire.site];
    ++j.hires_by["month"][month_text(hire.joins)];
    ++j.hires_by["project"][hire.project];
    ++j.hires_by["client_country"][hire.client_country];
    j.hires.push_back(std::move(hire));
  }
  for (size_t i = 0; i < r.plans.size(); ++i) {
    const auto source = r.plans[i].source;
    ++j.heads_by_source[std::string(staffing::source_name(source))];
    const bool trained =
        source == staffing::SlotSource::upskill || source == staffing::SlotSource::retrain;
    if (!trained || !r.plans[i].engineer) continue;
    j.training.push_back(training_of(center, r, i));
    ++(source == staffing::SlotSource::upskill ? j.upskilled : j.retrained);
  }
  for (const auto& s : r.sites) {
    j.sites.push_back({center.sites[s.site].id, center.sites[s.site].city, s.open, s.opened,
                       s.seats_used_by_hires, s.free_seats_after});
  }
  return j;
}

Json jobs_json(const JobsReport& r) {
  Json hires = Json::array();
  for (const auto& h : r.hires) {
    hires.push_back({{"skill", h.skill},
                     {"level", h.level},
                     {"joins", month_text(h.joins)},
                     {"recruit_from", month_text(h.recruit_from)},
                     {"site", h.site.empty() ? Json() : Json(h.site)},
                     {"city", h.city},
                     {"project", h.project},
                     {"client", h.client},
                     {"client_country", h.client_country},
                     {"role_heads", h.role_heads}});
  }
  Json training = Json::array();
  for (const auto& t : r.training) {
    training.push_back({{"kind", t.kind},
                        {"engineer", t.engineer},
                        {"name", t.name},
                        {"city", t.city},
                        {"skill", t.skill},
                        {"level_before", t.level_before},
                        {"level_after", t.level_after},
                        {"ready", model::format_date(t.ready)},
                        {"project", t.project},
                        {"role_head", t.role_head}});
  }
  Json sites = Json::array();
  for (const auto& s : r.sites) {
    sites.push_back({{"site", s.site},
                     {"city", s.city},
                     {"open", s.open},
                     {"opened_by_plan", s.opened_by_plan},
                     {"hires_seated", s.hires_seated},
                     {"free_seats_after", s.free_seats_after}});
  }
  return {{"center", r.center},
          {"plan_start", model::format_date(r.plan_start)},
          {"plan_end", model::format_date(r.plan_end)},
          {"totals",
           {{"jobs_created", r.jobs_created},
            {"engineers_upskilled", r.upskilled},
            {"engineers_retrained", r.retrained},
            {"hires_without_seat", r.seats_short},
            {"fill_rate", r.fill_rate},
            {"role_heads_by_source", r.heads_by_source}}},
          {"hires_by", r.hires_by},
          {"hires", hires},
          {"training", training},
          {"sites", sites}};
}

std::string jobs_csv(const JobsReport& r) {
  std::string out =
      "kind,skill,level,level_before,city,site,month,project,client,client_country,engineer,"
      "role_heads\n";
  for (const auto& h : r.hires) {
    const std::string heads = joined(h.role_heads, ";");
    io::append_csv_row(
        out, {"hire", h.skill, std::to_string(h.level), "", h.city, h.site, month_text(h.joins),
              h.project, h.client, h.client_country, "", heads});
  }
  for (const auto& t : r.training) {
    io::append_csv_row(
        out, {t.kind, t.skill, std::to_string(t.level_after), std::to_string(t.level_before),
              t.city, "", month_text(t.ready), t.project, "", "", t.engineer, t.role_head});
  }
  return out;
}

}  // namespace rcc::report
