// What the API's source files share and nothing else sees: the call a handler gets, the response
// helpers and role checks. Included by server/api*.cpp and server/handlers/*.cpp only.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/api.h"
#include "server/api_error.h"

namespace rcc::server {

using model::Instant;
using nlohmann::json;
using nlohmann::ordered_json;

struct Api::Call {
  const HttpRequest& request;
  Principal principal;
  std::vector<std::string> captures;
  const std::string& capture(size_t i) const { return captures.at(i); }
};
inline constexpr std::size_t kMaxPage = 500;
inline constexpr std::size_t kDefaultPage = 50;

// Invalid UTF-8 can only come from a request echoed in a message; it is replaced, never thrown.
inline std::string dump(const ordered_json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline HttpResponse json_response(int status, const ordered_json& body) {
  return {status, dump(body), "application/json"};
}

inline const std::string* query_value(const HttpRequest& r, std::string_view key) {
  for (const auto& [k, v] : r.query) {
    if (k == key) return &v;
  }
  return nullptr;
}

// The browser's session cookie.
inline constexpr std::string_view kSessionCookie = "rcc_session";

// The value of cookie `name` in a Cookie header ("a=1; b=2"), empty when absent.
inline std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    auto part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

inline bool is_role(const Principal& p, std::initializer_list<Role> roles) {
  return std::find(roles.begin(), roles.end(), p.role) != roles.end();
}

inline void require_role(const Principal& p, std::initializer_list<Role> roles) {
  if (!is_role(p, roles)) {
    throw forbidden("role " + std::string(role_name(p.role)) + " may not do this");
  }
}

template <class T>
std::optional<int> find_id(const std::vector<T>& items, std::string_view id) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace rcc::server
