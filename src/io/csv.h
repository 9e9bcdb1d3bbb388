// RFC 4180 CSV as HR systems export it: quoted fields with embedded commas, quotes and newlines,
// CRLF or LF line ends, an optional UTF-8 byte-order mark. Every row keeps its line number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostics.h"

namespace rcc::io {

struct CsvRow {
  int line = 0;  // line on which the record starts
  std::vector<std::string> fields;
};

// Parses `text` (the content of `file`). Syntax errors (a stray quote, an unterminated quoted
// field) are reported to `diagnostics`; the rows that parsed are returned.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file,
                              Diagnostics& diagnostics);

// Appends one record, quoting fields that need it, terminated by "\n".
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace rcc::io
