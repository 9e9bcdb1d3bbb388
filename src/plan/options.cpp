#include "plan/options.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <type_traits>

namespace rcc::plan {
namespace {

std::string number_text(double x) {
  std::ostringstream out;
  out.precision(15);
  out << x;
  return out.str();
}

template <class Value>
void check(const NumberOption& option, Value value) {
  const auto x = static_cast<double>(value);
  if (!(x >= option.lowest && x <= option.highest) || (option.integer && x != std::floor(x))) {
    throw OptionError(option.name, std::string(option.name) + " " + describe_bounds(option));
  }
}

void check(const ChoiceOption& option, const std::string& value) {
  if (std::find(option.choices.begin(), option.choices.end(), value) == option.choices.end()) {
    throw OptionError(option.name, std::string(option.name) + " " + describe_choices(option));
  }
}

}  // namespace

std::string bounds_text(const NumberOption& option) {
  std::string text = number_text(option.lowest) + ".." + number_text(option.highest);
  if (!option.unit.empty()) text += " (" + std::string(option.unit) + ")";
  return text;
}

std::string describe_bounds(const NumberOption& option) {
  return "must be " + std::string(option.integer ? "a whole number " : "") + bounds_text(option);
}

std::string describe_choices(const ChoiceOption& option) {
  std::string text = "must be ";
  for (size_t i = 0; i < option.choices.size(); ++i) {
    if (i > 0) text += i + 1 == option.choices.size() ? " or " : ", ";
    text += option.choices[i];
  }
  return text;
}

void validate(const PlanOptions& options) {
  auto copy = options;
  for_each_option(copy, [](const auto& option, const auto& value) { check(option, value); });
}

}  // namespace rcc::plan
