#include "report/html.h"

namespace rcc::report::html {
namespace {

const char* const kStyle = R"css(
body { font: 11pt/1.4 system-ui, sans-serif; margin: 2rem; color: #1d2430; }
h1 { font-size: 18pt; margin: 0 0 .2rem; }
.totals { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0 1.5rem; }
.total { border: 1px solid #c9d1dc; border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.total b { display: block; font-size: 18pt; }
.breakdowns { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
table { border-collapse: collapse; margin: 0 0 1.5rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #dde3ea; padding: .2rem .6rem; text-align: left; }
th { background: #eef2f7; }
td.bad { background: #ffc7ce; color: #9c0006; }
.bar { display: inline-block; height: .7em; background: #4a78b5; vertical-align: middle; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; }
  table, .total { break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string row(const std::vector<std::string>& cells, const char* tag) {
  std::string out = "<tr>";
  for (const auto& c : cells) out += std::string("<") + tag + ">" + escape(c) + "</" + tag + ">";
  return out + "</tr>\n";
}

std::string table(const std::string& caption, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table><caption>" + escape(caption) + "</caption><thead>" + row(header, "th") +
                    "</thead><tbody>\n";
  for (const auto& r : rows) out += row(r);
  return out + "</tbody></table>\n";
}

std::string totals(const std::vector<std::pair<std::string, std::string>>& figures) {
  std::string out = "<div class=\"totals\">";
  for (const auto& [label, value] : figures) {
    out += "<div class=\"total\"><b>" + escape(value) + "</b>" + escape(label) + "</div>";
  }
  return out + "</div>\n";
}

std::string page_start(const std::string& title) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         escape(title) + "</title><style>" + kStyle + "</style></head><body>\n<h1>" +
         escape(title) + "</h1>\n";
}

}  // namespace rcc::report::html
