// center.json: the center, its sites, skills, contracts and shift types.
#include "io/dataset_reader/reader.h"

namespace rcc::io::dataset_detail {

void Reader::read_center() {
  const auto doc = document("center.json", true);
  if (!doc) return;
  const JsonCursor root(*doc, place("center.json"), "", diag());
  if (!root.expect_object({"id", "name", "timezone", "plan_start", "plan_end", "skills", "sites",
                           "contracts", "shift_types", "coverage"})) {
    return;
  }
  out_.sources.record({EntityKind::center}, {root.file(), 0, 0, ""});
  center_.id = root.string("id").value_or("");
  center_.name = root.string("name").value_or("");
  center_.timezone = root.string("timezone").value_or("");
  center_.plan_start = root.date("plan_start").value_or(model::Date{});
  center_.plan_end = root.date("plan_end").value_or(model::Date{});

  const auto skills = root.array("skills");
  for (const auto& s : skills) {
    if (!s.expect_object({"id", "name", "adjacent"})) continue;
    model::Skill skill;
    skill.id = s.string("id").value_or("");
    skill.name = s.string("name").value_or("");
    skill.family = skill.id.substr(0, skill.id.find('.'));
    record({EntityKind::skill, static_cast<int>(center_.skills.size())}, s);
    center_.skills.push_back(std::move(skill));
  }
  skills_ = index_by_id(center_.skills);
  // Adjacency refers to other skills, so it is resolved once all are known.
  for (size_t i = 0; i < skills.size() && i < center_.skills.size(); ++i) {
    const auto ids = skills[i].strings("adjacent", Need::optional);
    for (size_t a = 0; a < ids.size(); ++a) {
      const auto it = skills_.find(ids[a]);
      if (it == skills_.end()) {
        skills[i].error("adjacent/" + std::to_string(a), "unknown skill \"" + ids[a] + "\"");
      } else {
        center_.skills[i].adjacent.push_back(it->second);
      }
    }
  }

  for (const auto& s : root.array("sites")) {
    if (!s.expect_object({"id", "name", "city", "seats", "cost_per_seat_month", "open",
                          "opening_cost", "talent"})) {
      continue;
    }
    model::Site site;
    site.id = s.string("id").value_or("");
    site.name = s.string("name").value_or("");
    site.city = s.string("city").value_or("");
    site.seats = s.integer("seats").value_or(0);
    site.cost_per_seat_month = s.number("cost_per_seat_month", Need::optional).value_or(0);
    site.open = s.boolean("open", Need::optional).value_or(true);
    site.opening_cost = s.number("opening_cost", Need::optional).value_or(0);
    const auto talent = s.array("talent", Need::optional);
    for (const auto& entry : talent) {
      if (!entry.expect_object({"skill", "hires"})) continue;
      const auto skill = entry.string("skill").value_or("");
      const auto hires = entry.integer("hires").value_or(0);
      const auto it = skills_.find(skill);
      if (it == skills_.end()) {
        entry.error("skill", "unknown skill \"" + skill + "\"");
      } else if (hires < 0) {
        entry.error("hires", "talent supply must be >= 0, not " + std::to_string(hires));
      } else if (std::any_of(site.talent.begin(), site.talent.end(),
                             [&](const model::TalentSupply& x) { return x.skill == it->second; })) {
        entry.error("skill", "skill \"" + skill + "\" is listed twice");
      } else {
        site.talent.push_back({it->second, hires});
      }
    }
    record({EntityKind::site, static_cast<int>(center_.sites.size())}, s);
    center_.sites.push_back(std::move(site));
  }
  sites_ = index_by_id(center_.sites);

  for (const auto& s : root.array("contracts")) {
    if (!s.expect_object({"id", "name", "fte", "max_minutes_per_day", "max_minutes_per_week",
                          "min_rest_minutes", "max_consecutive_days", "max_consecutive_nights",
                          "max_nights_per_month", "weekend", "max_working_weekends_per_month"})) {
      continue;
    }
    model::Contract k;
    k.id = s.string("id").value_or("");
    k.name = s.string("name").value_or("");
    k.fte = s.number("fte", Need::optional).value_or(1.0);
    k.max_minutes_per_day = s.integer("max_minutes_per_day", Need::optional).value_or(0);
    k.max_minutes_per_week = s.integer("max_minutes_per_week", Need::optional).value_or(0);
    k.min_rest_minutes = s.integer("min_rest_minutes", Need::optional).value_or(0);
    k.max_consecutive_days = s.integer("max_consecutive_days", Need::optional).value_or(0);
    k.max_consecutive_nights = s.integer("max_consecutive_nights", Need::optional).value_or(0);
    k.max_nights_per_month = s.integer("max_nights_per_month", Need::optional).value_or(0);
    k.max_working_weekends_per_month =
        s.integer("max_working_weekends_per_month", Need::optional).value_or(0);
    const auto weekend = s.strings("weekend", Need::optional);
    for (size_t d = 0; d < weekend.size(); ++d) {
      if (const auto day = weekday_from_code(weekend[d])) {
        k.weekend.insert(std::chrono::weekday{static_cast<unsigned>(*day)});
      } else {
        s.error("weekend/" + std::to_string(d),
                "\"" + weekend[d] + "\" is not a weekday (sun..sat)");
      }
    }
    record({EntityKind::contract, static_cast<int>(center_.contracts.size())}, s);
    center_.contracts.push_back(std::move(k));
  }
  contracts_ = index_by_id(center_.contracts);

  for (const auto& s : root.array("shift_types")) {
    if (!s.expect_object({"id", "start", "minutes", "night"})) continue;
    model::ShiftType t;
    t.id = s.string("id").value_or("");
    t.start_minute = s.clock("start").value_or(0);
    t.length_minutes = s.integer("minutes").value_or(0);
    t.night = s.boolean("night", Need::optional).value_or(false);
    record({EntityKind::shift_type, static_cast<int>(center_.shift_types.size())}, s);
    center_.shift_types.push_back(std::move(t));
  }
  shifts_ = index_by_id(center_.shift_types);

  for (const auto& s : root.array("coverage", Need::optional)) {
    if (!s.expect_object({"skill", "shift", "engineers"})) continue;
    const auto skill = resolve(skills_, s, "skill", "skill");
    const auto shift = resolve(shifts_, s, "shift", "shift type");
    const auto engineers = s.integer("engineers");
    if (!skill || !shift || !engineers) continue;
    record({EntityKind::coverage, static_cast<int>(center_.coverage.size())}, s);
    center_.coverage.push_back({*skill, *shift, *engineers});
  }
}

}  // namespace rcc::io::dataset_detail
