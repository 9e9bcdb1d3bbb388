#include "io/history.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "calendar/zones.h"
#include "io/csv.h"

namespace rcc::io {

namespace {

using model::CallOutcome;
using model::CallRecord;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// "7:02:47" -> seconds after midnight; "0:00:00" is a stage that did not happen (nullopt value 0).
std::optional<long> clock_seconds(std::string_view s) {
  const auto c1 = s.find(':');
  const auto c2 = s.rfind(':');
  if (c1 == std::string_view::npos || c1 == c2) return std::nullopt;
  const auto h = to_long(s.substr(0, c1));
  const auto m = to_long(s.substr(c1 + 1, c2 - c1 - 1));
  const auto sec = to_long(s.substr(c2 + 1));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  return *h * 3600 + *m * 60 + *sec;
}

}  // namespace

model::CallLog read_anonymous_bank_log(std::string_view text, const std::string& file,
                                       Diagnostics& diagnostics) {
  static constexpr std::string_view kColumns[] = {
      "vru+line",  "call_id",   "customer_id", "priority", "type",   "date",
      "vru_entry", "vru_exit",  "vru_time",    "q_start",  "q_exit", "q_time",
      "outcome",   "ser_start", "ser_exit",    "ser_time", "server"};
  model::CallLog log;
  struct Row {
    model::Date day;
    CallRecord call;
  };
  std::vector<Row> rows;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto f = split_tabs(line);
    const Location at{file, line_no};
    if (line_no == 1) {
      if (f.size() != std::size(kColumns) ||
          !std::equal(f.begin(), f.end(), std::begin(kColumns))) {
        diagnostics.error(
            at, "not an Anonymous Bank log: expected the header " +
                    std::string("vru+line, call_id, ..., server (17 tab-separated columns)"));
        return log;
      }
      continue;
    }
    if (f.size() != std::size(kColumns)) {
      diagnostics.error(at, "expected 17 tab-separated fields, found " + std::to_string(f.size()));
      continue;
    }
    const auto date = to_long(f[5]);
    const auto vru_exit = clock_seconds(f[7]);
    const auto q_start = clock_seconds(f[9]);
    const auto q_time = to_long(f[11]);
    const auto ser_start = clock_seconds(f[13]);
    const auto ser_time = to_long(f[15]);
    const auto priority = to_long(f[3]);
    if (!date || *date < 0 || !vru_exit || !q_start || !q_time || !ser_start || !ser_time ||
        !priority) {
      diagnostics.error(at, "unreadable number or time (H:MM:SS)");
      continue;
    }
    const int yy = static_cast<int>(*date / 10000);
    const std::chrono::year_month_day ymd{
        std::chrono::year{yy < 50 ? 2000 + yy : 1900 + yy},
        std::chrono::month{static_cast<unsigned>(*date / 100 % 100)},
        std::chrono::day{static_cast<unsigned>(*date % 100)}};
    if (!ymd.ok()) {
      diagnostics.error(at, "date \"" + std::string(f[5]) + "\" is not YYMMDD");
      continue;
    }
    Row row{model::Date{ymd}, {}};
    auto& c = row.call;
    if (f[12] == "AGENT") {
      c.outcome = CallOutcome::answered;
    } else if (f[12] == "HANG") {
      c.outcome = CallOutcome::abandoned;
    } else if (f[12] == "PHANTOM") {
      c.outcome = CallOutcome::phantom;
    } else {
      diagnostics.error(at, "outcome \"" + std::string(f[12]) + "\" is not AGENT, HANG or PHANTOM");
      continue;
    }
    const bool queued = *q_start != 0;
    // Joined the queue at q_start; unqueued calls went from the VRU straight to an agent (whose
    // clock runs about a second behind the VRU's, so take the earlier of the two).
    c.arrival = queued ? static_cast<double>(*q_start)
                       : (c.outcome == CallOutcome::answered && *ser_start != 0
                              ? static_cast<double>(std::min(*vru_exit, *ser_start))
                              : static_cast<double>(*vru_exit));
    c.wait = static_cast<double>(*q_time);
    c.handle = c.outcome == CallOutcome::answered ? static_cast<double>(*ser_time) : 0.0;
    c.service_start = static_cast<double>(*ser_start);
    if (c.outcome == CallOutcome::answered && c.service_start + 43200 < c.arrival) {
      c.service_start += 86400;  // answered after midnight
    }
    c.priority = *priority >= 2 ? 1 : 2;  // priority customers ahead of regular ones
    c.type = std::string(f[4]);
    c.server = f[16] == "NO_SERVER" ? "" : std::string(f[16]);
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return log;
  log.first_day = std::min_element(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                    return a.day < b.day;
                  })->day;
  model::Date last = log.first_day;
  for (auto& r : rows) {
    const double offset = static_cast<double>((r.day - log.first_day).count()) * 86400.0;
    r.call.arrival += offset;
    r.call.service_start += offset;
    last = std::max(last, r.day);
    log.calls.push_back(std::move(r.call));
  }
  log.days = static_cast<int>((last - log.first_day).count()) + 1;
  std::stable_sort(log.calls.begin(), log.calls.end(),
                   [](const CallRecord& a, const CallRecord& b) { return a.arrival < b.arrival; });
  return log;
}

