// forecast.json: ticket arrivals per client and skill.
#include "io/dataset_reader/reader.h"

namespace rcc::io::dataset_detail {

void Reader::read_forecast() {
  const auto doc = document("forecast.json", false);
  if (!doc) return;
  const JsonCursor root(*doc, place("forecast.json"), "", diag());
  if (!root.expect_object({"series"})) return;
  for (const auto& s : root.array("series")) {
    if (!s.expect_object(
            {"client", "skill", "mean_handle_minutes", "priority_mix", "arrivals_per_hour"})) {
      continue;
    }
    model::ForecastSeries f;
    const auto client = resolve(clients_, s, "client", "client");
    const auto skill = resolve(skills_, s, "skill", "skill");
    f.mean_handle_minutes = s.number("mean_handle_minutes").value_or(0);
    const auto mix = s.numbers("priority_mix");
    if (mix.size() != f.priority_mix.size()) {
      s.error("priority_mix", "expected 4 shares (P1..P4), found " + std::to_string(mix.size()));
    } else {
      std::copy(mix.begin(), mix.end(), f.priority_mix.begin());
    }
    const auto rates = s.numbers("arrivals_per_hour");
    if (rates.size() != f.arrivals_per_hour.size()) {
      s.error("arrivals_per_hour", "expected 168 hourly rates (Monday 00:00 first), found " +
                                       std::to_string(rates.size()));
    } else {
      std::copy(rates.begin(), rates.end(), f.arrivals_per_hour.begin());
    }
    if (!client || !skill) continue;
    f.client = *client;
    f.skill = *skill;
    record({EntityKind::forecast, static_cast<int>(center_.forecast.size())}, s);
    center_.forecast.push_back(f);
  }
}

}  // namespace rcc::io::dataset_detail
