// engineers.csv: one row per engineer.
#include "io/dataset_reader/reader.h"

namespace rcc::io::dataset_detail {

void Reader::read_engineers() {
  const std::string file = "engineers.csv";
  const auto it = files_.find(file);
  if (it == files_.end()) {
    diag().error({place(file)}, "file is missing");
    return;
  }
  const std::string where = place(file);
  const auto rows = parse_csv(it->second, where, diag());
  if (rows.empty()) {
    diag().error({where, 1}, "no header row");
    return;
  }
  static const std::vector<std::string> required = {"id",    "name",   "site",     "contract",
                                                    "hired", "skills", "languages"};
  static const std::vector<std::string> optional = {"certifications", "leave"};
  std::map<std::string, int> column;
  const auto& header = rows[0];
  for (int c = 0; c < static_cast<int>(header.fields.size()); ++c) {
    const auto name = trim(header.fields[c]);
    const bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                       std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      diag().warning({where, header.line}, "column \"" + name + "\" is not used by rcc; ignored");
    } else if (!column.emplace(name, c).second) {
      diag().error({where, header.line}, "column \"" + name + "\" appears twice");
    }
  }
  bool header_ok = true;
  for (const auto& name : required) {
    if (!column.contains(name)) {
      diag().error({where, header.line}, "missing column \"" + name + "\"");
      header_ok = false;
    }
  }
  if (!header_ok) return;

  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const Location at{where, row.line};
    if (row.fields.size() != header.fields.size()) {
      diag().error(at, "row has " + std::to_string(row.fields.size()) + " fields, header has " +
                           std::to_string(header.fields.size()));
      continue;
    }
    const auto get = [&](const std::string& name) -> std::string {
      const auto c = column.find(name);
      return c == column.end() ? std::string() : trim(row.fields[c->second]);
    };
    const auto bad = [&](const std::string& col, const std::string& msg) {
      std::string text = "column \"";
      text += col;
      text += "\": ";
      text += msg;
      diag().error(at, text);
    };
    model::Engineer e;
    e.id = get("id");
    e.name = get("name");
    bool refs_ok = true;
    if (const auto s = sites_.find(get("site")); s != sites_.end()) {
      e.site = s->second;
    } else {
      bad("site", "unknown site \"" + get("site") + "\"");
      refs_ok = false;
    }
    if (const auto k = contracts_.find(get("contract")); k != contracts_.end()) {
      e.contract = k->second;
    } else {
      bad("contract", "unknown contract \"" + get("contract") + "\"");
      refs_ok = false;
    }
    if (const auto d = model::parse_date(get("hired"))) {
      e.hired = *d;
    } else {
      bad("hired", "\"" + get("hired") + "\" is not a date (YYYY-MM-DD)");
    }
    for (const auto& item : split_list(get("skills"))) {
      const auto colon = item.rfind(':');
      int level = 0;
      const auto level_text = colon == std::string::npos ? "" : trim(item.substr(colon + 1));
      if (colon == std::string::npos || level_text.size() != 1 || level_text[0] < '0' ||
          level_text[0] > '9') {
        bad("skills", "\"" + item + "\" is not skill:level (e.g. ran.5g:4)");
        continue;
      }
      level = level_text[0] - '0';
      const auto skill = skills_.find(trim(item.substr(0, colon)));
      if (skill == skills_.end()) {
        bad("skills", "unknown skill \"" + trim(item.substr(0, colon)) + "\"");
        continue;
      }
      e.skills.push_back({skill->second, level});
    }
    for (const auto& item : split_list(get("certifications"))) {
      const auto colon = item.rfind(':');
      const auto expiry = colon == std::string::npos
                              ? std::nullopt
                              : model::parse_date(trim(item.substr(colon + 1)));
      if (!expiry || trim(item.substr(0, colon)).empty()) {
        bad("certifications", "\"" + item + "\" is not name:expiry (e.g. HCIP-5G:2028-06-30)");
        continue;
      }
      e.certifications.push_back({trim(item.substr(0, colon)), *expiry});
    }
    for (const auto& lang : split_list(get("languages"))) {
      if (!is_language_code(lang)) {
        bad("languages", "\"" + lang + "\" is not an ISO 639-1 language code");
        continue;
      }
      e.languages.push_back(lang);
    }
    for (const auto& item : split_list(get("leave"))) {
      const auto dots = item.find("..");
      const auto first = model::parse_date(trim(item.substr(0, dots)));
      const auto last =
          dots == std::string::npos ? first : model::parse_date(trim(item.substr(dots + 2)));
      if (!first || !last) {
        bad("leave", "\"" + item + "\" is not a day or a period (2027-03-01..2027-03-05)");
        continue;
      }
      e.leave.push_back({*first, *last});
    }
    if (!refs_ok) continue;
    out_.sources.record({EntityKind::engineer, static_cast<int>(center_.engineers.size())}, at);
    center_.engineers.push_back(std::move(e));
  }
}

}  // namespace rcc::io::dataset_detail
