#include "server/static_files.h"

#include <sodium.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rcc::server {
namespace {

std::string content_type_of(const std::filesystem::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  const auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string etag_of(const std::string& body) {
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return "\"" + std::string(hex.data()) + "\"";
}

// Scripts and styles from rcc's own origin only; data: images for the charts' exports. ECharts
// sets element styles from script (CSSOM), which style-src does not govern.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

void add_security_headers(HttpResponse& response) {
  response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
}

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    File f{body.str(), content_type_of(entry.path()), {}};
    f.etag = etag_of(f.body);
    files_.emplace("/" + fs::relative(entry.path(), root).generic_string(), std::move(f));
  }
}

std::optional<HttpResponse> StaticFiles::get(const std::string& path) const {
  auto it = files_.find(path == "/" ? "/index.html" : path);
  const bool asset = path.rfind("/assets/", 0) == 0;
  // A path of the page's own (/board, /roster/E0001) loads the page; a missing asset is a 404.
  if (it == files_.end() && !asset && std::filesystem::path(path).extension().empty()) {
    it = files_.find("/index.html");
  }
  if (it == files_.end()) return std::nullopt;
  HttpResponse r{200, it->second.body, it->second.content_type, {}};
  // Vite names assets by their content: they never change under the same name.
  r.headers.emplace_back("Cache-Control",
                         asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("ETag", it->second.etag);
  return r;
}

}  // namespace rcc::server