model::CallLog read_ticket_history_csv(std::string_view text, const std::string& file,
                                       Diagnostics& diagnostics) {
  model::CallLog log;
  const auto rows = parse_csv(text, file, diagnostics);
  if (rows.empty()) {
    diagnostics.error({file, 1}, "no header row");
    return log;
  }
  static constexpr const char* kRequired[] = {"id",      "client",   "skill",     "priority",
                                              "arrived", "answered", "abandoned", "handle_seconds"};
  std::map<std::string, int> column;
  for (int c = 0; c < static_cast<int>(rows[0].fields.size()); ++c) column[rows[0].fields[c]] = c;
  for (const auto& name : kRequired) {
    if (!column.contains(name))
      diagnostics.error({file, rows[0].line}, std::string("missing column \"") + name + "\"");
  }
  if (diagnostics.has_errors()) return log;
  std::vector<std::pair<model::Instant, CallRecord>> calls;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const Location at{file, row.line};
    if (row.fields.size() != rows[0].fields.size()) {
      diagnostics.error(at, "row has " + std::to_string(row.fields.size()) +
                                " fields, header has " + std::to_string(rows[0].fields.size()));
      continue;
    }
    const auto get = [&](const std::string& name) { return row.fields[column.at(name)]; };
    CallRecord c;
    c.client = get("client");
    c.type = get("skill");
    c.server = column.contains("engineer") ? get("engineer") : "";
    const auto priority = get("priority");
    if (priority.size() != 2 || priority[0] != 'P' || priority[1] < '1' || priority[1] > '4') {
      diagnostics.error(at, R"(column "priority": ")" + priority + R"(" is not P1..P4)");
      continue;
    }
    c.priority = priority[1] - '1';
    const auto arrived = calendar::parse_instant(get("arrived"));
    if (!arrived) {
      diagnostics.error(at, R"(column "arrived": ")" + get("arrived") +
                                R"x(" is not an ISO-8601 instant (2027-03-10T09:00:00+03:00))x");
      continue;
    }
    const auto answered = calendar::parse_instant(get("answered"));
    const auto abandoned = calendar::parse_instant(get("abandoned"));
    if (!get("answered").empty() && !answered) {
      diagnostics.error(at, "column \"answered\": not an ISO-8601 instant");
      continue;
    }
    if (!get("abandoned").empty() && !abandoned) {
      diagnostics.error(at, "column \"abandoned\": not an ISO-8601 instant");
      continue;
    }
    if (answered && abandoned) {
      diagnostics.error(at, "a ticket is either answered or abandoned, not both");
      continue;
    }
    const auto end = answered ? answered : abandoned;
    if (end && *end < *arrived) {
      diagnostics.error(at, "ends before it arrives");
      continue;
    }
    c.outcome = answered ? CallOutcome::answered
                         : (abandoned ? CallOutcome::abandoned : CallOutcome::phantom);
    c.wait = end ? static_cast<double>((*end - *arrived).count()) : 0.0;
    if (answered) {
      const auto handle = to_long(get("handle_seconds"));
      if (!handle || *handle <= 0) {
        diagnostics.error(at,
                          "column \"handle_seconds\": an answered ticket needs a positive "
                          "handle time in seconds");
        continue;
      }
      c.handle = static_cast<double>(*handle);
    }
    calls.emplace_back(*arrived, std::move(c));
  }
  if (calls.empty()) return log;
  std::stable_sort(calls.begin(), calls.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  log.first_day = std::chrono::floor<std::chrono::days>(calls.front().first);
  const auto origin = model::Instant{log.first_day};
  for (auto& [instant, c] : calls) {
    c.arrival = static_cast<double>((instant - origin).count());
    c.service_start = c.arrival + c.wait;
    log.calls.push_back(std::move(c));
  }
  log.days = static_cast<int>(log.calls.back().arrival / 86400) + 1;
  return log;
}

}  // namespace rcc::io
