// projects.json: client projects and their roles.
#include "io/dataset_reader/reader.h"

namespace rcc::io::dataset_detail {

void Reader::read_projects() {
  const auto doc = document("projects.json", false);
  if (!doc) return;
  const JsonCursor root(*doc, place("projects.json"), "", diag());
  if (!root.expect_object({"projects"})) return;
  for (const auto& p : root.array("projects")) {
    if (!p.expect_object({"id", "name", "client", "start", "end", "roles"})) continue;
    model::Project project;
    project.id = p.string("id").value_or("");
    project.name = p.string("name").value_or("");
    const auto client = resolve(clients_, p, "client", "client");
    project.start = p.date("start").value_or(model::Date{});
    project.end = p.date("end").value_or(model::Date{});
    const int project_index = static_cast<int>(center_.projects.size());
    for (const auto& r : p.array("roles")) {
      if (!r.expect_object({"id", "skill", "min_level", "headcount", "fte", "language", "mode",
                            "start", "end", "city", "certificate"})) {
        continue;
      }
      model::Role role;
      role.id = r.string("id").value_or("");
      const auto skill = resolve(skills_, r, "skill", "skill");
      role.min_level = r.integer("min_level").value_or(1);
      role.headcount = r.integer("headcount").value_or(1);
      role.fte = r.number("fte", Need::optional).value_or(1.0);
      role.language = r.string("language", Need::optional).value_or("");
      if (!role.language.empty() && !is_language_code(role.language)) {
        r.error("language", "\"" + role.language + "\" is not an ISO 639-1 language code");
      }
      if (const auto mode = r.string("mode", Need::optional)) {
        if (const auto m = work_mode_from_code(*mode)) {
          role.mode = *m;
        } else {
          r.error("mode", "\"" + *mode + "\" is not a work mode (remote or onsite)");
        }
      }
      role.city = r.string("city", Need::optional).value_or("");
      if (!role.city.empty() &&
          std::none_of(center_.sites.begin(), center_.sites.end(),
                       [&](const model::Site& s) { return s.city == role.city; })) {
        r.error("city", "no site is in \"" + role.city + "\"");
      }
      role.certificate = r.string("certificate", Need::optional).value_or("");
      role.start = r.date("start", Need::optional).value_or(project.start);
      role.end = r.date("end", Need::optional).value_or(project.end);
      if (!skill) continue;
      role.skill = *skill;
      record({EntityKind::role, project_index, static_cast<int>(project.roles.size())}, r);
      project.roles.push_back(std::move(role));
    }
    if (!client) continue;
    project.client = *client;
    record({EntityKind::project, project_index}, p);
    center_.projects.push_back(std::move(project));
  }
}

}  // namespace rcc::io::dataset_detail
