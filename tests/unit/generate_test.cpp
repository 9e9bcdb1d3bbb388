#include <gtest/gtest.h>

#include <map>
#include <set>

#include "calendar/zones.h"
#include "generate/sample_center.h"
#include "io/dataset.h"
#include "model/errors.h"

namespace rcc::generate {
namespace {

TEST(Generate, SameOptionsGiveByteIdenticalFiles) {
  const auto a = io::write_dataset(generate_center({300, 9, 42}));
  const auto b = io::write_dataset(generate_center({300, 9, 42}));
  EXPECT_EQ(a, b);
  const auto other_seed = io::write_dataset(generate_center({300, 9, 43}));
  EXPECT_NE(a.at("engineers.csv"), other_seed.at("engineers.csv"));
}

TEST(Generate, SampleCenterIsValidAndRealistic) {
  const auto center = generate_center({850, 9, 2027});
  const auto loaded = io::parse_dataset(io::write_dataset(center), "");
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << loaded.diagnostics.items().front().to_string();

  EXPECT_EQ(center.engineers.size(), 850u);
  EXPECT_EQ(center.clients.size(), 9u);
  EXPECT_GE(center.projects.size(), 12u);
  EXPECT_LE(center.projects.size(), 20u);

  std::map<std::string, int> by_city;
  for (const auto& e : center.engineers) ++by_city[center.sites[e.site].city];
  EXPECT_EQ(by_city.size(), 3u);
  EXPECT_GT(by_city["Islamabad"], by_city["Karachi"]);
  for (const auto& [city, n] : by_city) EXPECT_GT(n, 100) << city;

  std::set<std::string> zones, countries, families;
  for (const auto& c : center.clients) {
    zones.insert(c.timezone);
    countries.insert(c.country);
    EXPECT_NE(calendar::find_zone(c.timezone), nullptr) << c.timezone;
    const bool uae = c.country == "AE";
    EXPECT_EQ(c.workweek[0].is_open(), !uae) << c.id << " Sunday";
    EXPECT_EQ(c.workweek[5].is_open(), uae) << c.id << " Friday";
  }
  EXPECT_EQ(countries, (std::set<std::string>{"AE", "BH", "IQ", "JO", "KW", "OM", "QA", "SA"}));
  EXPECT_TRUE(zones.contains("Asia/Dubai") && zones.contains("Asia/Riyadh"));

  for (const auto& e : center.engineers) {
    for (const auto& s : e.skills) families.insert(center.skills[s.skill].family);
  }
  EXPECT_EQ(families, (std::set<std::string>{"cloud", "core", "ip", "noc", "oss", "ran", "security",
                                             "transmission"}));
  // Eid is tentative in every calendar.
  for (const auto& cal : center.calendars) {
    bool eid = false;
    for (const auto& h : cal.holidays) eid = eid || (h.name == "Eid al-Fitr" && h.tentative);
    EXPECT_TRUE(eid) << cal.id;
  }
}

TEST(Generate, ForecastHasDailyAndWeeklySeasonality) {
  const auto center = generate_center({850, 2, 5});
  const auto& najd = center.forecast.front();  // Saudi client: weekend Friday-Saturday
  ASSERT_EQ(center.clients[najd.client].country, "SA");
  // Hour 0 is Monday 00:00: Monday 10:00 busier than Monday 03:00.
  EXPECT_GT(najd.arrivals_per_hour[10], 3 * najd.arrivals_per_hour[3]);
  // Friday 10:00 (weekend) quieter than Thursday 10:00.
  EXPECT_LT(najd.arrivals_per_hour[4 * 24 + 10], 0.8 * najd.arrivals_per_hour[3 * 24 + 10]);
}

TEST(Generate, ScalesAndRejectsBadOptions) {
  EXPECT_EQ(generate_center({5000, 20, 1}).clients.size(), 20u);
  EXPECT_EQ(generate_center({5000, 20, 1}).clients[9].id, "najd-2");
  EXPECT_THROW(generate_center({0, 9, 1}), model::BadInput);
  EXPECT_THROW(generate_center({10, 0, 1}), model::BadInput);
}

}  // namespace
}  // namespace rcc::generate
