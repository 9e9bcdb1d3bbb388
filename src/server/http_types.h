// A request in and a response out, as the API sees them, independent of the HTTP library.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace rcc::server {

struct HttpRequest {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::string authorization;  // the Authorization header
  std::string cookie;         // the Cookie header
  std::string csrf_token;     // the X-CSRF-Token header
  std::string remote_address;
  std::string content_type;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

}  // namespace rcc::server
