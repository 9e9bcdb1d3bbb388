#include "cli/plan_options.h"

#include <algorithm>
#include <string>

namespace rcc::cli {
namespace {

std::string flag(std::string_view name) {
  std::string text = "--" + std::string(name);
  std::replace(text.begin(), text.end(), '_', '-');
  return text;
}

template <class Value>
void add(CLI::App* command, const plan::NumberOption& option, Value& value) {
  command
      ->add_option(flag(option.name), value,
                   std::string(option.help) + " [" + plan::bounds_text(option) + "]")
      ->capture_default_str()
      ->check(CLI::Range(option.lowest, option.highest));
}

void add(CLI::App* command, const plan::ChoiceOption& option, std::string& value) {
  std::vector<std::string> choices(option.choices.begin(), option.choices.end());
  command->add_option(flag(option.name), value, std::string(option.help))
      ->capture_default_str()
      ->check(CLI::IsMember(choices));
}

}  // namespace

void add_plan_options(CLI::App* command, plan::PlanOptions& values,
                      const std::vector<std::string_view>& names) {
  plan::for_each_option(values, [&](const auto& option, auto& value) {
    if (names.empty() || std::find(names.begin(), names.end(), option.name) != names.end()) {
      add(command, option, value);
    }
  });
}

}  // namespace rcc::cli
