#include "io/json_cursor.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/dates.h"

namespace rcc::io {

std::optional<Json> parse_json(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const size_t offset = std::min(e.byte == 0 ? size_t{0} : e.byte - 1, text.size());
    const auto before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const auto line_start = before.rfind('\n');
    const int column =
        static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    std::string message = e.what();
    if (const auto at = message.find("syntax error"); at != std::string::npos) {
      message = message.substr(at);
    }
    diagnostics.error({file, line, column, ""}, message);
    return std::nullopt;
  }
}

namespace {
bool is_scalar_array(const Json& v) {
  return v.is_array() &&
         std::none_of(v.begin(), v.end(), [](const Json& x) { return x.is_structured(); });
}

void pretty(const Json& v, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent) + 2, ' ');
  if (v.is_object() && !v.empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, value] : v.items()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + Json(key).dump() + ": ";
      pretty(value, indent + 2, out);
    }
    out += "\n" + std::string(static_cast<size_t>(indent), ' ') + "}";
  } else if (v.is_array() && !v.empty() && !is_scalar_array(v)) {
    out += "[\n";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ",\n";
      out += pad;
      pretty(v[i], indent + 2, out);
    }
    out += "\n" + std::string(static_cast<size_t>(indent), ' ') + "]";
  } else if (v.is_array()) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ", ";
      out += v[i].dump();
    }
    out += "]";
  } else {
    out += v.dump();
  }
}

const char* type_name(const Json& v) {
  return v.type_name();
}
}  // namespace

std::string to_pretty_json(const Json& value) {
  std::string out;
  pretty(value, 0, out);
  out += '\n';
  return out;
}

std::string JsonCursor::child_path(std::string_view child) const {
  // Callers pass nested children as "sla/P1", so only '~' is escaped (RFC 6901).
  std::string out = path_ + "/";
  for (char c : child) {
    out += c == '~' ? std::string("~0") : std::string(1, c);
  }
  return child.empty() ? path_ : out;
}

Location JsonCursor::location(std::string_view child) const {
  std::string p = child_path(child);
  return {file_, 0, 0, p.empty() ? "/" : p};
}

void JsonCursor::error(std::string_view child, const std::string& message) const {
  diag_->error(location(child), message);
}

bool JsonCursor::has(std::string_view key) const {
  return node_->is_object() && node_->contains(key);
}

bool JsonCursor::expect_object(std::initializer_list<std::string_view> known) const {
  if (!node_->is_object()) {
    error({}, std::string("expected an object, found ") + type_name(*node_));
    return false;
  }
  for (const auto& [key, value] : node_->items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      error(key, "unknown field \"" + key + "\"");
    }
  }
  return true;
}

const Json* JsonCursor::field(std::string_view key, Need need) const {
  if (!node_->is_object()) return nullptr;
  const auto it = node_->find(key);
  if (it == node_->end() || it->is_null()) {
    if (need == Need::required) error(key, "missing required field");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonCursor::string(std::string_view key, Need need) const {
  const Json* v = field(key, need);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    error(key, std::string("expected a string, found ") + type_name(*v));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int> JsonCursor::integer(std::string_view key, Need need) const {
  const Json* v = field(key, need);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    error(key, std::string("expected an integer, found ") + type_name(*v));
    return std::nullopt;
  }
  const auto value = v->get<long long>();
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    error(key, "integer out of range");
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<double> JsonCursor::number(std::string_view key, Need need) const {
  const Json* v = field(key, need);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    error(key, std::string("expected a number, found ") + type_name(*v));
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> JsonCursor::boolean(std::string_view key, Need need) const {
  const Json* v = field(key, need);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    error(key, std::string("expected true or false, found ") + type_name(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<model::Date> JsonCursor::date(std::string_view key, Need need) const {
  const auto text = string(key, need);
  if (!text) return std::nullopt;
  const auto d = model::parse_date(*text);
  if (!d) error(key, "\"" + *text + "\" is not a date (YYYY-MM-DD)");
  return d;
}

std::optional<int> JsonCursor::clock(std::string_view key, Need need) const {
  const auto text = string(key, need);
  if (!text) return std::nullopt;
  const auto m = model::parse_clock(*text);
  if (!m) error(key, "\"" + *text + "\" is not a time of day (HH:MM)");
  return m;
}

std::vector<std::string> JsonCursor::strings(std::string_view key, Need need) const {
  std::vector<std::string> out;
  const Json* v = field(key, need);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    error(key, std::string("expected an array of strings, found ") + type_name(*v));
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) {
      error(std::string(key) + "/" + std::to_string(i), "expected a string");
      continue;
    }
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

std::vector<double> JsonCursor::numbers(std::string_view key, Need need) const {
  std::vector<double> out;
  const Json* v = field(key, need);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    error(key, std::string("expected an array of numbers, found ") + type_name(*v));
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_number()) {
      error(std::string(key) + "/" + std::to_string(i), "expected a number");
      out.push_back(std::nan(""));
      continue;
    }
    out.push_back((*v)[i].get<double>());
  }
  return out;
}

std::vector<JsonCursor> JsonCursor::array(std::string_view key, Need need) const {
  std::vector<JsonCursor> out;
  const Json* v = field(key, need);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    error(key, std::string("expected an array, found ") + type_name(*v));
    return out;
  }
  const std::string base = child_path(key);
  for (size_t i = 0; i < v->size(); ++i) {
    out.emplace_back((*v)[i], file_, base + "/" + std::to_string(i), *diag_);
  }
  return out;
}

std::optional<JsonCursor> JsonCursor::object(std::string_view key, Need need) const {
  const Json* v = field(key, need);
  if (v == nullptr) return std::nullopt;
  return JsonCursor(*v, file_, child_path(key), *diag_);
}

}  // namespace rcc::io
