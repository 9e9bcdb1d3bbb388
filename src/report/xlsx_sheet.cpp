#include "report/xlsx_sheet.h"

#include <date/date.h>

#include <stdexcept>

namespace rcc::report {
namespace {

lxw_format* format(lxw_workbook* wb, const char* number_format = nullptr) {
  lxw_format* f = workbook_add_format(wb);
  if (number_format != nullptr) format_set_num_format(f, number_format);
  return f;
}

lxw_format* fill(lxw_workbook* wb, lxw_color_t background, lxw_color_t font) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bg_color(f, background);
  format_set_font_color(f, font);
  return f;
}

lxw_row_t row_of(int row) {
  return static_cast<lxw_row_t>(row);
}
lxw_col_t col_of(int col) {
  return static_cast<lxw_col_t>(col);
}

}  // namespace

void check_xlsx(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error("plan workbook: " + std::string(what) + ": " + lxw_strerror(error));
  }
}

XlsxFormats add_formats(lxw_workbook* wb) {
  XlsxFormats f;
  f.title = format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.header = format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE4EE);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.date = format(wb, "yyyy-mm-dd");
  f.day = format(wb, "ddd dd mmm");
  format_set_bold(f.day);
  format_set_bg_color(f.day, 0xDDE4EE);
  format_set_bottom(f.day, LXW_BORDER_THIN);
  f.month = format(wb, "mmm yyyy");
  f.percent = format(wb, "0.0%");
  f.decimal = format(wb, "0.00");
  f.integer = format(wb, "0");
  f.money = format(wb, "#,##0");
  f.wrap = format(wb);
  format_set_text_wrap(f.wrap);
  f.bad = fill(wb, 0xFFC7CE, 0x9C0006);
  f.warn = fill(wb, 0xFFEB9C, 0x9C5700);
  f.night = fill(wb, 0xD9D2E9, 0x20124D);
  f.good = fill(wb, 0xC6EFCE, 0x006100);
  return f;
}

XlsxSheet::XlsxSheet(lxw_workbook* workbook, const char* name, const XlsxFormats& formats)
    : sheet_(workbook_add_worksheet(workbook, name)), formats_(formats) {
  if (sheet_ == nullptr) throw std::runtime_error(std::string("plan workbook: sheet ") + name);
}

void XlsxSheet::table_header(int row, const std::vector<XlsxColumn>& columns, bool frozen) {
  for (size_t c = 0; c < columns.size(); ++c) {
    const int col = static_cast<int>(c);
    text(row, col, columns[c].name, formats_.header);
    column_width(col, col, columns[c].width);
  }
  if (frozen) freeze(row + 1, 0);
}

void XlsxSheet::autofilter(int first_row, int last_row, int columns) {
  if (columns == 0) return;
  check_xlsx(
      worksheet_autofilter(sheet_, row_of(first_row), 0, row_of(last_row), col_of(columns - 1)),
      "autofilter");
}

void XlsxSheet::text(int row, int col, std::string_view value, lxw_format* format) {
  const std::string s(value);
  check_xlsx(worksheet_write_string(sheet_, row_of(row), col_of(col), s.c_str(), format), s);
}

void XlsxSheet::number(int row, int col, double value, lxw_format* format) {
  check_xlsx(worksheet_write_number(sheet_, row_of(row), col_of(col), value, format), "number");
}

void XlsxSheet::count(int row, int col, long value) {
  number(row, col, static_cast<double>(value), formats_.integer);
}

void XlsxSheet::date(int row, int col, model::Date value, lxw_format* format) {
  const date::year_month_day ymd{value};
  lxw_datetime d{static_cast<int>(ymd.year()),
                 static_cast<int>(static_cast<unsigned>(ymd.month())),
                 static_cast<int>(static_cast<unsigned>(ymd.day())),
                 0,
                 0,
                 0};
  check_xlsx(worksheet_write_datetime(sheet_, row_of(row), col_of(col), &d,
                                      format != nullptr ? format : formats_.date),
             "date");
}

void XlsxSheet::boolean(int row, int col, bool value) {
  check_xlsx(worksheet_write_boolean(sheet_, row_of(row), col_of(col), value ? 1 : 0, nullptr),
             "boolean");
}

void XlsxSheet::blank(int row, int col) {
  check_xlsx(worksheet_write_blank(sheet_, row_of(row), col_of(col), nullptr), "blank");
}

void XlsxSheet::highlight(int first_row, int first_col, int last_row, int last_col,
                          uint8_t criteria, double value, lxw_format* format) {
  if (last_row < first_row) return;
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = criteria;
  rule.value = value;
  rule.format = format;
  check_xlsx(worksheet_conditional_format_range(sheet_, row_of(first_row), col_of(first_col),
                                                row_of(last_row), col_of(last_col), &rule),
             "conditional format");
}

void XlsxSheet::highlight_prefix(int first_row, int first_col, int last_row, int last_col,
                                 const std::string& prefix, lxw_format* format) {
  if (last_row < first_row) return;
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_TEXT;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
  std::string value = prefix;
  rule.value_string = value.data();
  rule.format = format;
  check_xlsx(worksheet_conditional_format_range(sheet_, row_of(first_row), col_of(first_col),
                                                row_of(last_row), col_of(last_col), &rule),
             "conditional format");
}

void XlsxSheet::highlight_text(int first_row, int first_col, int last_row, int last_col,
                               const std::string& text, lxw_format* format) {
  if (last_row < first_row) return;
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  std::string quoted = "\"" + text + "\"";
  rule.value_string = quoted.data();
  rule.format = format;
  check_xlsx(worksheet_conditional_format_range(sheet_, row_of(first_row), col_of(first_col),
                                                row_of(last_row), col_of(last_col), &rule),
             "conditional format");
}

void XlsxSheet::freeze(int rows, int cols) {
  worksheet_freeze_panes(sheet_, row_of(rows), col_of(cols));
}

void XlsxSheet::column_width(int first_col, int last_col, double width) {
  check_xlsx(worksheet_set_column(sheet_, col_of(first_col), col_of(last_col), width, nullptr),
             "column width");
}

}  // namespace rcc::report
