// rcc staff: the project staffing plan (assignments, upskilling, hires, site choice) on its own,
// printed, exported as JSON and CSV, and kept in the store when the center comes from one.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>

#include "cli/staff_report.h"
#include "cli/table.h"
#include "io/csv.h"
#include "model/dates.h"
#include "report/labels.h"
#include "report/plan_json.h"
#include "staffing/staffing_plan.h"
#include "store/store.h"

namespace rcc::cli {

std::string staffing_text(const model::Center& center, const staffing::StaffingResult& r) {
  std::ostringstream out;
  const auto j = report::staffing_json(center, r);
  out << "Staffing: " << r.slots.size() << " role heads, " << staffing::status_name(r.status)
      << " (objective " << static_cast<long>(std::lround(r.objective)) << ", bound "
      << static_cast<long>(std::lround(r.bound)) << "), fill rate from the pool "
      << fixed(r.fill_rate * 100) << "%\n";
  for (const auto& [source, n] : j["slots_by_source"].items()) {
    out << "  " << source << ": " << n.get<int>() << "\n";
  }
  out << "Jobs created: " << r.hires.size() << "\n";
  for (const auto& [city, n] : j["jobs_by_city"].items()) {
    out << "  " << city << ": " << n.get<int>() << "\n";
  }
  std::map<std::tuple<std::string, int, std::string, std::string>, int> grouped;
  for (const auto& h : j["hires"]) {
    ++grouped[{h["skill"].get<std::string>(), h["level"].get<int>(), h["joins"].get<std::string>(),
               h["city"].get<std::string>()}];
  }
  TextTable hires({"skill", "level", "joins", "city", "hires"});
  for (const auto& [key, n] : grouped) {
    const auto& [skill, level, joins, city] = key;
    hires.add_row({skill, std::to_string(level), joins, city, std::to_string(n)});
  }
  out << hires.render();
  for (const auto& s : r.sites) {
    if (s.opened)
      out << "Open " << center.sites[s.site].id << " (" << center.sites[s.site].city << ")\n";
  }
  if (r.seats_short > 0) {
    out << "Seats short: " << r.seats_short << " hires have no seat; every site is full:";
    for (const auto& s : r.sites) {
      if (s.open) out << " " << center.sites[s.site].id << " " << s.free_seats_after << " free;";
    }
    out << "\n";
  }
  int shown = 0;
  for (size_t i = 0; i < r.slots.size(); ++i) {
    if (r.plans[i].source != staffing::SlotSource::unfilled || shown >= 10) continue;
    if (shown++ == 0) out << "Unfilled:\n";
    out << "  " << report::slot_name(center, r.slots[i]) << ": " << r.plans[i].why << "\n";
  }
  return out.str();
}

int run_staff(const Source& source, const StaffOptions& options, const Output& out) {
  const auto loaded = load_source(source);
  const auto& center = loaded.center;
  staffing::StaffingOptions o;
  o.time_limit_seconds = options.time_limit_seconds;
  o.hiring_lead_months = options.hiring_lead_months;
  const auto result = staffing::plan_staffing(center, o);
  const auto j = report::staffing_json(center, result);
  if (!options.out_dir.empty()) {
    std::filesystem::create_directories(options.out_dir);
    std::ofstream(options.out_dir + "/staffing.json") << j.dump(2) << "\n";
    std::ofstream slots(options.out_dir + "/assignments.csv");
    slots << "slot,project,role,skill,min_level,fte,from,to,source,engineer,ready,why\n";
    for (const auto& s : j["slots"]) {
      std::string line;
      io::append_csv_row(
          line, {s["slot"], s["project"], s["role"], s["skill"],
                 std::to_string(s["min_level"].get<int>()), s["fte"].dump(), s["from"], s["to"],
                 s["source"], s["engineer"].is_null() ? "" : s["engineer"].get<std::string>(),
                 s["ready"], s["why"]});
      slots << line;
    }
    std::ofstream hires(options.out_dir + "/hires.csv");
    hires << "skill,level,joins,recruit_from,site,city,preferred_city,slots\n";
    for (const auto& h : j["hires"]) {
      std::string filled;
      for (const auto& s : h["slots"]) filled += (filled.empty() ? "" : ";") + s.get<std::string>();
      std::string line;
      io::append_csv_row(
          line, {h["skill"], std::to_string(h["level"].get<int>()), h["joins"], h["recruit_from"],
                 h["site"].is_null() ? "" : h["site"].get<std::string>(), h["city"],
                 h["preferred_city"], filled});
      hires << line;
    }
  }
  if (!source.db.empty()) {
    store::open_store(source.db)->save_result("staffing", j.dump());
  }
  if (out.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << staffing_text(center, result);
  }
  return kOk;
}

}  // namespace rcc::cli
