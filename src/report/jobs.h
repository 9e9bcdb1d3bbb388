// The jobs a plan creates, for the program office and the ministry: hires by skill, level, city,
// site, month, project and client country; engineers upskilled or retrained and into what; seats
// per site; headline totals first. One JobsReport from a staffing result, rendered as JSON, CSV,
// HTML or a workbook.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/center.h"
#include "report/plan_json.h"
#include "staffing/staffing_plan.h"

namespace rcc::report {

struct JobsHire {
  std::string skill;
  int level = 1;
  model::Date joins;
  model::Date recruit_from;
  std::string site;  // empty when no seat was left anywhere
  std::string city;  // "no seat" then
  std::string project;
  std::string client;
  std::string client_country;
  std::vector<std::string> role_heads;
};

// An engineer of the pool trained into a role: upskilled (one level up in a skill they have)
// or retrained (into a skill next to one they have).
struct JobsTraining {
  std::string kind;  // "upskill" or "retrain"
  std::string engineer;
  std::string name;
  std::string city;
  std::string skill;
  int level_before = 0;  // 0: the engineer did not have the skill
  int level_after = 0;
  model::Date ready;
  std::string project;
  std::string role_head;
};

struct JobsSite {
  std::string site;
  std::string city;
  bool open = false;
  bool opened_by_plan = false;
  int hires_seated = 0;
  int free_seats_after = 0;
};

struct JobsReport {
  std::string center;
  model::Date plan_start, plan_end;
  int jobs_created = 0;
  int upskilled = 0;
  int retrained = 0;
  int seats_short = 0;
  double fill_rate = 0;
  std::map<std::string, int> heads_by_source;
  // "skill", "level", "city", "site", "month", "project", "client_country" -> value -> hires
  std::map<std::string, std::map<std::string, int>> hires_by;
  std::vector<JobsHire> hires;
  std::vector<JobsTraining> training;
  std::vector<JobsSite> sites;
};

JobsReport jobs_report(const model::Center& center, const staffing::StaffingResult& staffing);

Json jobs_json(const JobsReport& report);
// One row per job created or engineer trained: kind, skill, level, city, site, month, ...
std::string jobs_csv(const JobsReport& report);
// One self-contained page (no script, no external file) that prints to A4.
std::string jobs_html(const JobsReport& report);
// Throws std::runtime_error when the file cannot be written.
void write_jobs_xlsx(const JobsReport& report, const std::string& path);

}  // namespace rcc::report
