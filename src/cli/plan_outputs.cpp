#include "cli/plan_outputs.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "cli/command_support.h"
#include "model/errors.h"
#include "report/plan_xlsx.h"
#include "report/roster_ics.h"

namespace rcc::cli {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh folder inside `dir` for the new files: on the same file system, so renames are atomic.
fs::path staging_folder(const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir)) {
    throw model::BadInput("--out " + dir + ": cannot create the folder: " +
                          (error ? error.message() : "not a folder"));
  }
  std::string pattern = (fs::path(dir) / ".rcc-plan-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw model::BadInput("--out " + dir + ": cannot write there: " + std::strerror(errno));
  }
  return pattern;
}

// The calendars published in `rosters` before, by engineer; a file that is no calendar (edited
// by hand) counts as none, so its events are published afresh.
report::PublishedEvents previous_events(const fs::path& file) {
  if (!fs::exists(file)) return {};
  try {
    return report::read_published_events(read_file(file));
  } catch (const std::invalid_argument&) {
    return {};
  }
}

WrittenOutputs write_calendars(const fs::path& staging, const fs::path& rosters,
                               const model::Center& center, const plan::PlanResult& result) {
  std::set<model::EngineerIdx> engineers;
  for (const auto& s : result.roster.published) engineers.insert(s.engineer);
  for (size_t e = 0; e < center.engineers.size(); ++e) {
    if (fs::exists(rosters / report::calendar_file_name(center.engineers[e].id))) {
      engineers.insert(static_cast<model::EngineerIdx>(e));
    }
  }
  fs::create_directories(staging / "rosters");
  WrittenOutputs written;
  const auto stamp = now_seconds();
  for (const auto e : engineers) {
    const auto name = report::calendar_file_name(center.engineers[e].id);
    const auto before = previous_events(rosters / name);
    const auto text = report::roster_calendar(center, e, result.roster.published, before, stamp);
    for (const auto& [uid, event] : report::read_published_events(text)) {
      const auto old = before.find(uid);
      if (old == before.end() || old->second.sequence != event.sequence) {
        ++written.calendar_events_changed;
      }
    }
    write_file(staging / "rosters" / name, text);
    ++written.calendars;
  }
  return written;
}

// Moves every file of `staging` to the same place under `dir`, then removes `staging`.
void move_into_place(const fs::path& staging, const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(staging)) {
    if (!entry.is_directory()) files.push_back(fs::relative(entry.path(), staging));
  }
  for (const auto& file : files) {  // before any file moves, so that none does
    if (fs::is_directory(dir / file)) {
      throw model::BadInput("--out " + dir.string() + ": " + (dir / file).string() +
                            " is a folder, not a file rcc may replace");
    }
  }
  for (const auto& file : files) {
    fs::create_directories((dir / file).parent_path());
    fs::rename(staging / file, dir / file);
  }
  fs::remove_all(staging);
}

// The plan's JSON inside the page's <script type="application/json">: every '<' (only ever in a
// string) escaped, so no text of the plan can end the script element.
std::string plan_page(const std::string& page, const report::Json& plan) {
  constexpr std::string_view kSlot = "__RCC_PLAN_JSON__";
  const auto at = page.find(kSlot);
  if (at == std::string::npos) throw std::runtime_error("the plan page template has no slot");
  std::string json;
  for (char c : plan.dump()) {
    if (c == '<') {
      json += "\\u003c";
    } else {
      json += c;
    }
  }
  return page.substr(0, at) + json + page.substr(at + kSlot.size());
}

// The built page (web/dist-plan/plan.html), from RCC_PLAN_TEMPLATE or beside the sources.
std::optional<std::string> plan_page_template() {
  const char* env = std::getenv("RCC_PLAN_TEMPLATE");
  const fs::path path =
      env != nullptr && *env != '\0' ? fs::path(env) : fs::path(RCC_PLAN_TEMPLATE);
  if (!fs::exists(path)) return std::nullopt;
  return read_file(path);
}

}  // namespace

WrittenOutputs write_plan_outputs(const std::string& dir, const model::Center& center,
                                  const plan::PlanResult& result, const report::Json& plan) {
  const auto page = plan_page_template();
  const fs::path staging = staging_folder(dir);
  try {
    write_file(staging / "plan.json", plan.dump(2) + "\n");
    if (page) write_file(staging / "plan.html", plan_page(*page, plan));
    report::write_plan_xlsx(center, result, (staging / "plan.xlsx").string());
    auto written = write_calendars(staging, fs::path(dir) / "rosters", center, result);
    written.page = page.has_value();
    move_into_place(staging, dir);
    return written;
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

}  // namespace rcc::cli
