// The dataset reader's parts: one Reader over the files of a dataset, one source file per file
// it reads (center.json, calendars and clients.json, projects.json, forecast.json, engineers.csv).
// Internal to io/dataset_reader/.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/zones.h"
#include "io/codes.h"
#include "io/csv.h"
#include "io/dataset.h"
#include "io/json_cursor.h"
#include "model/dates.h"

namespace rcc::io::dataset_detail {

using model::EntityKind;
using model::EntityRef;
using Index = std::map<std::string, int, std::less<>>;

template <class T>
Index index_by_id(const std::vector<T>& items) {
  Index index;
  for (int i = 0; i < static_cast<int>(items.size()); ++i) index.emplace(items[i].id, i);
  return index;
}

inline std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Splits "a; b;c" into trimmed, non-empty items.
inline std::vector<std::string> split_list(std::string_view s, char sep = ';') {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(sep, start), s.size());
    auto item = trim(s.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

inline bool is_language_code(std::string_view code) {
  return code.size() == 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class Reader {
 public:
  Reader(const DatasetFiles& files, std::string label, LoadedDataset& out)
      : files_(files), label_(std::move(label)), out_(out), center_(out.center) {}

  void run() {
    read_center();
    read_calendars();
    read_clients();
    read_projects();
    read_forecast();
    read_engineers();
    // Entities whose references did not resolve were left out above, so every index in the
    // center is valid and the invariants can run even on a broken dataset: all errors at once.
    report(model::check_invariants(center_));
    report(calendar::check_time_zones(center_));
  }

 private:
  std::string place(const std::string& file) const {
    return label_.empty() ? file : label_ + "/" + file;
  }
  Diagnostics& diag() { return out_.diagnostics; }

  std::optional<Json> document(const std::string& file, bool required) {
    const auto it = files_.find(file);
    if (it == files_.end()) {
      if (required) diag().error({place(file)}, "file is missing");
      return std::nullopt;
    }
    return parse_json(it->second, place(file), diag());
  }

  void record(EntityRef ref, const JsonCursor& at) {
    out_.sources.record(ref, {at.file(), 0, 0, at.path()});
  }

  // Resolves the id in field `key` against `index`; reports unknown ids.
  std::optional<int> resolve(const Index& index, const JsonCursor& at, std::string_view key,
                             const char* what, Need need = Need::required) {
    const auto id = at.string(key, need);
    if (!id) return std::nullopt;
    const auto it = index.find(*id);
    if (it == index.end()) {
      at.error(key, std::string("unknown ") + what + " \"" + *id + "\"");
      return std::nullopt;
    }
    return it->second;
  }

  // A place: file, line or JSON path, and the CSV column a message starts with.
  static std::string place_key(const Diagnostic& d) {
    const auto& m = d.message;
    const bool column = m.rfind("column \"", 0) == 0;
    return d.where.to_string() + "|" + (column ? m.substr(0, m.find("\":") + 1) : "");
  }

  // Adds the problems found on the model, except at places already reported while parsing:
  // an unknown skill dropped from a row should not come back as "engineer has no skill".
  void report(const std::vector<model::Problem>& problems) {
    std::set<std::string> reported;
    for (const auto& d : diag().items()) reported.insert(place_key(d));
    for (const auto& p : problems) {
      const auto where = out_.sources.locate(p.where, p.field);
      const bool csv = where.line > 0 && !p.field.empty();
      const Diagnostic d{Severity::error, where,
                         (csv ? "column \"" + p.field + "\": " : std::string()) + p.message};
      if (!reported.contains(place_key(d))) diag().error(d.where, d.message);
    }
  }

  void read_center();
  void read_calendars();
  void read_clients();
  void read_projects();
  void read_forecast();
  void read_engineers();
  void read_sla(const JsonCursor& at, model::Client& client);
  void read_workweek(const JsonCursor& at, model::Client& client);

  const DatasetFiles& files_;
  std::string label_;
  LoadedDataset& out_;
  model::Center& center_;
  Index skills_, sites_, contracts_, shifts_, calendars_, clients_;
};

}  // namespace rcc::io::dataset_detail
