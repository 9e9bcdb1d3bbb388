// calendars/*.json and clients.json: holiday calendars, workweeks, SLA policies.
#include "io/dataset_reader/reader.h"

namespace rcc::io::dataset_detail {

void Reader::read_calendars() {
  const std::string prefix = "calendars/";
  for (const auto& [file, text] : files_) {
    if (file.rfind(prefix, 0) != 0 || !file.ends_with(".json")) continue;
    const auto doc = document(file, true);
    if (!doc) continue;
    const JsonCursor root(*doc, place(file), "", diag());
    const int cal_index = static_cast<int>(center_.calendars.size());
    auto cal =
        read_holiday_calendar(root, file.substr(prefix.size(), file.size() - prefix.size() - 5));
    for (int h = 0; h < static_cast<int>(cal.holidays.size()); ++h) {
      out_.sources.record({EntityKind::holiday, cal_index, h},
                          {root.file(), 0, 0, "/holidays/" + std::to_string(h)});
    }
    record({EntityKind::calendar, cal_index}, root);
    center_.calendars.push_back(std::move(cal));
  }
  calendars_ = index_by_id(center_.calendars);
}

void Reader::read_workweek(const JsonCursor& at, model::Client& client) {
  const auto week = at.object("workweek");
  if (!week || !week->expect_object({"sun", "mon", "tue", "wed", "thu", "fri", "sat"})) return;
  for (int d = 0; d < 7; ++d) {
    const auto key = kWeekdayCodes[d];
    const auto hours = week->string(key, Need::optional);
    if (!hours) continue;
    const auto dash = hours->find('-');
    const auto open = model::parse_clock(hours->substr(0, dash == std::string::npos ? 0 : dash));
    const auto close =
        dash == std::string::npos ? std::nullopt : model::parse_clock(hours->substr(dash + 1));
    if (!open || !close || *close <= *open) {
      week->error(key, "\"" + *hours + "\" is not a range of business hours (HH:MM-HH:MM)");
      continue;
    }
    client.workweek[d] = {*open, *close};
  }
}

void Reader::read_sla(const JsonCursor& at, model::Client& client) {
  const auto sla = at.object("sla");
  if (!sla || !sla->expect_object({model::kPriorityCodes[0], model::kPriorityCodes[1],
                                   model::kPriorityCodes[2], model::kPriorityCodes[3]}))
    return;
  for (int p = 0; p < model::kPriorities; ++p) {
    const auto target = sla->object(model::kPriorityCodes[p]);
    if (!target ||
        !target->expect_object({"response_minutes", "resolution_minutes", "clock", "language"})) {
      continue;
    }
    auto& t = client.sla[p];
    t.response_minutes = target->integer("response_minutes").value_or(0);
    t.resolution_minutes = target->integer("resolution_minutes").value_or(0);
    if (const auto clock = target->string("clock")) {
      if (const auto c = sla_clock_from_code(*clock)) {
        t.clock = *c;
      } else {
        target->error("clock", "\"" + *clock + "\" is not a clock (24x7 or business)");
      }
    }
    t.language = target->string("language", Need::optional).value_or("");
    if (!t.language.empty() && !is_language_code(t.language)) {
      target->error("language", "\"" + t.language + "\" is not an ISO 639-1 language code");
    }
  }
}

void Reader::read_clients() {
  const auto doc = document("clients.json", true);
  if (!doc) return;
  const JsonCursor root(*doc, place("clients.json"), "", diag());
  if (!root.expect_object({"clients"})) return;
  for (const auto& c : root.array("clients")) {
    if (!c.expect_object(
            {"id", "name", "country", "timezone", "calendar", "languages", "workweek", "sla"})) {
      continue;
    }
    model::Client client;
    client.id = c.string("id").value_or("");
    client.name = c.string("name").value_or("");
    client.country = c.string("country").value_or("");
    client.timezone = c.string("timezone").value_or("");
    const auto cal =
        resolve(calendars_, c, "calendar", "holiday calendar (no calendars/<id>.json)");
    client.languages = c.strings("languages");
    for (size_t l = 0; l < client.languages.size(); ++l) {
      if (!is_language_code(client.languages[l])) {
        c.error("languages/" + std::to_string(l),
                "\"" + client.languages[l] + "\" is not an ISO 639-1 language code");
      }
    }
    read_workweek(c, client);
    read_sla(c, client);
    if (!cal) continue;
    client.calendar = *cal;
    record({EntityKind::client, static_cast<int>(center_.clients.size())}, c);
    center_.clients.push_back(std::move(client));
  }
  clients_ = index_by_id(center_.clients);
}

}  // namespace rcc::io::dataset_detail
