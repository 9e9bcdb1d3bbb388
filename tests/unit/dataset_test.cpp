#include "io/dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "io/json_cursor.h"
#include "test_center.h"

namespace rcc::io {
namespace {

DatasetFiles tiny_files() {
  return write_dataset(testing::tiny_center());
}

std::vector<std::string> errors_of(const LoadedDataset& loaded) {
  std::vector<std::string> out;
  for (const auto& d : loaded.diagnostics.items()) {
    if (d.severity == Severity::error) out.push_back(d.to_string());
  }
  return out;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(Dataset, WriteThenParseGivesTheSameCenterAndBytes) {
  const auto files = tiny_files();
  const auto loaded = parse_dataset(files, "");
  EXPECT_TRUE(errors_of(loaded).empty()) << errors_of(loaded).front();
  EXPECT_EQ(write_dataset(loaded.center), files);
  const auto& c = loaded.center;
  ASSERT_EQ(c.engineers.size(), 3u);
  EXPECT_EQ(c.engineers[1].skills.size(), 2u);
  EXPECT_EQ(c.engineers[1].skills[1].skill, 1);
  EXPECT_EQ(c.clients[0].workweek[0].open_minute, 480);  // Sunday 08:00
  EXPECT_FALSE(c.clients[0].workweek[5].is_open());      // Friday
  EXPECT_EQ(c.projects[0].roles[1].language, "ar");
}

TEST(Dataset, EngineersCsvSpellsSkillsCertificationsAndLeaveAsHrExportsThem) {
  const auto files = tiny_files();
  const auto& csv = files.at("engineers.csv");
  EXPECT_NE(csv.find("E1,Ayesha Khan,isb,std,2020-03-01,ran.5g:4,HCIP-5G:2028-01-31,en;ur,"
                     "2027-02-01..2027-02-14\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("E2,Bilal Ahmed,isb,half,2022-07-15,ran.5g:3;core.ims:2,,en;ur;ar,\n"),
            std::string::npos);
}

TEST(Dataset, JsonSyntaxErrorHasLineAndColumn) {
  auto files = tiny_files();
  replace(files["clients.json"], "\"name\": \"Najd Telecom\",", "\"name\": \"Najd Telecom\",,");
  const auto errors = errors_of(parse_dataset(files, "ds"));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].rfind("ds/clients.json:5:", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("syntax error"), std::string::npos);
}

TEST(Dataset, ReferencesTypesAndUnknownFieldsNameTheirJsonPath) {
  auto files = tiny_files();
  replace(files["clients.json"], "\"Asia/Riyadh\"", "\"Asia/Riad\"");
  replace(files["projects.json"], "\"skill\": \"core.ims\"", "\"skill\": \"core.imz\"");
  replace(files["projects.json"], "\"min_level\": 3", "\"min_level\": \"3\"");
  replace(files["center.json"], "\"seats\": 5", "\"seats\": 5, \"seatz\": 6");
  const auto errors = errors_of(parse_dataset(files, ""));
  const std::vector<std::string> expected = {
      "center.json:/sites/1/seatz: error: unknown field \"seatz\"",
      "clients.json:/clients/0/timezone: error: \"Asia/Riad\" is not a time zone of the tz "
      "database",
      "projects.json:/projects/0/roles/0/min_level: error: expected an integer, found string",
      "projects.json:/projects/0/roles/1/skill: error: unknown skill \"core.imz\"",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Dataset, EngineerRowsReportFileLineAndColumn) {
  auto files = tiny_files();
  auto& csv = files["engineers.csv"];
  replace(csv, "ran.5g:4", "ran.6g:4");
  replace(csv, "ran.5g:3;core.ims:2", "ran.5g:7;core.ims:two");
  replace(csv, "E3,Sara Malik,khi,std,2024-01-10", "E3,Sara Malik,pesh,std,2024-13-10");
  const auto errors = errors_of(parse_dataset(files, ""));
  const std::vector<std::string> expected = {
      "engineers.csv:2: error: column \"skills\": unknown skill \"ran.6g\"",
      "engineers.csv:3: error: column \"skills\": \"core.ims:two\" is not skill:level (e.g. "
      "ran.5g:4)",
      "engineers.csv:4: error: column \"site\": unknown site \"pesh\"",
      "engineers.csv:4: error: column \"hired\": \"2024-13-10\" is not a date (YYYY-MM-DD)",
      // With E2's core.ims unreadable and E3 dropped, nobody left can take core.ims tickets.
      "forecast.json:/series/0/skill: error: no engineer has skill \"core.ims\": nobody could "
      "take these tickets",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Dataset, InvariantsStillRunWhenParsingFoundErrorsElsewhere) {
  auto files = tiny_files();
  auto& csv = files["engineers.csv"];
  replace(csv, "ran.5g:4", "ran.6g:4");                        // a parse error in row 2
  replace(csv, "ran.5g:3;core.ims:2", "ran.5g:7;core.ims:2");  // an invariant in row 3
  const auto errors = errors_of(parse_dataset(files, ""));
  const std::vector<std::string> expected = {
      "engineers.csv:2: error: column \"skills\": unknown skill \"ran.6g\"",
      "engineers.csv:3: error: column \"skills\": 7 is outside 1..5",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Dataset, MissingColumnsAndFilesAndShortRows) {
  auto files = tiny_files();
  files.erase("clients.json");
  replace(files["engineers.csv"], "id,name,site,", "id,name,");
  auto errors = errors_of(parse_dataset(files, ""));
  const std::vector<std::string> expected = {
      "clients.json: error: file is missing",
      "engineers.csv:1: error: missing column \"site\"",
      // Without clients.json the references to its clients cannot resolve either.
      "forecast.json:/series/0/client: error: unknown client \"najd\"",
      "projects.json:/projects/0/client: error: unknown client \"najd\"",
  };
  EXPECT_EQ(errors, expected);

  files = tiny_files();
  files["engineers.csv"] += "E4,Short Row\n";
  errors = errors_of(parse_dataset(files, ""));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "engineers.csv:5: error: row has 2 fields, header has 9");
}

TEST(Dataset, ExtraHrColumnsAreWarningsNotErrors) {
  auto files = tiny_files();
  auto& csv = files["engineers.csv"];
  replace(csv, "leave\n", "leave,email\n");
  for (const char* id : {"E1,", "E2,", "E3,"}) {
    const auto row = csv.find(std::string("\n") + id);
    csv.insert(csv.find('\n', row + 1), ",x@example.org");
  }
  const auto loaded = parse_dataset(files, "");
  EXPECT_TRUE(errors_of(loaded).empty()) << errors_of(loaded).front();
  ASSERT_EQ(loaded.diagnostics.items().size(), 1u);
  EXPECT_EQ(loaded.diagnostics.items()[0].severity, Severity::warning);
}

TEST(Dataset, HolidayErrorsPointIntoTheCalendarFile) {
  auto files = tiny_files();
  replace(files["calendars/sa.json"], "2027-02-22", "2027-02-30");
  replace(files["calendars/sa.json"], "\"days\": 1", "\"days\": 0");
  const auto errors = errors_of(parse_dataset(files, ""));
  const std::vector<std::string> expected = {
      "calendars/sa.json:/holidays/0/date: error: \"2027-02-30\" is not a date (YYYY-MM-DD)",
      "calendars/sa.json:/holidays/0/days: error: 0 is outside 1..31",
  };
  EXPECT_EQ(errors, expected);
}

TEST(Dataset, ClientReferencingAMissingCalendar) {
  auto files = tiny_files();
  files.erase("calendars/sa.json");
  const auto errors = errors_of(parse_dataset(files, ""));
  ASSERT_GE(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "clients.json:/clients/0/calendar: error: unknown holiday calendar (no "
            "calendars/<id>.json) \"sa\"");
}

TEST(Dataset, ForecastShapeIsChecked) {
  auto files = tiny_files();
  replace(files["forecast.json"], "\"priority_mix\": [0.1, 0.2, 0.3, 0.4]",
          "\"priority_mix\": [0.5, 0.5]");
  const auto errors = errors_of(parse_dataset(files, ""));
  ASSERT_GE(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "forecast.json:/series/0/priority_mix: error: expected 4 shares (P1..P4), found 2");
}

TEST(Dataset, PrettyJsonKeepsPlainArraysOnOneLine) {
  const Json j = {{"a", {1, 2, 3}}, {"b", {{{"c", "x"}}}}, {"e", Json::array()}};
  EXPECT_EQ(to_pretty_json(j),
            "{\n  \"a\": [1, 2, 3],\n  \"b\": [\n    {\n      \"c\": \"x\"\n    }\n  ],\n"
            "  \"e\": []\n}\n");
}

TEST(Dataset, SaveAndReadAFolder) {
  const auto dir = std::filesystem::temp_directory_path() / "rcc_dataset_test";
  std::filesystem::remove_all(dir);
  save_dataset(tiny_files(), dir);
  EXPECT_TRUE(std::filesystem::exists(dir / "calendars" / "sa.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "engineers.csv.tmp"));
  const auto loaded = read_dataset(dir);
  EXPECT_TRUE(errors_of(loaded).empty());
  EXPECT_EQ(loaded.center.engineers.size(), 3u);
  const auto missing = read_dataset(dir / "nope");
  EXPECT_EQ(errors_of(missing).size(), 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rcc::io
