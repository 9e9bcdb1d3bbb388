// The dashboard's built assets (web/dist), read into memory when the server starts and served
// with the headers a browser needs: content types, long caching for the content-hashed files
// under /assets/, revalidation for the rest, and a strict Content-Security-Policy that allows no
// inline script. Paths that name no file fall back to index.html, so the page's own routes load.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "server/http_types.h"

namespace rcc::server {

// Headers every answer carries, JSON included: no sniffing, no framing, no referrer.
void add_security_headers(HttpResponse& response);

class StaticFiles {
 public:
  StaticFiles() = default;
  // Reads every file under `root`; an empty or missing root serves nothing.
  explicit StaticFiles(const std::string& root);
  bool empty() const { return files_.empty(); }
  std::optional<HttpResponse> get(const std::string& path) const;

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File> files_;  // by URL path, "/index.html"
};

}  // namespace rcc::server
