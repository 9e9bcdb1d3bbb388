// A thin layer over libxlsxwriter for the plan workbook: a workbook that throws on any error
// (so a report is whole or not written), the formats every sheet shares, and a sheet that
// writes real cell types (dates as dates, numbers as numbers) and tables with a frozen header,
// an autofilter and column widths.
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/types.h"

namespace rcc::report {

struct XlsxFormats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* date = nullptr;   // 2027-01-04
  lxw_format* day = nullptr;    // Mon 04 Jan, for roster columns
  lxw_format* month = nullptr;  // Jan 2027
  lxw_format* percent = nullptr;
  lxw_format* decimal = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* money = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* bad = nullptr;   // gaps, breaches, unfilled: conditional formats
  lxw_format* warn = nullptr;  // hires, leave
  lxw_format* night = nullptr;
  lxw_format* good = nullptr;
};

struct XlsxColumn {
  std::string name;
  double width = 12;
};

class XlsxSheet {
 public:
  XlsxSheet(lxw_workbook* workbook, const char* name, const XlsxFormats& formats);

  // The header row at `row`, frozen unless told, and the column widths.
  void table_header(int row, const std::vector<XlsxColumn>& columns, bool frozen = true);
  void autofilter(int first_row, int last_row, int columns);

  void text(int row, int col, std::string_view value, lxw_format* format = nullptr);
  void number(int row, int col, double value, lxw_format* format = nullptr);
  // A whole number: a count of heads, tickets or shifts.
  void count(int row, int col, long value);
  void date(int row, int col, model::Date value, lxw_format* format = nullptr);
  void boolean(int row, int col, bool value);
  void blank(int row, int col);

  // `format` on the cells of the range whose value is `criteria` than `value`.
  void highlight(int first_row, int first_col, int last_row, int last_col, uint8_t criteria,
                 double value, lxw_format* format);
  // `format` on the text cells of the range that begin with `prefix`.
  void highlight_prefix(int first_row, int first_col, int last_row, int last_col,
                        const std::string& prefix, lxw_format* format);
  // `format` on the text cells of the range equal to `text`.
  void highlight_text(int first_row, int first_col, int last_row, int last_col,
                      const std::string& text, lxw_format* format);

  void freeze(int rows, int cols);
  void column_width(int first_col, int last_col, double width);

  lxw_worksheet* raw() { return sheet_; }
  const XlsxFormats& formats() const { return formats_; }

 private:
  lxw_worksheet* sheet_;
  const XlsxFormats& formats_;
};

// Throws std::runtime_error naming the call when `error` is not LXW_NO_ERROR.
void check_xlsx(lxw_error error, std::string_view what);

// The shared formats of a new workbook.
XlsxFormats add_formats(lxw_workbook* workbook);

}  // namespace rcc::report
