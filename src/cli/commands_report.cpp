// rcc report: documents people forward, rendered from the plan.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command_support.h"
#include "model/dates.h"
#include "model/errors.h"
#include "plan/pipeline.h"
#include "report/html.h"
#include "report/jobs.h"
#include "report/sla_report.h"
#include "store/store.h"

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

// Prints `html_path` to PDF at `pdf_path` with headless Chromium (RCC_CHROMIUM, else chromium).
void print_to_pdf(const std::string& html_path, const std::string& pdf_path) {
  const char* env = std::getenv("RCC_CHROMIUM");
  const std::string chromium = env != nullptr && *env != '\0' ? env : "chromium";
  const std::string command = "'" + chromium +
                              "' --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
                              "--print-to-pdf='" +
                              pdf_path + "' 'file://" + fs::absolute(html_path).string() +
                              "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0 || !fs::exists(pdf_path) || fs::file_size(pdf_path) == 0) {
    throw std::runtime_error("headless " + chromium + " could not print the report to PDF");
  }
}

// "2027-03" -> its first day; BadInput naming --month otherwise.
model::Date parse_month(const std::string& text) {
  const auto day = text.size() == 7 ? model::parse_date(text + "-01") : std::nullopt;
  if (!day) throw model::BadInput("--month must be YYYY-MM, got '" + text + "'");
  return *day;
}

}  // namespace

int run_report_sla(const SlaReportCommand& command, const ReportOptions& report) {
  if ((report.format == "xlsx" || report.format == "pdf") && report.out.empty()) {
    throw model::BadInput("--format " + report.format + " needs --out FILE");
  }
  const auto month = parse_month(command.month);
  const auto store = store::open_store(command.db);
  const auto center = stored_center(*store, command.db);
  const auto client = center.find_client(command.client);
  if (!client) {
    throw model::BadInput("--client " + command.client + ": no such client in " + command.db);
  }
  const auto tickets = store->load_tickets(center);
  report::TicketEvents events;
  for (const auto& t : tickets) {
    if (t.client == *client) events[t.id] = store->events("ticket", std::to_string(t.id));
  }
  const auto sla = report::sla_report(center, *client, month, tickets, events, now_seconds());
  if (report.format == "json" || report.format == "html") {
    const auto text = report.format == "json" ? report::sla_report_json(sla).dump(2) + "\n"
                                              : report::sla_report_html(sla);
    if (report.out.empty()) {
      std::cout << text;
      return kOk;
    }
    write_whole(report.out, [&](const std::string& path) { write_text(path, text); });
  } else if (report.format == "xlsx") {
    write_whole(report.out,
                [&](const std::string& path) { report::write_sla_report_xlsx(sla, path); });
  } else {
    write_whole(report.out, [&](const std::string& path) {
      const std::string page = path + ".html";
      write_text(page, report::sla_report_html(sla));
      try {
        print_to_pdf(page, path);
      } catch (...) {
        fs::remove(page);
        throw;
      }
      fs::remove(page);
    });
  }
  std::cerr << "rcc report sla: wrote " << report.out << " (" << sla.tickets << " tickets of "
            << sla.client_id << " in " << command.month << ")\n";
  return kOk;
}

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
