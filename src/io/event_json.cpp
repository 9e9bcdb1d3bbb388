#include "io/event_json.h"

namespace rcc::io {

nlohmann::ordered_json event_detail_json(const model::EventDetail& detail) {
  auto j = nlohmann::ordered_json::object();
  for (const auto& [key, v] : detail) {
    std::visit([&, &k = key](const auto& x) { j[k] = x; }, v.value);
  }
  return j;
}

std::string event_detail_text(const model::EventDetail& detail) {
  return event_detail_json(detail).dump();
}

model::EventDetail parse_event_detail(std::string_view text) {
  model::EventDetail detail;
  const auto j = nlohmann::ordered_json::parse(text);
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) {
      detail.emplace_back(key, nullptr);
    } else if (v.is_boolean()) {
      detail.emplace_back(key, v.get<bool>());
    } else if (v.is_number_integer()) {
      detail.emplace_back(key, v.get<std::int64_t>());
    } else if (v.is_number()) {
      detail.emplace_back(key, v.get<double>());
    } else if (v.is_string()) {
      detail.emplace_back(key, v.get<std::string>());
    } else {
      detail.emplace_back(key, v.dump());
    }
  }
  return detail;
}

}  // namespace rcc::io
