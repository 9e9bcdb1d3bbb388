#include "roster/benchmark_format.h"

#include <charconv>
#include <map>
#include <optional>

namespace rcc::roster {

using io::Diagnostics;
using io::InputError;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const auto at = s.find(sep, start);
    out.push_back(trim(s.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

bool to_int(std::string_view s, int& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

struct Line {
  int number;
  std::string_view text;
};

// The instance file's sections, read one by one with every error kept (file:line).
class InstanceReader {
 public:
  InstanceReader(std::string_view text, const std::string& file) : file_(file) {
    split_sections(text);
  }

  roster::Problem read() {
    read_horizon();
    read_shifts();
    read_staff();
    read_days_off();
    read_requests("SECTION_SHIFT_ON_REQUESTS", problem_.on_requests);
    read_requests("SECTION_SHIFT_OFF_REQUESTS", problem_.off_requests);
    read_cover();
    if (diag_.has_errors()) throw InputError(diag_);
    return std::move(problem_);
  }

 private:
  void split_sections(std::string_view text) {
    std::string current;
    int number = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      auto end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      const auto line = trim(text.substr(pos, end - pos));
      ++number;
      pos = end + 1;
      if (line.empty() || line.front() == '#') {
        if (end == text.size()) break;
        continue;
      }
      if (line.rfind("SECTION_", 0) == 0) {
        current = std::string(line);
        if (sections_.contains(current)) diag_.error({file_, number}, current + " appears twice");
        sections_[current];
      } else if (current.empty()) {
        diag_.error({file_, number}, "data before the first SECTION_ header");
      } else {
        sections_[current].push_back({number, line});
      }
      if (end == text.size()) break;
    }
  }

  const std::vector<Line>& section(const char* name) {
    static const std::vector<Line> none;
    const auto it = sections_.find(name);
    if (it == sections_.end()) {
      diag_.error({file_}, std::string("missing ") + name);
      return none;
    }
    return it->second;
  }

  void read_horizon() {
    const auto& horizon = section("SECTION_HORIZON");
    if (horizon.size() != 1 || !to_int(horizon[0].text, problem_.days) || problem_.days <= 0) {
      diag_.error({file_, horizon.empty() ? 0 : horizon[0].number},
                  "SECTION_HORIZON must hold one positive number of days");
      throw InputError(diag_);
    }
  }

  void read_shifts() {
    const auto& shift_lines = section("SECTION_SHIFTS");
    for (const auto& l : shift_lines) {
      const auto f = split(l.text, ',');
      roster::ShiftType s;
      if (f.size() < 2 || f[0].empty() || !to_int(f[1], s.minutes) || s.minutes <= 0) {
        diag_.error({file_, l.number},
                    "expected: ShiftID, length in minutes, forbidden successors");
        continue;
      }
      s.id = std::string(f[0]);
      if (!shift_ids_.emplace(s.id, static_cast<roster::ShiftIdx>(problem_.shifts.size())).second) {
        diag_.error({file_, l.number}, "shift " + s.id + " defined twice");
        continue;
      }
      problem_.shifts.push_back(std::move(s));
    }
    // Successors may name shifts defined further down, so they are resolved in a second pass.
    for (size_t k = 0, t = 0; k < shift_lines.size() && t < problem_.shifts.size(); ++k) {
      const auto f = split(shift_lines[k].text, ',');
      if (f.size() < 2 || f[0] != problem_.shifts[t].id) continue;
      if (f.size() > 2 && !f[2].empty()) {
        for (const auto next : split(f[2], '|')) {
          const auto it = shift_ids_.find(next);
          if (it == shift_ids_.end()) {
            diag_.error({file_, shift_lines[k].number},
                        "unknown shift \"" + std::string(next) + "\"");
          } else {
            problem_.shifts[t].forbidden_next.push_back(it->second);
          }
        }
      }
      ++t;
    }
  }

  std::optional<roster::ShiftIdx> shift_of(std::string_view id, int line) {
    const auto it = shift_ids_.find(id);
    if (it == shift_ids_.end()) {
      diag_.error({file_, line}, "unknown shift \"" + std::string(id) + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  void read_staff() {
    for (const auto& l : section("SECTION_STAFF")) {
      const auto f = split(l.text, ',');
      roster::Employee e;
      e.max_shifts.assign(problem_.shifts.size(), 0);
      if (f.size() != 8 || f[0].empty() || !to_int(f[2], e.max_total_minutes) ||
          !to_int(f[3], e.min_total_minutes) || !to_int(f[4], e.max_consecutive_shifts) ||
          !to_int(f[5], e.min_consecutive_shifts) || !to_int(f[6], e.min_consecutive_days_off) ||
          !to_int(f[7], e.max_weekends)) {
        diag_.error(
            {file_, l.number},
            "expected: ID, MaxShifts (T=n|...), MaxTotalMinutes, MinTotalMinutes, "
            "MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends");
        continue;
      }
      e.id = std::string(f[0]);
      for (const auto item : split(f[1], '|')) {
        const auto eq = item.find('=');
        int n = 0;
        if (eq == std::string_view::npos || !to_int(item.substr(eq + 1), n) || n < 0) {
          diag_.error({file_, l.number},
                      "MaxShifts item \"" + std::string(item) + "\" is not ShiftID=count");
          continue;
        }
        if (const auto t = shift_of(item.substr(0, eq), l.number)) e.max_shifts[*t] = n;
      }
      if (e.min_total_minutes > e.max_total_minutes) {
        diag_.error({file_, l.number}, "MinTotalMinutes above MaxTotalMinutes");
      }
      if (!staff_ids_.emplace(e.id, static_cast<int>(problem_.employees.size())).second) {
        diag_.error({file_, l.number}, "employee " + e.id + " defined twice");
        continue;
      }
      problem_.employees.push_back(std::move(e));
    }
  }

  std::optional<int> employee_of(std::string_view id, int line) {
    const auto it = staff_ids_.find(id);
    if (it == staff_ids_.end()) {
      diag_.error({file_, line}, "unknown employee \"" + std::string(id) + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  std::optional<int> day_of(std::string_view s, int line) {
    int day = 0;
    if (!to_int(s, day) || day < 0 || day >= problem_.days) {
      diag_.error({file_, line}, "day \"" + std::string(s) + "\" is outside 0.." +
                                     std::to_string(problem_.days - 1));
      return std::nullopt;
    }
    return day;
  }

  void read_days_off() {
    for (const auto& l : section("SECTION_DAYS_OFF")) {
      const auto f = split(l.text, ',');
      const auto e = employee_of(f[0], l.number);
      if (!e) continue;
      for (size_t k = 1; k < f.size(); ++k) {
        if (const auto day = day_of(f[k], l.number))
          problem_.employees[*e].days_off.push_back(*day);
      }
    }
  }

  void read_requests(const char* name, std::vector<roster::Request>& out) {
    for (const auto& l : section(name)) {
      const auto f = split(l.text, ',');
      if (f.size() != 4) {
        diag_.error({file_, l.number}, "expected: EmployeeID, Day, ShiftID, Weight");
        continue;
      }
      const auto e = employee_of(f[0], l.number);
      const auto day = day_of(f[1], l.number);
      const auto t = shift_of(f[2], l.number);
      int weight = 0;
      if (!to_int(f[3], weight) || weight < 0) {
        diag_.error({file_, l.number}, "weight must be a non-negative integer");
        continue;
      }
      if (e && day && t) out.push_back({*e, *day, *t, weight});
    }
  }

  void read_cover() {
    problem_.cover.assign(static_cast<size_t>(problem_.days) * problem_.shifts.size(), {});
    for (const auto& l : section("SECTION_COVER")) {
      const auto f = split(l.text, ',');
      roster::Cover c;
      if (f.size() != 5 || !to_int(f[2], c.requirement) || !to_int(f[3], c.under_weight) ||
          !to_int(f[4], c.over_weight) || c.requirement < 0 || c.under_weight < 0 ||
          c.over_weight < 0) {
        diag_.error({file_, l.number},
                    "expected: Day, ShiftID, Requirement, Weight for under, Weight for over");
        continue;
      }
      const auto day = day_of(f[0], l.number);
      const auto t = shift_of(f[1], l.number);
      if (day && t) problem_.cover[static_cast<size_t>(*day) * problem_.shifts.size() + *t] = c;
    }
  }

  const std::string& file_;
  Diagnostics diag_;
  std::map<std::string, std::vector<Line>> sections_;
  roster::Problem problem_;
  std::map<std::string, roster::ShiftIdx, std::less<>> shift_ids_;
  std::map<std::string, int, std::less<>> staff_ids_;
};

}  // namespace

roster::Problem read_curtois_instance(std::string_view text, const std::string& file) {
  return InstanceReader(text, file).read();
}

roster::Roster read_roster_grid(std::string_view text, const std::string& file,
                                const roster::Problem& p) {
  Diagnostics d;
  roster::Roster r;
  std::map<std::string, roster::ShiftIdx, std::less<>> ids;
  for (size_t t = 0; t < p.shifts.size(); ++t)
    ids.emplace(p.shifts[t].id, static_cast<roster::ShiftIdx>(t));
  int number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == '#') continue;
    if (trim(line).empty() && line.find('\t') == std::string_view::npos) continue;
    std::vector<std::string_view> f;
    size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      f.push_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    // A trailing tab after the last day is common; drop extra empty fields.
    while (static_cast<int>(f.size()) > p.days && f.back().empty()) f.pop_back();
    if (static_cast<int>(f.size()) != p.days) {
      d.error({file, number}, "expected " + std::to_string(p.days) + " tab-separated days, found " +
                                  std::to_string(f.size()));
      continue;
    }
    std::vector<roster::ShiftIdx> row(p.days, roster::kOff);
    for (int day = 0; day < p.days; ++day) {
      if (f[day].empty()) continue;
      const auto it = ids.find(f[day]);
      if (it == ids.end()) {
        d.error({file, number},
                "day " + std::to_string(day) + ": unknown shift \"" + std::string(f[day]) + "\"");
        continue;
      }
      row[day] = it->second;
    }
    r.push_back(std::move(row));
  }
  if (!d.has_errors() && r.size() != p.employees.size()) {
    d.error({file}, "expected " + std::to_string(p.employees.size()) +
                        " rows (one per employee), found " + std::to_string(r.size()));
  }
  if (d.has_errors()) throw InputError(d);
  return r;
}

std::string write_roster_grid(const roster::Problem& p, const roster::Roster& r) {
  std::string out;
  for (const auto& row : r) {
    for (int day = 0; day < p.days; ++day) {
      if (day > 0) out += '\t';
      if (row[day] != roster::kOff) out += p.shifts[row[day]].id;
    }
    out += '\n';
  }
  return out;
}

}  // namespace rcc::roster
