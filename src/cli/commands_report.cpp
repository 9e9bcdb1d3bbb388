// rcc report: documents people forward, rendered from the plan.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command_support.h"
#include "model/errors.h"
#include "plan/pipeline.h"
#include "report/jobs.h"

namespace rcc::cli {
namespace {

namespace fs = std::filesystem;

// `write(path)` into a temporary file beside `out`, renamed over it once complete.
template <typename Write>
void write_whole(const std::string& out, const Write& write) {
  const fs::path target(out);
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(folder)) {
    throw model::BadInput("--out " + out + ": no folder " + folder.string());
  }
  if (fs::is_directory(target)) throw model::BadInput("--out " + out + " is a folder");
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) throw model::BadInput("--out " + out + ": cannot write in " + folder.string());
  close(fd);
  try {
    write(temp);
    fs::rename(temp, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int run_report_jobs(const Source& source, const plan::PlanOptions& options,
                    const ReportOptions& report) {
  if (report.format == "xlsx" && report.out.empty()) {
    throw model::BadInput("--format xlsx needs --out FILE");
  }
  const auto loaded = load_source(source);
  const auto result = plan::run(loaded.center, options);
  if (const auto* failure = result.failure()) {
    std::cerr << "rcc report jobs: stage " << failure->name << " failed: " << failure->detail
              << "\n";
    return failure->status == plan::StageStatus::bad_input ? kBadInput : kRuntimeFailure;
  }
  const auto jobs = report::jobs_report(loaded.center, result.staffing);
  std::string text;
  if (report.format == "json") text = report::jobs_json(jobs).dump(2) + "\n";
  if (report.format == "csv") text = report::jobs_csv(jobs);
  if (report.format == "html") text = report::jobs_html(jobs);
  if (report.out.empty()) {
    std::cout << text;
    return kOk;
  }
  write_whole(report.out, [&](const std::string& path) {
    if (report.format == "xlsx") {
      report::write_jobs_xlsx(jobs, path);
    } else {
      write_text(path, text);
    }
  });
  std::cerr << "rcc report jobs: wrote " << report.out << " (" << jobs.jobs_created
            << " jobs created)\n";
  return kOk;
}

}  // namespace rcc::cli
