#include "io/csv.h"

#include <gtest/gtest.h>

namespace rcc::io {
namespace {

TEST(Csv, QuotedFieldsCommasQuotesAndNewlines) {
  Diagnostics d;
  const auto rows = parse_csv(
      "id,name,note\nE1,\"Khan, Ayesha\",\"says \"\"hi\"\"\"\nE2,Bilal,\"two\nlines\"\nE3,Sara,\n",
      "x.csv", d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields[1], "Khan, Ayesha");
  EXPECT_EQ(rows[1].fields[2], "says \"hi\"");
  EXPECT_EQ(rows[2].fields[2], "two\nlines");
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 5);  // the quoted newline moved it down a line
  EXPECT_EQ(rows[3].fields.size(), 3u);
  EXPECT_EQ(rows[3].fields[2], "");
}

TEST(Csv, CrlfBomAndBlankLines) {
  Diagnostics d;
  const auto rows = parse_csv("\xEF\xBB\xBFid,name\r\n\r\nE1,Ayesha\r\nE2,Bilal", "x.csv", d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields[0], "id");
  EXPECT_EQ(rows[1].fields[1], "Ayesha");
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].fields[1], "Bilal");
}

TEST(Csv, MalformedQuotesAreReportedWithTheirLine) {
  Diagnostics d;
  parse_csv("id,name\nE1,Ay\"esha\nE2,\"Bilal\"x\n", "hr.csv", d);
  ASSERT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.items()[0].to_string(), "hr.csv:2: error: quote inside an unquoted field");
  EXPECT_EQ(d.items()[1].where.line, 3);

  Diagnostics unterminated;
  const auto rows = parse_csv("id,name\nE1,\"Ayesha\nE2,Bilal\n", "hr.csv", unterminated);
  ASSERT_EQ(unterminated.error_count(), 1);
  EXPECT_EQ(unterminated.items()[0].where.line, 2);
  EXPECT_EQ(rows.size(), 1u);
}

TEST(Csv, WriterQuotesOnlyWhatNeedsIt) {
  std::string out;
  append_csv_row(out, {"E1", "Khan, Ayesha", "say \"hi\"", "plain"});
  EXPECT_EQ(out, "E1,\"Khan, Ayesha\",\"say \"\"hi\"\"\",plain\n");
  Diagnostics d;
  const auto rows = parse_csv(out, "x.csv", d);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields[2], "say \"hi\"");
}

}  // namespace
}  // namespace rcc::io
