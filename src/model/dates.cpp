#include "model/dates.h"

#include <charconv>
#include <cstdio>

namespace rcc::model {
namespace {
bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}
}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string format_date(Date day) {
  const std::chrono::year_month_day ymd{day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<int> parse_clock(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  if (!parse_digits(text.substr(0, 2), h) || !parse_digits(text.substr(3, 2), m)) {
    return std::nullopt;
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock(int minute_of_day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return buf;
}

Date first_monday(Date day) {
  while (std::chrono::weekday{day} != std::chrono::Monday) day += std::chrono::days{1};
  return day;
}

Date month_start(Date day) {
  const std::chrono::year_month_day ymd{day};
  return Date{ymd.year() / ymd.month() / std::chrono::day{1}};
}

Date next_month(Date day) {
  const std::chrono::year_month_day ymd{day};
  return Date{(ymd.year() / ymd.month() + std::chrono::months{1}) / std::chrono::day{1}};
}

}  // namespace rcc::model
