// The few pieces every printable report page shares: escaping, tables, headline figures and one
// style sheet that prints to A4. Pages are self-contained: no script, no external file.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rcc::report::html {

std::string escape(std::string_view text);
std::string row(const std::vector<std::string>& cells, const char* tag = "td");
std::string table(const std::string& caption, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows);
// Big figures with their labels, first on a page.
std::string totals(const std::vector<std::pair<std::string, std::string>>& figures);
// "<!doctype html>...<body>" with the title as <title> and <h1>.
std::string page_start(const std::string& title);
inline constexpr std::string_view kPageEnd = "</body></html>\n";

}  // namespace rcc::report::html
