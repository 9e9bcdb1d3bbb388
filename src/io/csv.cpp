#include "io/csv.h"

namespace rcc::io {

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file,
                              Diagnostics& diagnostics) {
  std::vector<CsvRow> rows;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool row_done = false;
    while (!row_done) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (!closed) {
          diagnostics.error({file, quote_line}, "quoted field is never closed");
          return rows;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          diagnostics.error({file, line}, "unexpected character after a closing quote");
          while (i < text.size() && text[i] != ',' && text[i] != '\n') ++i;
        }
      } else {
        bool stray_quote = false;
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          stray_quote = stray_quote || text[i] == '"';
          field += text[i++];
        }
        if (stray_quote) diagnostics.error({file, line}, "quote inside an unquoted field");
      }
      row.fields.push_back(field);
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      row_done = true;
    }
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) rows.push_back(std::move(row));
  }
  return rows;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (size_t f = 0; f < fields.size(); ++f) {
    if (f > 0) out += ',';
    const auto& v = fields[f];
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      out += v;
      continue;
    }
    out += '"';
    for (char c : v) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += '\n';
}

}  // namespace rcc::io
