// The monthly SLA report as JSON, a printable page and a workbook.
#include <cstdio>

#include "calendar/zones.h"
#include "model/dates.h"
#include "report/html.h"
#include "report/sla_report.h"
#include "report/xlsx_sheet.h"

namespace rcc::report {
namespace {

Json share(const std::optional<double>& value) {
  return value ? Json(*value) : Json();
}

Json clock_json(const SlaClockCount& c) {
  return {{"met", c.met},
          {"breached", c.breached},
          {"pending", c.pending},
          {"attainment", share(c.attainment())}};
}

std::string percent(const std::optional<double>& value) {
  if (!value) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", *value * 100);
  return text;
}

std::string hours(long seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f h", static_cast<double>(seconds) / 3600);
  return text;
}

std::string month_label(model::Date month) {
  return model::format_date(month).substr(0, 7);
}

std::string local(model::Instant at, const std::string& zone) {
  return calendar::format_local(at, calendar::zone(zone)).substr(0, 16);
}

}  // namespace

Json sla_report_json(const SlaReport& r) {
  Json priorities = Json::array();
  for (const auto& p : r.priorities) {
    priorities.push_back({{"priority", model::kPriorityCodes[static_cast<size_t>(p.priority)]},
                          {"response_target_minutes", p.response_target_minutes},
                          {"resolution_target_minutes", p.resolution_target_minutes},
                          {"clock", p.around_the_clock ? "24x7" : "business"},
                          {"tickets", p.tickets},
                          {"response", clock_json(p.response)},
                          {"resolution", clock_json(p.resolution)},
                          {"waited_on_client", p.waited_on_client},
                          {"waiting_on_client_seconds", p.waiting_seconds}});
  }
  Json breaches = Json::array();
  for (const auto& b : r.breaches) {
    breaches.push_back(
        {{"ticket", b.ticket},
         {"priority", model::kPriorityCodes[static_cast<size_t>(b.priority)]},
         {"clock", b.clock},
         {"due", calendar::format_local(b.due, calendar::zone(r.timezone))},
         {"done",
          b.done ? Json(calendar::format_local(*b.done, calendar::zone(r.timezone))) : Json()},
         {"cause", b.cause}});
  }
  Json trend = Json::array();
  for (const auto& m : r.trend) {
    trend.push_back({{"month", month_label(m.month)},
                     {"tickets", m.tickets},
                     {"response", clock_json(m.response)},
                     {"resolution", clock_json(m.resolution)}});
  }
  return {{"client", r.client_id},
          {"name", r.client_name},
          {"timezone", r.timezone},
          {"month", month_label(r.month)},
          {"generated", calendar::format_utc(r.generated)},
          {"tickets", r.tickets},
          {"response", clock_json(r.response)},
          {"resolution", clock_json(r.resolution)},
          {"waiting_on_client_seconds", r.waiting_seconds},
          {"priorities", priorities},
          {"breaches", breaches},
          {"trend", trend}};
}

std::string sla_report_html(const SlaReport& r) {
  std::string out = html::page_start("SLA report " + month_label(r.month) + ": " + r.client_name);
  out += "<p>Tickets opened in " + month_label(r.month) + ", " + html::escape(r.timezone) +
         "; generated " + calendar::format_utc(r.generated) +
         ". Clocks count the client's own calendar (workweek, holidays) unless 24x7.</p>\n";
  out += html::totals({{"Response in target", percent(r.response.attainment())},
                       {"Resolution in target", percent(r.resolution.attainment())},
                       {"Tickets", std::to_string(r.tickets)},
                       {"Breaches", std::to_string(r.breaches.size())},
                       {"Waiting on the client", hours(r.waiting_seconds)}});
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : r.priorities) {
    rows.push_back({std::string(model::kPriorityCodes[static_cast<size_t>(p.priority)]),
                    std::to_string(p.response_target_minutes) + " / " +
                        std::to_string(p.resolution_target_minutes) + " min" +
                        (p.around_the_clock ? " (24x7)" : ""),
                    std::to_string(p.tickets), percent(p.response.attainment()),
                    std::to_string(p.response.breached), percent(p.resolution.attainment()),
                    std::to_string(p.resolution.breached),
                    std::to_string(p.response.pending + p.resolution.pending),
                    hours(p.waiting_seconds)});
  }
  out += html::table(
      "By priority",
      {"Priority", "Targets (response / resolution)", "Tickets", "Response", "Response breaches",
       "Resolution", "Resolution breaches", "Clocks pending", "Waiting on client"},
      rows);
  rows.clear();
  for (const auto& m : r.trend) {
    rows.push_back({month_label(m.month), std::to_string(m.tickets),
                    percent(m.response.attainment()), percent(m.resolution.attainment())});
  }
  out += html::table("Trend", {"Month", "Tickets", "Response in target", "Resolution in target"},
                     rows);
  rows.clear();
  for (const auto& b : r.breaches) {
    rows.push_back({std::to_string(b.ticket),
                    std::string(model::kPriorityCodes[static_cast<size_t>(b.priority)]), b.clock,
                    local(b.due, r.timezone), b.done ? local(*b.done, r.timezone) : "not yet",
                    b.cause});
  }
  out += html::table("Breaches and their cause (client time)",
                     {"Ticket", "Priority", "Clock", "Due", "Done", "Cause"}, rows);
  return out + std::string(html::kPageEnd);
}

