#include "server/plan_run_params.h"

#include <limits>
#include <string>
#include <vector>

#include "server/api_error.h"
#include "server/json_body.h"

namespace rcc::server {
namespace {

constexpr double kAnyNumber = std::numeric_limits<double>::max();

template <class Value>
void read(const Fields& fields, const plan::NumberOption& option, Value& value) {
  if (option.integer) {
    const auto n = fields.integer(option.name, false, std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max());
    if (!n) return;
    // Out of the value's own range is out of the declared bounds too.
    if (*n < static_cast<std::int64_t>(option.lowest) ||
        *n > static_cast<std::int64_t>(option.highest)) {
      throw plan::OptionError(option.name,
                              std::string(option.name) + " " + plan::describe_bounds(option));
    }
    value = static_cast<Value>(*n);
  } else if (const auto x = fields.number(option.name, false, -kAnyNumber, kAnyNumber)) {
    value = static_cast<Value>(*x);
  }
}

void read(const Fields& fields, const plan::ChoiceOption& option, std::string& value) {
  if (const auto word = fields.text(option.name, false, 64)) value = *word;
}

}  // namespace

plan::PlanOptions parse_plan_run_params(const nlohmann::json& body) {
  plan::PlanOptions options;
  std::vector<std::string_view> known;
  plan::for_each_option(options,
                        [&](const auto& option, const auto&) { known.push_back(option.name); });
  const Fields fields(body, "", known);
  try {
    plan::for_each_option(options,
                          [&](const auto& option, auto& value) { read(fields, option, value); });
    plan::validate(options);
  } catch (const plan::OptionError& e) {
    throw bad_request(e.what(), "/" + e.option());
  }
  return options;
}

}  // namespace rcc::server
