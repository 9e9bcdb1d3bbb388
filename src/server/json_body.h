// Request bodies: JSON parsed under a depth limit, with the byte position of a syntax error, and
// objects whose members are checked against what the endpoint knows: an unknown or mistyped
// member is a 400 naming its JSON pointer.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rcc::server {

// Throws ApiError 400 (code "malformed_json" with details.position, or "too_deep").
nlohmann::json parse_body(std::string_view body, int max_depth);

class Fields {
 public:
  // Throws ApiError 400 when `value` is not an object or has a member outside `known`.
  Fields(const nlohmann::json& value, std::string path, std::vector<std::string_view> known);

  std::optional<std::string> text(std::string_view key, bool required, std::size_t max_length,
                                  std::size_t min_length = 0) const;
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min,
                                      std::int64_t max) const;
  std::optional<double> number(std::string_view key, bool required, double min, double max) const;
  // The member if it is an array (of at most `max_items`), nullptr when absent and not required.
  const nlohmann::json* array(std::string_view key, bool required, std::size_t max_items) const;
  std::string pointer(std::string_view key) const { return path_ + "/" + std::string(key); }

 private:
  const nlohmann::json* member(std::string_view key, bool required) const;

  const nlohmann::json* value_;
  std::string path_;
};

}  // namespace rcc::server
