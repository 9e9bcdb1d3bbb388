// The dataset folder of a center, read and written. Layout (docs/dataset.md has every field):
//   center.json      center, skills, sites, contracts, shift types, support coverage
//   clients.json     operator clients: time zone, workweek, holiday calendar, SLA policy
//   projects.json    upcoming projects and their roles
//   forecast.json    tickets per client x skill x hour of week (optional)
//   calendars/*.json holiday calendars, one per file, id = file name without ".json"
//   engineers.csv    the talent pool, one row per engineer, as HR exports it
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "io/diagnostics.h"
#include "model/center.h"
#include "model/invariants.h"

namespace rcc::io {

// File name (relative to the dataset folder, '/'-separated) -> content.
using DatasetFiles = std::map<std::string, std::string>;

// Where each entity of a loaded Center came from, so that model problems found later can be
// reported as file:line or file + JSON path.
class SourceMap {
 public:
  void record(model::EntityRef entity, Location where);
  Location locate(const model::EntityRef& entity, const std::string& field) const;

 private:
  std::map<std::tuple<int, int, int>, Location> places_;
};

struct LoadedDataset {
  model::Center center;
  SourceMap sources;
  Diagnostics diagnostics;
};

// Parses and fully validates a dataset held in memory: syntax, references, ranges and
// invariants, time zones against the tz database. `label` prefixes file names in diagnostics.
LoadedDataset parse_dataset(const DatasetFiles& files, const std::string& label);

// Reads the folder `dir` and parses it. Missing or unreadable files are diagnostics too.
LoadedDataset read_dataset(const std::filesystem::path& dir);

// Reads and validates `dir`; throws InputError with every diagnostic if there is any error.
model::Center load_center(const std::filesystem::path& dir);

// The canonical text of a center's dataset: same center, same bytes.
DatasetFiles write_dataset(const model::Center& center);

class JsonCursor;
// One holiday calendar file (calendars/<id>.json) at `root`.
model::HolidayCalendar read_holiday_calendar(const JsonCursor& root, std::string id);

// Writes `files` under `dir` (created if needed). Files are written to a temporary folder
// first and moved into place, so a failed export leaves no half-written dataset.
void save_dataset(const DatasetFiles& files, const std::filesystem::path& dir);

}  // namespace rcc::io
