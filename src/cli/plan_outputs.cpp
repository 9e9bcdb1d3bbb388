#include "cli/plan_outputs.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
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

}  // namespace

WrittenOutputs write_plan_outputs(const std::string& dir, const model::Center& center,
                                  const plan::PlanResult& result, const report::Json& plan) {
  const fs::path staging = staging_folder(dir);
  try {
    write_file(staging / "plan.json", plan.dump(2) + "\n");
    report::write_plan_xlsx(center, result, (staging / "plan.xlsx").string());
    const auto written = write_calendars(staging, fs::path(dir) / "rosters", center, result);
    move_into_place(staging, dir);
    return written;
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

}  // namespace rcc::cli
