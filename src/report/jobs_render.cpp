// The jobs report as a printable page and as a workbook.
#include <chrono>
#include <cstdio>
#include <sstream>

#include "model/dates.h"
#include "report/html.h"
#include "report/jobs.h"
#include "report/labels.h"
#include "report/xlsx_sheet.h"

namespace rcc::report {
namespace {

const char* const kBreakdowns[][2] = {{"city", "City"},
                                      {"site", "Site"},
                                      {"skill", "Skill"},
                                      {"level", "Level"},
                                      {"month", "Month joining"},
                                      {"project", "Project"},
                                      {"client_country", "Client country"}};

std::string headline(const JobsReport& r) {
  char fill[32];
  std::snprintf(fill, sizeof fill, "%.1f%%", r.fill_rate * 100);
  return html::totals({{"Jobs created", std::to_string(r.jobs_created)},
                       {"Engineers upskilled", std::to_string(r.upskilled)},
                       {"Engineers retrained", std::to_string(r.retrained)},
                       {"Project fill rate", fill},
                       {"Hires without a seat", std::to_string(r.seats_short)}});
}

}  // namespace

std::string jobs_html(const JobsReport& r) {
  std::string out = html::page_start("Jobs created: " + r.center) + "<p>Plan " +
                    model::format_date(r.plan_start) + " to " + model::format_date(r.plan_end) +
                    "</p>\n" + headline(r) + "<div class=\"breakdowns\">\n";
  std::vector<std::vector<std::string>> sources;
  for (const auto& [source, heads] : r.heads_by_source) {
    sources.push_back({source, std::to_string(heads)});
  }
  out += html::table("Role heads filled by", {"Source", "Heads"}, sources);
  for (const auto& [key, title] : kBreakdowns) {
    std::vector<std::vector<std::string>> rows;
    const auto found = r.hires_by.find(key);
    if (found == r.hires_by.end()) continue;
    for (const auto& [value, count] : found->second) rows.push_back({value, std::to_string(count)});
    out += html::table(std::string("Hires by ") + title, {title, "Hires"}, rows);
  }
  out += "</div>\n";
  std::vector<std::vector<std::string>> hires;
  for (const auto& h : r.hires) {
    const std::string heads = joined(h.role_heads, ", ");
    hires.push_back({h.skill, std::to_string(h.level), month_text(h.joins),
                     month_text(h.recruit_from), h.city, h.site, h.project, h.client_country,
                     heads});
  }
  out += html::table("Hires",
                     {"Skill", "Level", "Joins", "Recruit from", "City", "Site", "Project",
                      "Client country", "Role heads"},
                     hires);
  std::vector<std::vector<std::string>> training;
  for (const auto& t : r.training) {
    training.push_back({t.kind, t.engineer, t.name, t.city, t.skill,
                        std::to_string(t.level_before) + " → " + std::to_string(t.level_after),
                        model::format_date(t.ready), t.role_head});
  }
  out += html::table(
      "Engineers upskilled or retrained",
      {"Kind", "Engineer", "Name", "City", "Into skill", "Level", "Ready", "Role head"}, training);
  std::vector<std::vector<std::string>> sites;
  for (const auto& s : r.sites) {
    sites.push_back({s.site, s.city, s.open ? "open" : "closed", s.opened_by_plan ? "yes" : "",
                     std::to_string(s.hires_seated), std::to_string(s.free_seats_after)});
  }
  out += html::table(
      "Seats per site",
      {"Site", "City", "At plan end", "Opened by the plan", "Hires seated", "Free seats after"},
      sites);
  return out + std::string(html::kPageEnd);
}

void write_jobs_xlsx(const JobsReport& r, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("jobs workbook: cannot create " + path);
  try {
    const XlsxFormats f = add_formats(workbook);
    XlsxSheet totals(workbook, "Totals", f);
    totals.column_width(0, 0, 28);
    totals.column_width(1, 1, 12);
    totals.text(0, 0, "Jobs created: " + r.center, f.title);
    const std::vector<std::pair<std::string, long>> headline{
        {"Jobs created", r.jobs_created},
        {"Engineers upskilled", r.upskilled},
        {"Engineers retrained", r.retrained},
        {"Hires without a seat", r.seats_short}};
    int line = 2;
    for (const auto& [label, value] : headline) {
      totals.text(line, 0, label);
      totals.count(line++, 1, value);
    }
    totals.text(line, 0, "Project fill rate");
    totals.number(line++, 1, r.fill_rate, f.percent);
    for (const auto& [key, title] : kBreakdowns) {
      const auto found = r.hires_by.find(key);
      if (found == r.hires_by.end()) continue;
      ++line;
      totals.text(++line, 0, std::string("Hires by ") + title, f.header);
      totals.text(line, 1, "Hires", f.header);
      for (const auto& [value, count] : found->second) {
        totals.text(++line, 0, value);
        totals.count(line, 1, count);
      }
    }
    XlsxSheet hires(workbook, "Hires", f);
    hires.table_header(0, {{"Skill", 18},
                           {"Level", 6},
                           {"Joins", 10},
                           {"Recruit from", 12},
                           {"City", 12},
                           {"Site", 14},
                           {"Project", 14},
                           {"Client", 12},
                           {"Client country", 9},
                           {"Role heads", 40}});
    int row = 0;
    for (const auto& h : r.hires) {
      ++row;
      const std::string heads = joined(h.role_heads, ", ");
      hires.text(row, 0, h.skill);
      hires.count(row, 1, h.level);
      hires.date(row, 2, h.joins, f.month);
      hires.date(row, 3, h.recruit_from, f.month);
      hires.text(row, 4, h.city);
      if (!h.site.empty()) hires.text(row, 5, h.site);
      hires.text(row, 6, h.project);
      hires.text(row, 7, h.client);
      hires.text(row, 8, h.client_country);
      hires.text(row, 9, heads);
    }
    hires.autofilter(0, row, 10);
    hires.highlight_text(1, 4, row, 4, "no seat", f.bad);
    XlsxSheet training(workbook, "Training", f);
    training.table_header(0, {{"Kind", 9},
                              {"Engineer", 10},
                              {"Name", 22},
                              {"City", 12},
                              {"Into skill", 18},
                              {"Level before", 8},
                              {"Level after", 8},
                              {"Ready", 11},
                              {"Project", 14},
                              {"Role head", 24}});
    row = 0;
    for (const auto& t : r.training) {
      ++row;
      training.text(row, 0, t.kind);
      training.text(row, 1, t.engineer);
      training.text(row, 2, t.name);
      training.text(row, 3, t.city);
      training.text(row, 4, t.skill);
      training.count(row, 5, t.level_before);
      training.count(row, 6, t.level_after);
      training.date(row, 7, t.ready);
      training.text(row, 8, t.project);
      training.text(row, 9, t.role_head);
    }
    training.autofilter(0, row, 10);
    XlsxSheet sites(workbook, "Seats per site", f);
    sites.table_header(0, {{"Site", 16},
                           {"City", 12},
                           {"Open at plan end", 10},
                           {"Opened by the plan", 10},
                           {"Hires seated", 10},
                           {"Free seats after", 10}});
    row = 0;
    for (const auto& s : r.sites) {
      ++row;
      sites.text(row, 0, s.site);
      sites.text(row, 1, s.city);
      sites.boolean(row, 2, s.open);
      sites.boolean(row, 3, s.opened_by_plan);
      sites.count(row, 4, s.hires_seated);
      sites.count(row, 5, s.free_seats_after);
    }
    sites.autofilter(0, row, 6);
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check_xlsx(workbook_close(workbook), "writing " + path);
}

}  // namespace rcc::report