void write_sla_report_xlsx(const SlaReport& r, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("SLA workbook: cannot create " + path);
  try {
    const XlsxFormats f = add_formats(workbook);
    XlsxSheet sheet(workbook, "By priority", f);
    sheet.table_header(0, {{"Priority", 9},
                           {"Response target (min)", 10},
                           {"Resolution target (min)", 10},
                           {"Tickets", 9},
                           {"Response met", 10},
                           {"Response breached", 10},
                           {"Response attainment", 11},
                           {"Resolution met", 10},
                           {"Resolution breached", 10},
                           {"Resolution attainment", 11},
                           {"Waiting on client (h)", 11}});
    int row = 0;
    for (const auto& p : r.priorities) {
      ++row;
      sheet.text(row, 0, model::kPriorityCodes[static_cast<size_t>(p.priority)]);
      sheet.count(row, 1, p.response_target_minutes);
      sheet.count(row, 2, p.resolution_target_minutes);
      sheet.count(row, 3, p.tickets);
      sheet.count(row, 4, p.response.met);
      sheet.count(row, 5, p.response.breached);
      if (const auto a = p.response.attainment()) sheet.number(row, 6, *a, f.percent);
      sheet.count(row, 7, p.resolution.met);
      sheet.count(row, 8, p.resolution.breached);
      if (const auto a = p.resolution.attainment()) sheet.number(row, 9, *a, f.percent);
      sheet.number(row, 10, static_cast<double>(p.waiting_seconds) / 3600, f.decimal);
    }
    sheet.autofilter(0, row, 11);
    sheet.highlight(1, 5, row, 5, LXW_CONDITIONAL_CRITERIA_GREATER_THAN, 0, f.bad);
    sheet.highlight(1, 8, row, 8, LXW_CONDITIONAL_CRITERIA_GREATER_THAN, 0, f.bad);
    XlsxSheet breaches(workbook, "Breaches", f);
    breaches.table_header(0, {{"Ticket", 9},
                              {"Priority", 9},
                              {"Clock", 11},
                              {"Due (client time)", 18},
                              {"Done (client time)", 18},
                              {"Cause", 60}});
    row = 0;
    for (const auto& b : r.breaches) {
      ++row;
      breaches.count(row, 0, static_cast<long>(b.ticket));
      breaches.text(row, 1, model::kPriorityCodes[static_cast<size_t>(b.priority)]);
      breaches.text(row, 2, b.clock);
      breaches.text(row, 3, local(b.due, r.timezone));
      if (b.done) breaches.text(row, 4, local(*b.done, r.timezone));
      breaches.text(row, 5, b.cause);
    }
    breaches.autofilter(0, row, 6);
    XlsxSheet trend(workbook, "Trend", f);
    trend.table_header(0, {{"Month", 10},
                           {"Tickets", 9},
                           {"Response attainment", 11},
                           {"Resolution attainment", 11}});
    row = 0;
    for (const auto& m : r.trend) {
      ++row;
      trend.date(row, 0, m.month, f.month);
      trend.count(row, 1, m.tickets);
      if (const auto a = m.response.attainment()) trend.number(row, 2, *a, f.percent);
      if (const auto a = m.resolution.attainment()) trend.number(row, 3, *a, f.percent);
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check_xlsx(workbook_close(workbook), "writing " + path);
}

}  // namespace rcc::report
