#include "plan/options_json.h"

#include <type_traits>

namespace rcc::plan {
namespace {

using Json = nlohmann::ordered_json;

template <class Option>
Json declaration_json(const Option& option) {
  Json j{{"name", option.name}, {"help", option.help}};
  if constexpr (std::is_same_v<Option, NumberOption>) {
    j["type"] = option.integer ? "integer" : "number";
    j["default"] = option.fallback;
    j["minimum"] = option.lowest;
    j["maximum"] = option.highest;
    j["unit"] = option.unit;
  } else {
    j["type"] = "string";
    j["default"] = option.fallback;
    j["choices"] = Json::array();
    for (const auto c : option.choices) j["choices"].push_back(c);
  }
  return j;
}

}  // namespace

Json options_json(const PlanOptions& options) {
  Json j = Json::object();
  auto copy = options;
  for_each_option(
      copy, [&](const auto& option, const auto& value) { j[std::string(option.name)] = value; });
  return j;
}

Json option_declarations_json() {
  Json j = Json::array();
  PlanOptions values;
  for_each_option(values,
                  [&](const auto& option, const auto&) { j.push_back(declaration_json(option)); });
  return j;
}

}  // namespace rcc::plan
