// The one shape of every API error: HTTP status, a stable code, a message for people and details
// for programs ({"field": "/path"}, {"position": 17}, ...).
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace rcc::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int http_status, std::string error_code, const std::string& message,
           nlohmann::json error_details = nlohmann::json::object())
      : std::runtime_error(message),
        status(http_status),
        code(std::move(error_code)),
        details(std::move(error_details)) {}
  int status;
  std::string code;
  nlohmann::json details;
};

inline ApiError bad_request(const std::string& message, const std::string& field) {
  return ApiError(400, "invalid_request", message, {{"field", field}});
}
inline ApiError not_found(const std::string& message) {
  return {404, "not_found", message};
}
inline ApiError forbidden(const std::string& message) {
  return {403, "forbidden", message};
}

}  // namespace rcc::server
