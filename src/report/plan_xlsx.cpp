#include "report/plan_xlsx.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "model/dates.h"
#include "report/labels.h"
#include "report/plan_xlsx_sheets.h"

namespace rcc::report {
namespace {

const plan::StageReport* stage(const plan::PlanResult& r, std::string_view name) {
  for (const auto& s : r.stages) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool stage_ok(const plan::PlanResult& r, std::string_view name) {
  const auto* s = stage(r, name);
  return s != nullptr && s->status == plan::StageStatus::ok;
}

// A sheet whose stage did not finish says so instead of showing nothing.
void not_run(XlsxSheet& sheet, const plan::PlanResult& r, std::string_view name) {
  const auto* s = stage(r, name);
  sheet.text(0, 0, "Stage " + std::string(name) + " did not finish", sheet.formats().title);
  sheet.text(1, 0, s != nullptr ? std::string(plan::stage_status_name(s->status)) : "not run");
  if (s != nullptr) sheet.text(2, 0, s->detail);
  sheet.column_width(0, 0, 60);
}

void summary_sheet(XlsxSheet& sheet, const model::Center& center, const plan::PlanResult& r) {
  const auto& f = sheet.formats();
  sheet.text(0, 0, "rcc plan: " + center.name, f.title);
  int row = 2;
  sheet.text(row, 0, "Plan from");
  sheet.date(row++, 1, center.plan_start);
  sheet.text(row, 0, "Plan to");
  sheet.date(row++, 1, center.plan_end);
  sheet.text(row, 0, "Engineers in the pool");
  sheet.count(row++, 1, static_cast<long>(center.engineers.size()));
  if (stage_ok(r, "roster")) {
    sheet.text(row, 0, "Roster shifts");
    sheet.count(row++, 1, r.roster.summary.shifts);
    sheet.text(row, 0, "Roster places unfilled");
    sheet.count(row++, 1, r.roster.summary.unmet_cover);
  }
  if (stage_ok(r, "staffing")) {
    sheet.text(row, 0, "Project fill rate");
    sheet.number(row++, 1, r.staffing.fill_rate, f.percent);
    sheet.text(row, 0, "Jobs created");
    sheet.count(row++, 1, static_cast<long>(r.staffing.hires.size()));
  }
  if (stage_ok(r, "simulate")) {
    sheet.text(row, 0, "Simulated week: answered in target");
    sheet.number(row++, 1, r.simulation.attainment, f.percent);
  }
  sheet.text(row, 0, "Service level planned for");
  sheet.number(row++, 1, r.options.service_level, f.percent);
  sheet.text(row, 0, "Shrinkage");
  sheet.number(row++, 1, r.options.shrinkage, f.percent);
  ++row;
  sheet.table_header(row, {{"Stage", 34}, {"Status", 14}, {"ms", 12}, {"What it found", 90}},
                     false);
  const int first = row + 1;
  for (const auto& s : r.stages) {
    ++row;
    sheet.text(row, 0, s.name);
    sheet.text(row, 1, plan::stage_status_name(s.status));
    sheet.number(row, 2, s.ms, f.decimal);
    sheet.text(row, 3, s.detail);
  }
  sheet.highlight_text(first, 1, row, 1, "ok", f.good);
  sheet.highlight_text(first, 1, row, 1, "failed", f.bad);
  sheet.highlight_text(first, 1, row, 1, "bad_input", f.bad);
}

}  // namespace

std::vector<std::array<int, model::kHoursPerWeek>> rostered_by_hour(
    const model::Center& center, const plan::PlannedRoster& roster) {
  const int weeks = std::max(roster.weeks, 1);
  // [week][skill][hour]; a shift past the last week's end wraps into the first week.
  std::vector<std::vector<std::array<int, model::kHoursPerWeek>>> on_shift(
      weeks, std::vector<std::array<int, model::kHoursPerWeek>>(center.skills.size()));
  for (const auto& s : roster.published) {
    const auto& type = center.shift_types[s.shift];
    const int day = static_cast<int>((s.day - roster.first_day).count());
    if (day < 0 || day >= weeks * 7) continue;
    const int first_minute = day * 1440 + type.start_minute;
    for (int m = (first_minute + 59) / 60 * 60; m < first_minute + type.length_minutes; m += 60) {
      const int hour = (m / 60) % (weeks * model::kHoursPerWeek);
      ++on_shift[hour / model::kHoursPerWeek][s.skill][hour % model::kHoursPerWeek];
    }
  }
  std::vector<std::array<int, model::kHoursPerWeek>> fewest = on_shift.front();
  for (const auto& week : on_shift) {
    for (size_t k = 0; k < week.size(); ++k) {
      for (int h = 0; h < model::kHoursPerWeek; ++h) {
        fewest[k][h] = std::min(fewest[k][h], week[k][h]);
      }
    }
  }
  return fewest;
}

void roster_sheet(XlsxSheet& sheet, const model::Center& center, const plan::PlannedRoster& r) {
  const auto& f = sheet.formats();
  const int days = r.weeks * 7;
  constexpr int kFirstDay = 3;
  std::map<model::EngineerIdx, std::vector<const model::PublishedShift*>> by_engineer;
  for (const auto& s : r.published) {
    auto& cells = by_engineer[s.engineer];
    cells.resize(days);
    const auto day = (s.day - r.first_day).count();
    if (day >= 0 && day < days) cells[day] = &s;
  }
  sheet.table_header(0, {{"Engineer", 12}, {"Name", 24}, {"City", 12}});
  for (int d = 0; d < days; ++d) {
    sheet.date(0, kFirstDay + d, r.first_day + std::chrono::days(d), f.day);
  }
  sheet.column_width(kFirstDay, kFirstDay + days - 1, 12);
  sheet.freeze(1, kFirstDay);
  int row = 0;
  for (const auto& [engineer, cells] : by_engineer) {
    const auto& e = center.engineers[engineer];
    ++row;
    sheet.text(row, 0, e.id);
    sheet.text(row, 1, e.name);
    sheet.text(row, 2, center.sites[e.site].city);
    for (int d = 0; d < days; ++d) {
      if (const auto* s = cells[d]) {
        sheet.text(row, kFirstDay + d,
                   center.shift_types[s->shift].id + " " + center.skills[s->skill].id);
      } else if (e.on_leave(r.first_day + std::chrono::days(d))) {
        sheet.text(row, kFirstDay + d, "leave");
      }
    }
  }
  sheet.autofilter(0, row, kFirstDay);
  const int last_col = kFirstDay + days - 1;
  sheet.highlight_text(1, kFirstDay, row, last_col, "leave", f.warn);
  for (const auto& type : center.shift_types) {
    if (type.night) sheet.highlight_prefix(1, kFirstDay, row, last_col, type.id + " ", f.night);
  }
}

void coverage_sheet(XlsxSheet& sheet, const model::Center& center, const plan::PlanResult& r) {
  const auto& f = sheet.formats();
  const auto rostered = rostered_by_hour(center, r.roster);
  sheet.table_header(0, {{"Skill", 20},
                         {"Hour (center time)", 14},
                         {"Tickets per hour", 12},
                         {"Engineers needed", 12},
                         {"Engineers rostered (fewest in any roster week)", 18},
                         {"Gap", 8}});
  int row = 0;
  for (const auto& need : r.coverage.needs) {
    for (int h = 0; h < model::kHoursPerWeek; ++h) {
      ++row;
      const int on_shift = rostered[need.skill][h];
      sheet.text(row, 0, center.skills[need.skill].id);
      sheet.text(row, 1, hour_label(h));
      sheet.number(row, 2, need.arrivals[h], f.decimal);
      sheet.count(row, 3, need.engineers[h]);
      sheet.count(row, 4, on_shift);
      sheet.count(row, 5, std::max(0, need.engineers[h] - on_shift));
    }
  }
  sheet.autofilter(0, row, 6);
  sheet.highlight(1, 5, row, 5, LXW_CONDITIONAL_CRITERIA_GREATER_THAN, 0, f.bad);
}

void write_plan_xlsx(const model::Center& center, const plan::PlanResult& r,
                     const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("plan workbook: cannot create " + path);
  try {
    const XlsxFormats formats = add_formats(workbook);
    std::string title = "rcc plan: " + center.name;
    lxw_doc_properties properties{};
    properties.title = title.data();
    check_xlsx(workbook_set_properties(workbook, &properties), "properties");
    const auto sheet = [&](const char* name, std::string_view stage, const auto& render) {
      XlsxSheet s(workbook, name, formats);
      if (stage_ok(r, stage)) {
        render(s);
      } else {
        not_run(s, r, stage);
      }
    };
    XlsxSheet summary(workbook, "Summary", formats);
    summary_sheet(summary, center, r);
    sheet("Roster", "roster", [&](XlsxSheet& s) { roster_sheet(s, center, r.roster); });
    sheet("Coverage", "roster", [&](XlsxSheet& s) { coverage_sheet(s, center, r); });
    sheet("Staffing", "staffing", [&](XlsxSheet& s) { staffing_sheet(s, center, r.staffing); });
    sheet("Hiring", "staffing", [&](XlsxSheet& s) { hiring_sheet(s, center, r.staffing); });
    sheet("Jobs created", "staffing", [&](XlsxSheet& s) { jobs_sheet(s, center, r.staffing); });
    sheet("SLA simulated week", "simulate", [&](XlsxSheet& s) { sla_sheet(s, r); });
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check_xlsx(workbook_close(workbook), "writing " + path);
}

}  // namespace rcc::report
