#include "report/labels.h"

#include <cstdio>

#include "model/dates.h"

namespace rcc::report {

std::string hour_label(int hour_of_week) {
  char text[32];
  std::snprintf(text, sizeof text, "%s %02d:00", kWeekdays[hour_of_week / 24].data(),
                hour_of_week % 24);
  return text;
}

std::string month_text(model::Date month) {
  return model::format_date(month).substr(0, 7);
}

std::string slot_name(const model::Center& center, const staffing::Slot& slot) {
  const auto& project = center.projects[slot.project];
  return project.id + "/" + project.roles[slot.role].id + "#" + std::to_string(slot.head + 1);
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.append(separator);
    out.append(item);
  }
  return out;
}

}  // namespace rcc::report
