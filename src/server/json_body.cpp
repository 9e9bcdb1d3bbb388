#include "server/json_body.h"

#include <algorithm>

#include "server/api_error.h"

namespace rcc::server {
namespace {
struct TooDeep {};
}  // namespace

nlohmann::json parse_body(std::string_view body, int max_depth) {
  if (body.empty()) {
    throw ApiError(400, "malformed_json", "the request needs a JSON body", {{"position", 0}});
  }
  try {
    return nlohmann::json::parse(
        body, [max_depth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
          if (depth > max_depth) throw TooDeep{};
          return true;
        });
  } catch (const TooDeep&) {
    throw ApiError(400, "too_deep",
                   "JSON nested deeper than " + std::to_string(max_depth) + " levels",
                   {{"max_depth", max_depth}});
  } catch (const nlohmann::json::parse_error& e) {
    throw ApiError(400, "malformed_json", "malformed JSON at byte " + std::to_string(e.byte),
                   {{"position", e.byte}, {"reason", e.what()}});
  }
}

Fields::Fields(const nlohmann::json& value, std::string path, std::vector<std::string_view> known)
    : value_(&value), path_(std::move(path)) {
  if (!value.is_object()) {
    throw bad_request((path_.empty() ? std::string("the body") : path_) + " must be a JSON object",
                      path_.empty() ? "/" : path_);
  }
  for (const auto& [key, v] : value.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      throw ApiError(400, "unknown_field", "unknown field " + path_ + "/" + key,
                     {{"field", path_ + "/" + key}});
    }
  }
}

const nlohmann::json* Fields::member(std::string_view key, bool required) const {
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) {
    if (required) throw bad_request("missing field " + pointer(key), pointer(key));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Fields::text(std::string_view key, bool required, std::size_t max_length,
                                        std::size_t min_length) const {
  const auto* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) throw bad_request(pointer(key) + " must be a string", pointer(key));
  auto s = v->get<std::string>();
  if (s.size() > max_length || s.size() < min_length) {
    throw bad_request(pointer(key) + " must have " + std::to_string(min_length) + ".." +
                          std::to_string(max_length) + " characters",
                      pointer(key));
  }
  return s;
}

std::optional<std::int64_t> Fields::integer(std::string_view key, bool required, std::int64_t min,
                                            std::int64_t max) const {
  const auto* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    throw bad_request(pointer(key) + " must be an integer", pointer(key));
  }
  const bool huge = v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX;
  const auto n = huge ? max : v->get<std::int64_t>();
  if (huge || n < min || n > max) {
    throw bad_request(pointer(key) + " must be " + std::to_string(min) + ".." + std::to_string(max),
                      pointer(key));
  }
  return n;
}

std::optional<double> Fields::number(std::string_view key, bool required, double min,
                                     double max) const {
  const auto* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) throw bad_request(pointer(key) + " must be a number", pointer(key));
  const auto n = v->get<double>();
  if (!(n >= min && n <= max)) {
    throw bad_request(pointer(key) + " is out of range", pointer(key));
  }
  return n;
}

const nlohmann::json* Fields::array(std::string_view key, bool required,
                                    std::size_t max_items) const {
  const auto* v = member(key, required);
  if (v == nullptr) return nullptr;
  if (!v->is_array()) throw bad_request(pointer(key) + " must be an array", pointer(key));
  if (v->size() > max_items) {
    throw bad_request(pointer(key) + " has more than " + std::to_string(max_items) + " items",
                      pointer(key));
  }
  return v;
}

}  // namespace rcc::server
