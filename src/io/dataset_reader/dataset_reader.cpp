// Reading a dataset: files -> model::Center, every problem reported with its place.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "calendar/zones.h"
#include "io/codes.h"
#include "io/csv.h"
#include "io/dataset.h"
#include "io/dataset_reader/reader.h"
#include "io/json_cursor.h"
#include "model/dates.h"

namespace rcc::io {

void SourceMap::record(model::EntityRef entity, Location where) {
  places_[{static_cast<int>(entity.kind), entity.index, entity.sub}] = std::move(where);
}

Location SourceMap::locate(const model::EntityRef& entity, const std::string& field) const {
  const auto it = places_.find({static_cast<int>(entity.kind), entity.index, entity.sub});
  if (it == places_.end()) return {"(dataset)", 0, 0, ""};
  Location where = it->second;
  if (where.line == 0 && !field.empty()) where.json_path += "/" + field;
  return where;
}

model::HolidayCalendar read_holiday_calendar(const JsonCursor& root, std::string id) {
  model::HolidayCalendar cal;
  cal.id = std::move(id);
  if (!root.expect_object({"country", "holidays"})) return cal;
  cal.country = root.string("country").value_or("");
  // Every element becomes a holiday, even a broken one, so holiday h is always /holidays/h.
  for (const auto& h : root.array("holidays")) {
    model::Holiday hol;
    if (h.expect_object({"name", "date", "days", "tentative", "confirmed_date"})) {
      hol.name = h.string("name").value_or("");
      hol.first = h.date("date").value_or(model::Date{});
      hol.days = h.integer("days", Need::optional).value_or(1);
      hol.tentative = h.boolean("tentative", Need::optional).value_or(false);
      hol.confirmed_first = h.date("confirmed_date", Need::optional);
    }
    cal.holidays.push_back(std::move(hol));
  }
  return cal;
}

namespace {

using dataset_detail::Reader;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("cannot read " + path.string());
  return text.str();
}

}  // namespace

LoadedDataset parse_dataset(const DatasetFiles& files, const std::string& label) {
  LoadedDataset out;
  Reader(files, label, out).run();
  out.diagnostics.sort_by_place();
  return out;
}

LoadedDataset read_dataset(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    LoadedDataset out;
    out.diagnostics.error({dir.string()}, "not a dataset folder");
    return out;
  }
  DatasetFiles files;
  for (const auto& name :
       {"center.json", "clients.json", "projects.json", "forecast.json", "engineers.csv"}) {
    const auto path = dir / name;
    if (fs::is_regular_file(path, ec)) files[name] = read_file(path);
  }
  if (fs::is_directory(dir / "calendars", ec)) {
    for (const auto& entry : fs::directory_iterator(dir / "calendars")) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") {
        files["calendars/" + entry.path().filename().string()] = read_file(entry.path());
      }
    }
  }
  auto label = dir.lexically_normal().string();
  while (label.size() > 1 && label.back() == '/') label.pop_back();
  return parse_dataset(files, label);
}

model::Center load_center(const std::filesystem::path& dir) {
  auto loaded = read_dataset(dir);
  if (loaded.diagnostics.has_errors()) throw InputError(std::move(loaded.diagnostics));
  return std::move(loaded.center);
}

}  // namespace rcc::io
