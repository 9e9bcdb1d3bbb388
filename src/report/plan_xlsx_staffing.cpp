// The staffing, hiring, jobs and SLA sheets of the plan workbook.
#include <map>

#include "model/ticket.h"
#include "report/labels.h"
#include "report/plan_xlsx_sheets.h"

namespace rcc::report {
namespace {

// One "label | count" table from row `row`; returns the row after it.
int count_table(XlsxSheet& sheet, int row, const std::string& label,
                const std::map<std::string, int>& counts) {
  const auto& f = sheet.formats();
  sheet.text(row, 0, label, f.header);
  sheet.text(row, 1, "Jobs", f.header);
  for (const auto& [name, count] : counts) {
    ++row;
    sheet.text(row, 0, name);
    sheet.count(row, 1, count);
  }
  return row + 2;
}

std::string client_country(const model::Center& center, const staffing::StaffingResult& r,
                           const staffing::Hire& h) {
  return center.clients[center.projects[r.slots[h.slots.front()].project].client].country;
}

}  // namespace

void staffing_sheet(XlsxSheet& sheet, const model::Center& center,
                    const staffing::StaffingResult& r) {
  const auto& f = sheet.formats();
  sheet.table_header(0, {{"Role head", 30},
                         {"Project", 16},
                         {"Client", 12},
                         {"Skill", 18},
                         {"Min level", 8},
                         {"FTE", 6},
                         {"From", 10},
                         {"To", 10},
                         {"Filled by", 10},
                         {"Engineer", 12},
                         {"Ready", 11},
                         {"Certifies", 14},
                         {"Cost (USD)", 10},
                         {"Why", 70}});
  int row = 0;
  for (size_t i = 0; i < r.slots.size(); ++i) {
    const auto& s = r.slots[i];
    const auto& p = r.plans[i];
    const auto& project = center.projects[s.project];
    const auto& role = project.roles[s.role];
    ++row;
    sheet.text(row, 0, slot_name(center, s));
    sheet.text(row, 1, project.id);
    sheet.text(row, 2, center.clients[project.client].id);
    sheet.text(row, 3, center.skills[role.skill].id);
    sheet.count(row, 4, role.min_level);
    sheet.number(row, 5, role.fte, f.decimal);
    sheet.date(row, 6, r.months[s.first_month], f.month);
    sheet.date(row, 7, r.months[s.last_month], f.month);
    sheet.text(row, 8, staffing::source_name(p.source));
    if (p.engineer) sheet.text(row, 9, center.engineers[*p.engineer].id);
    sheet.date(row, 10, p.ready);
    sheet.boolean(row, 11, p.certifies);
    sheet.number(row, 12, p.cost, f.money);
    sheet.text(row, 13, p.why);
  }
  sheet.autofilter(0, row, 14);
  sheet.highlight_text(1, 8, row, 8, "unfilled", f.bad);
  sheet.highlight_text(1, 8, row, 8, "hire", f.warn);
}

void hiring_sheet(XlsxSheet& sheet, const model::Center& center,
                  const staffing::StaffingResult& r) {
  const auto& f = sheet.formats();
  sheet.table_header(0, {{"Skill", 18},
                         {"Level", 6},
                         {"Joins", 10},
                         {"Recruit from", 12},
                         {"Site", 14},
                         {"City", 12},
                         {"Preferred city", 12},
                         {"Project", 16},
                         {"Client country", 9},
                         {"Role heads it fills", 50}});
  int row = 0;
  for (const auto& h : r.hires) {
    ++row;
    sheet.text(row, 0, center.skills[h.skill].id);
    sheet.count(row, 1, h.level);
    sheet.date(row, 2, h.joins, f.month);
    sheet.date(row, 3, h.recruit_from, f.month);
    if (h.site) {
      sheet.text(row, 4, center.sites[*h.site].id);
      sheet.text(row, 5, center.sites[*h.site].city);
    } else {
      sheet.text(row, 5, "no seat");
    }
    if (!h.city.empty()) sheet.text(row, 6, h.city);
    sheet.text(row, 7, center.projects[r.slots[h.slots.front()].project].id);
    sheet.text(row, 8, client_country(center, r, h));
    std::vector<std::string> heads;
    for (int s : h.slots) heads.push_back(slot_name(center, r.slots[s]));
    sheet.text(row, 9, joined(heads, ", "));
  }
  sheet.autofilter(0, row, 10);
  sheet.highlight_text(1, 5, row, 5, "no seat", f.bad);
}

void jobs_sheet(XlsxSheet& sheet, const model::Center& center, const staffing::StaffingResult& r) {
  const auto& f = sheet.formats();
  std::map<std::string, int> by_city, by_project, by_country, by_skill, by_source;
  for (const auto& h : r.hires) {
    ++by_city[h.site ? center.sites[*h.site].city : "no seat"];
    ++by_project[center.projects[r.slots[h.slots.front()].project].id];
    ++by_country[client_country(center, r, h)];
    ++by_skill[center.skills[h.skill].id];
  }
  for (const auto& p : r.plans) ++by_source[std::string(staffing::source_name(p.source))];
  sheet.column_width(0, 0, 28);
  sheet.column_width(1, 5, 12);
  sheet.text(0, 0, "Jobs created", f.title);
  sheet.count(0, 1, static_cast<long>(r.hires.size()));
  sheet.text(1, 0, "Project fill rate");
  sheet.number(1, 1, r.fill_rate, f.percent);
  sheet.text(2, 0, "Hires without a seat");
  sheet.count(2, 1, r.seats_short);
  int row = 4;
  sheet.text(row, 0, "Role heads filled by", f.header);
  sheet.text(row, 1, "Heads", f.header);
  for (const auto& [source, count] : by_source) {
    ++row;
    sheet.text(row, 0, source);
    sheet.count(row, 1, count);
  }
  row = count_table(sheet, row + 2, "City", by_city);
  row = count_table(sheet, row, "Skill", by_skill);
  row = count_table(sheet, row, "Project", by_project);
  row = count_table(sheet, row, "Client country", by_country);
  const std::vector<std::string> site_columns{"Site",           "City",         "Open",
                                              "Opened by plan", "Hires seated", "Free seats after"};
  for (size_t c = 0; c < site_columns.size(); ++c) {
    sheet.text(row, static_cast<int>(c), site_columns[c], f.header);
  }
  for (const auto& s : r.sites) {
    ++row;
    sheet.text(row, 0, center.sites[s.site].id);
    sheet.text(row, 1, center.sites[s.site].city);
    sheet.boolean(row, 2, s.open);
    sheet.boolean(row, 3, s.opened);
    sheet.count(row, 4, s.seats_used_by_hires);
    sheet.count(row, 5, s.free_seats_after);
  }
}

void sla_sheet(XlsxSheet& sheet, const plan::PlanResult& r) {
  const auto& f = sheet.formats();
  const auto& setup = r.simulation.setup;
  const auto& result = r.simulation.result;
  sheet.table_header(0, {{"Client", 12},
                         {"Priority", 8},
                         {"Tickets", 9},
                         {"Answered", 9},
                         {"Answered in target", 10},
                         {"Response attainment", 11},
                         {"Abandoned", 9},
                         {"Escalated", 9},
                         {"Wait p50 (min)", 9},
                         {"Wait p90 (min)", 9},
                         {"Wait p99 (min)", 9},
                         {"Breached: no skill on shift", 11},
                         {"Breached: no capacity", 11},
                         {"Resolved", 9},
                         {"Resolved in target", 10},
                         {"Resolution attainment", 11},
                         {"Waited on client", 9}});
  int row = 0;
  for (size_t c = 0; c < result.by_client.size(); ++c) {
    for (int p = 0; p < model::kPriorities; ++p) {
      const auto& s = result.by_client[c][p];
      if (s.tickets == 0) continue;
      ++row;
      sheet.text(row, 0, setup.client_ids[c]);
      sheet.text(row, 1, model::kPriorityCodes[p]);
      sheet.count(row, 2, s.tickets);
      sheet.count(row, 3, s.answered);
      sheet.count(row, 4, s.answered_in_target);
      sheet.number(row, 5, s.attainment(), f.percent);
      sheet.count(row, 6, s.abandoned);
      sheet.count(row, 7, s.escalated);
      sheet.number(row, 8, s.wait_p50 / 60, f.decimal);
      sheet.number(row, 9, s.wait_p90 / 60, f.decimal);
      sheet.number(row, 10, s.wait_p99 / 60, f.decimal);
      sheet.count(row, 11, s.breached_no_skill);
      sheet.count(row, 12, s.breached_no_capacity);
      sheet.count(row, 13, s.resolved);
      sheet.count(row, 14, s.resolved_in_target);
      sheet.number(row, 15, s.resolution_attainment(), f.percent);
      sheet.count(row, 16, s.waited_on_client);
    }
  }
  sheet.autofilter(0, row, 17);
  const double goal = r.options.service_level;
  sheet.highlight(1, 5, row, 5, LXW_CONDITIONAL_CRITERIA_LESS_THAN, goal, f.bad);
  sheet.highlight(1, 15, row, 15, LXW_CONDITIONAL_CRITERIA_LESS_THAN, goal, f.bad);
  sheet.highlight(1, 11, row, 12, LXW_CONDITIONAL_CRITERIA_GREATER_THAN, 0, f.bad);
}

}  // namespace rcc::report
