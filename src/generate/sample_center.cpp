#include "sample_center.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/dataset.h"
#include "io/json_cursor.h"
#include "model/dates.h"
#include "model/errors.h"
#include "model/random.h"
#include "names.h"

namespace rcc::generate {

const std::vector<std::pair<std::string, std::string>>& embedded_files();

namespace {

using model::Date;
using model::Rng;
using std::chrono::days;

constexpr int kYear = 2027;

Date day(int month, int d) {
  return Date{std::chrono::year{kYear} / std::chrono::month{static_cast<unsigned>(month)} /
              std::chrono::day{static_cast<unsigned>(d)}};
}

// The skill taxonomy of a telecom managed-services center. `adjacent` lists skills from which
// an engineer can retrain to this one.
struct SkillSpec {
  const char* id;
  const char* name;
  std::vector<const char*> adjacent;
};

const std::vector<SkillSpec> kSkills = {
    {"ran.2g3g", "2G/3G radio access", {"ran.lte"}},
    {"ran.lte", "LTE radio access", {"ran.2g3g", "ran.5g"}},
    {"ran.5g", "5G NR radio access", {"ran.lte"}},
    {"ran.optimisation", "RAN performance optimisation", {"ran.lte", "ran.5g"}},
    {"core.cs", "Circuit-switched core", {"core.ims"}},
    {"core.ps", "Packet core (EPC)", {"core.5gc"}},
    {"core.5gc", "5G standalone core", {"core.ps", "cloud.k8s"}},
    {"core.ims", "IMS and VoLTE", {"core.cs", "core.ps"}},
    {"ip.mpls", "IP/MPLS backbone", {"ip.routing"}},
    {"ip.routing", "IP routing and switching", {"ip.mpls"}},
    {"transmission.microwave", "Microwave transmission", {"transmission.optical"}},
    {"transmission.optical", "Optical transport (DWDM/OTN)", {"transmission.microwave"}},
    {"cloud.k8s", "Kubernetes and cloud-native", {"cloud.openstack"}},
    {"cloud.openstack", "OpenStack and NFV", {"cloud.k8s"}},
    {"oss.fault", "OSS fault management", {"noc.monitoring"}},
    {"oss.performance", "OSS performance management", {"oss.fault"}},
    {"oss.automation", "Network automation", {"oss.fault", "cloud.k8s"}},
    {"noc.monitoring", "NOC monitoring", {"oss.fault"}},
    {"noc.incident", "NOC incident management", {"noc.monitoring"}},
    {"security.soc", "Security operations (SOC)", {"security.firewall"}},
    {"security.firewall", "Firewall and network security", {"ip.routing"}},
};

// Share of engineers by primary family, and the skills and certifications of each family.
struct FamilySpec {
  const char* family;
  double share;
  std::vector<const char*> skills;
  std::vector<const char*> certifications;
};

const std::vector<FamilySpec> kFamilies = {
    {"noc",
     0.22,
     {"noc.monitoring", "noc.incident", "oss.fault"},
     {"ITIL-4-Foundation", "HCIA-Datacom"}},
    {"ran",
     0.20,
     {"ran.lte", "ran.5g", "ran.2g3g", "ran.optimisation"},
     {"HCIA-5G", "HCIP-5G", "HCIE-5G-RAN"}},
    {"core",
     0.15,
     {"core.ps", "core.ims", "core.5gc", "core.cs"},
     {"HCIP-5G-Core", "HCIE-5G-Core"}},
    {"ip", 0.12, {"ip.mpls", "ip.routing"}, {"CCNA", "CCNP-Enterprise", "HCIP-Datacom", "CCIE-SP"}},
    {"transmission",
     0.10,
     {"transmission.microwave", "transmission.optical"},
     {"HCIA-Transmission", "HCIP-Transmission"}},
    {"cloud", 0.08, {"cloud.k8s", "cloud.openstack", "core.5gc"}, {"CKA", "CKAD", "HCIP-Cloud"}},
    {"oss", 0.07, {"oss.fault", "oss.performance", "oss.automation"}, {"HCIA-OSS", "Python-PCAP"}},
    {"security",
     0.06,
     {"security.soc", "security.firewall"},
     {"CompTIA-Security+", "CISSP", "HCIP-Security"}},
};

struct SiteSpec {
  const char* id;
  const char* name;
  const char* city;
  double share;  // of engineers, for open sites
  int seats;
  double cost_per_seat_month;
  bool open;
  double opening_cost;
  // Hires per skill the zone's universities and market supply over a plan, per 850 engineers.
  std::vector<std::pair<const char*, int>> talent;
};

const std::vector<SiteSpec> kSites = {
    {"isb-g8", "Islamabad G-8 Delivery Center", "Islamabad", 0.45, 0, 210, true, 0, {}},
    {"lhr-gulberg", "Lahore Gulberg Delivery Center", "Lahore", 0.30, 0, 190, true, 0, {}},
    {"khi-sfaisal", "Karachi Shahrah-e-Faisal Center", "Karachi", 0.25, 0, 200, true, 0, {}},
    {"isb-stz",
     "Islamabad Technology Park (STZ, candidate)",
     "Islamabad",
     0,
     300,
     160,
     false,
     250000,
     {{"cloud.k8s", 12}, {"security.soc", 10}, {"oss.automation", 8}}},
    {"lhr-stz",
     "Lahore Technology Zone (STZ, candidate)",
     "Lahore",
     0,
     250,
     150,
     false,
     220000,
     {{"ran.5g", 10}, {"transmission.microwave", 10}, {"cloud.openstack", 6}}},
    {"khi-stz",
     "Karachi Technology Park (STZ, candidate)",
     "Karachi",
     0,
     200,
     155,
     false,
     200000,
     {{"core.ims", 8}, {"ip.routing", 12}, {"transmission.optical", 8}}},
};

struct ClientSpec {
  const char* id;
  const char* name;
  const char* country;
  const char* timezone;
  const char* calendar;
  bool monday_to_friday;  // UAE since 2022; the others work Sunday to Thursday
  bool arabic_p1;         // P1 calls must be answered in Arabic
};

const std::vector<ClientSpec> kClients = {
    {"najd", "Najd Telecom", "SA", "Asia/Riyadh", "sa", false, true},
    {"emirlink", "EmirLink", "AE", "Asia/Dubai", "ae", true, false},
    {"dohawave", "Doha Wave", "QA", "Asia/Qatar", "qa", false, false},
    {"muscatnet", "Muscat Net", "OM", "Asia/Muscat", "om", false, true},
    {"kuwaitconnect", "Kuwait Connect", "KW", "Asia/Kuwait", "kw", false, true},
    {"dilmun", "Dilmun Telecom", "BH", "Asia/Bahrain", "bh", false, false},
    {"rafidain", "Rafidain Mobile", "IQ", "Asia/Baghdad", "iq", false, true},
    {"petra", "Petra Telecom", "JO", "Asia/Amman", "jo", false, false},
    {"hejaz", "Hejaz Mobile", "SA", "Asia/Riyadh", "sa", false, true},
};

struct ProjectSpec {
  const char* name;
  std::vector<std::pair<const char*, int>> roles;  // skill, typical min level
};

const std::vector<ProjectSpec> kProjectKinds = {
    {"5G NR rollout support",
     {{"ran.5g", 3}, {"ran.optimisation", 3}, {"transmission.microwave", 2}}},
    {"5G standalone core deployment", {{"core.5gc", 4}, {"cloud.k8s", 3}, {"core.ps", 3}}},
    {"VoLTE and IMS migration", {{"core.ims", 4}, {"core.cs", 3}, {"ip.routing", 2}}},
    {"Managed NOC renewal", {{"noc.monitoring", 2}, {"noc.incident", 3}, {"oss.fault", 2}}},
    {"IP/MPLS backbone modernisation", {{"ip.mpls", 4}, {"ip.routing", 3}}},
    {"Microwave swap", {{"transmission.microwave", 3}, {"transmission.optical", 3}}},
    {"24x7 security operations", {{"security.soc", 3}, {"security.firewall", 3}}},
    {"OSS automation programme", {{"oss.automation", 4}, {"oss.performance", 3}, {"cloud.k8s", 3}}},
    {"LTE capacity expansion", {{"ran.lte", 3}, {"ran.optimisation", 4}}},
    {"Cloud infrastructure operations", {{"cloud.openstack", 3}, {"cloud.k8s", 3}}},
};

std::vector<model::Skill> make_skills() {
  std::vector<model::Skill> skills;
  for (const auto& s : kSkills) {
    const std::string id = s.id;
    skills.push_back({id, s.name, id.substr(0, id.find('.')), {}});
  }
  for (size_t i = 0; i < kSkills.size(); ++i) {
    for (const char* a : kSkills[i].adjacent) {
      for (size_t j = 0; j < kSkills.size(); ++j) {
        if (std::string(kSkills[j].id) == a) skills[i].adjacent.push_back(static_cast<int>(j));
      }
    }
  }
  return skills;
}

model::SkillIdx skill_index(const std::string& id) {
  for (size_t j = 0; j < kSkills.size(); ++j) {
    if (kSkills[j].id == id) return static_cast<model::SkillIdx>(j);
  }
  throw std::logic_error("sample taxonomy lacks " + id);
}

std::vector<model::Contract> make_contracts() {
  model::WeekdaySet sat_sun;
  sat_sun.insert(std::chrono::Saturday);
  sat_sun.insert(std::chrono::Sunday);
  return {
      {"standard", "Permanent, 48 h week", 1.0, 600, 2880, 660, 6, 4, 8, sat_sun, 2},
      {"night-team", "Permanent, night team", 1.0, 600, 2880, 660, 6, 6, 14, sat_sun, 3},
      {"part-time", "Part-time, 25 h week", 0.5, 360, 1500, 720, 5, 2, 4, sat_sun, 1},
      {"contractor", "Fixed-term contractor", 1.0, 720, 3000, 600, 7, 5, 12, sat_sun, 3},
  };
}

std::vector<model::ShiftType> make_shifts() {
  // Pakistan time; the night shift covers the Gulf's evening and the early morning.
  return {{"M", 6 * 60, 540, false},
          {"G", 9 * 60, 540, false},
          {"E", 14 * 60, 540, false},
          {"N", 22 * 60, 540, true}};
}

std::vector<model::CoverageRequirement> make_coverage(double scale) {
  struct Cover {
    const char* skill;
    int m, g, e, n;
  };
  // Shifts in Pakistan time: M 06-15, G 09-18, E 14-23, N 22-07. The Gulf's business day
  // (08-17 local) is 10-19 in Pakistan, so the day shifts carry most of the cover.
  const std::vector<Cover> base = {
      {"noc.monitoring", 10, 4, 8, 5}, {"noc.incident", 10, 12, 16, 6},
      {"oss.fault", 3, 3, 4, 2},       {"core.ps", 3, 3, 3, 2},
      {"core.ims", 3, 2, 3, 2},        {"ran.lte", 4, 5, 7, 3},
      {"ip.mpls", 4, 3, 3, 2},         {"transmission.microwave", 4, 3, 3, 2},
      {"security.soc", 3, 2, 2, 2},
  };
  std::vector<model::CoverageRequirement> out;
  for (const auto& c : base) {
    const int counts[] = {c.m, c.g, c.e, c.n};
    for (int s = 0; s < 4; ++s) {
      const int engineers = std::max(1, static_cast<int>(std::lround(counts[s] * scale)));
      out.push_back({skill_index(c.skill), s, engineers});
    }
  }
  return out;
}

std::vector<model::HolidayCalendar> make_calendars() {
  std::vector<model::HolidayCalendar> out;
  for (const auto& [file, text] : embedded_files()) {
    io::Diagnostics diagnostics;
    const auto doc = io::parse_json(text, "data/holidays/" + file, diagnostics);
    if (!doc) throw std::logic_error(diagnostics.items().front().to_string());
    const io::JsonCursor root(*doc, "data/holidays/" + file, "", diagnostics);
    auto cal = io::read_holiday_calendar(root, file.substr(0, file.size() - 5));
    if (diagnostics.has_errors()) throw std::logic_error(diagnostics.items().front().to_string());
    out.push_back(std::move(cal));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

model::Client make_client(const ClientSpec& spec, int copy, const model::Center& center) {
  model::Client c;
  c.id = spec.id;
  c.name = spec.name;
  if (copy > 0) {
    c.id += "-" + std::to_string(copy + 1);
    c.name += " " + std::to_string(copy + 1);
  }
  c.country = spec.country;
  c.timezone = spec.timezone;
  for (int i = 0; i < static_cast<int>(center.calendars.size()); ++i) {
    if (center.calendars[i].id == spec.calendar) c.calendar = i;
  }
  c.languages = {"ar", "en"};
  if (spec.monday_to_friday) {
    for (int d = 1; d <= 4; ++d) c.workweek[d] = {8 * 60, 17 * 60};
    c.workweek[5] = {8 * 60, 12 * 60};  // Friday: half day for prayers
  } else {
    for (int d = 0; d <= 4; ++d) c.workweek[d] = {8 * 60, 17 * 60};
  }
  const std::string p1_language = spec.arabic_p1 ? "ar" : "";
  c.sla = {{{15, 240, model::SlaClock::around_the_clock, p1_language},
            {30, 480, model::SlaClock::around_the_clock, ""},
            {120, 1440, model::SlaClock::business_hours, ""},
            {480, 4800, model::SlaClock::business_hours, ""}}};
  return c;
}

std::vector<model::Project> make_projects(const model::Center& center, int count, Rng& rng) {
  std::vector<model::Project> out;
  for (int i = 0; i < count; ++i) {
    const auto& kind = kProjectKinds[rng.below(static_cast<int>(kProjectKinds.size()))];
    model::Project p;
    p.client = rng.below(static_cast<int>(center.clients.size()));
    const auto& client = center.clients[p.client];
    char id[32];
    std::snprintf(id, sizeof id, "P%03d", i + 1);
    p.id = id;
    p.name = client.name + " " + kind.name;
    const int start_month = rng.between(1, 9);
    const int months = rng.between(4, 13 - start_month);
    p.start = day(start_month, 1);
    p.end = model::next_month(day(start_month + months - 1, 1)) - days{1};
    int role_no = 0;
    for (const auto& [skill, level] : kind.roles) {
      model::Role r;
      r.id = "R" + std::to_string(++role_no);
      r.skill = skill_index(skill);
      r.min_level = std::clamp(level + rng.between(-1, 1), 1, 5);
      r.headcount = rng.between(1, level >= 4 ? 4 : 10);
      r.fte = rng.chance(0.2) ? 0.5 : 1.0;
      if (rng.chance(0.3)) r.language = "ar";
      r.mode = rng.chance(0.1) ? model::WorkMode::onsite : model::WorkMode::remote;
      // Onsite engineers fly out from the city of one office, in turn (no draw: the rest of the
      // sample stays as it was).
      if (r.mode == model::WorkMode::onsite) r.city = kSites[out.size() % 3].city;
      r.start = p.start;
      r.end = p.end;
      if (rng.chance(0.25) && months > 3) {
        r.start = model::next_month(p.start);  // ramp-up roles join a month later
      }
      p.roles.push_back(std::move(r));
    }
    out.push_back(std::move(p));
  }
  return out;
}

// Tickets per hour in client time: quiet nights, a late-morning peak, a lighter weekend.
std::vector<model::ForecastSeries> make_forecast(const model::Center& center, double scale,
                                                 Rng& rng) {
  static constexpr double kHourProfile[24] = {0.35, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6,  0.9,
                                              1.3,  1.6, 1.7,  1.6,  1.4, 1.4, 1.5,  1.4,
                                              1.2,  1.0, 0.9,  0.9,  0.8, 0.7, 0.55, 0.45};
  // Tickets per hour at the daily peak of a mid-sized operator, by skill.
  static constexpr std::pair<const char*, double> kSkillLoad[] = {
      {"noc.incident", 1.6}, {"core.ps", 0.35},  {"core.ims", 0.25},
      {"ran.lte", 0.6},      {"ip.mpls", 0.3},   {"transmission.microwave", 0.3},
      {"security.soc", 0.2}, {"oss.fault", 0.35}};
  std::vector<model::ForecastSeries> out;
  for (int c = 0; c < static_cast<int>(center.clients.size()); ++c) {
    const auto& client = center.clients[c];
    const double size = (0.6 + 0.8 * rng.unit()) * scale;
    for (const auto& [skill, load] : kSkillLoad) {
      model::ForecastSeries f;
      f.client = c;
      f.skill = skill_index(skill);
      f.mean_handle_minutes = std::round(25 + 50 * rng.unit());
      f.priority_mix = {0.03, 0.12, 0.45, 0.40};
      for (int h = 0; h < model::kHoursPerWeek; ++h) {
        const int weekday = (h / 24 + 1) % 7;  // hour 0 is Monday; c_encoding 0 is Sunday
        const double week_factor = client.workweek[weekday].is_open() ? 1.0 : 0.55;
        const double noise = 0.9 + 0.2 * rng.unit();
        const double rate = load * size * kHourProfile[h % 24] * week_factor * noise;
        f.arrivals_per_hour[h] = std::round(rate * 1000) / 1000;
      }
      out.push_back(f);
    }
  }
  return out;
}

model::Engineer make_engineer(int number, const model::Center& center,
                              const std::vector<double>& site_weights, Rng& rng) {
  model::Engineer e;
  char id[16];
  std::snprintf(id, sizeof id, "E%05d", number);
  e.id = id;
  const auto given = given_names();
  const auto family = family_names();
  e.name = std::string(given[rng.below(static_cast<int>(given.size()))]) + " " +
           std::string(family[rng.below(static_cast<int>(family.size()))]);
  e.site = rng.weighted(site_weights);
  e.contract = rng.weighted({0.80, 0.08, 0.04, 0.08});
  const int years = std::min(18, static_cast<int>(-std::log(1 - rng.unit()) * 6.0));
  e.hired =
      Date{std::chrono::year{kYear - 1 - years} / std::chrono::month{1} / 1} + days{rng.below(365)};
  // Level grows with experience: a new graduate is 1-2, five years make 3-4, nine years 4-5.
  const int base_level = std::clamp(1 + (years + 1) / 3 + rng.between(0, 1), 1, 5);

  std::vector<double> shares;
  shares.reserve(std::size(kFamilies));
  for (const auto& f : kFamilies) shares.push_back(f.share);
  const auto& fam = kFamilies[rng.weighted(shares)];
  std::set<model::SkillIdx> taken;
  const int own = std::min<int>(static_cast<int>(fam.skills.size()), rng.between(1, 3));
  for (int k = 0; k < own; ++k) {
    const auto skill = skill_index(fam.skills[rng.below(static_cast<int>(fam.skills.size()))]);
    if (!taken.insert(skill).second) continue;
    e.skills.push_back({skill, std::clamp(base_level - k + rng.between(-1, 0), 1, 5)});
  }
  if (rng.chance(0.35)) {  // a second string from a neighbouring skill
    const auto& adjacent = center.skills[e.skills.front().skill].adjacent;
    if (!adjacent.empty()) {
      const auto skill = adjacent[rng.below(static_cast<int>(adjacent.size()))];
      if (taken.insert(skill).second) e.skills.push_back({skill, std::max(1, base_level - 2)});
    }
  }
  const int certs = std::min<int>(rng.between(0, base_level >= 3 ? 3 : 1),
                                  static_cast<int>(fam.certifications.size()));
  for (int k = 0; k < certs; ++k) {
    const std::string name = fam.certifications[k];
    e.certifications.push_back(
        model::Certification{name, day(1, 1) + days{rng.between(-200, 3 * 365)}});
  }
  e.languages = {"en", "ur"};
  if (rng.chance(0.18)) e.languages.emplace_back("ar");
  // Annual leave: one to three blocks, never overlapping (blocks sit in separate thirds of the
  // year).
  const int blocks = rng.weighted({0.3, 0.4, 0.2, 0.1});
  for (int b = 0; b < blocks; ++b) {
    const Date first = day(1, 1) + days{b * 120 + rng.below(100)};
    e.leave.push_back({first, first + days{rng.between(0, 13)}});
  }
  return e;
}

}  // namespace

model::Center generate_center(const GenerateOptions& options) {
  if (options.engineers < 1 || options.engineers > 1000000) {
    throw model::BadInput("--engineers must be between 1 and 1000000");
  }
  if (options.clients < 1 || options.clients > 90) {
    throw model::BadInput("--clients must be between 1 and 90");
  }
  if (options.projects < 0 || options.projects > 100000) {
    throw model::BadInput("projects must be between 0 (automatic) and 100000");
  }
  Rng rng(options.seed);
  const double scale = options.engineers / 850.0;

  model::Center center;
  center.id = "rcc-pk";
  center.name = "Regional Competence Center Pakistan";
  center.timezone = "Asia/Karachi";
  center.plan_start = day(1, 1);
  center.plan_end = day(12, 31);
  center.skills = make_skills();
  center.contracts = make_contracts();
  center.shift_types = make_shifts();
  center.coverage = make_coverage(scale);
  center.calendars = make_calendars();

  std::vector<double> site_weights;
  for (const auto& s : kSites) {
    // Open sites get seats for their share of engineers plus 15% headroom.
    const int seats = s.open ? static_cast<int>(std::ceil(options.engineers * s.share * 1.15)) + 10
                             : static_cast<int>(std::ceil(s.seats * std::max(1.0, scale)));
    center.sites.push_back(
        {s.id, s.name, s.city, seats, s.cost_per_seat_month, s.open, s.opening_cost, {}});
    for (const auto& [skill, hires] : s.talent) {
      center.sites.back().talent.push_back(
          {skill_index(skill), static_cast<int>(std::ceil(hires * std::max(1.0, scale)))});
    }
    site_weights.push_back(s.share);
  }

  for (int i = 0; i < options.clients; ++i) {
    const int n = static_cast<int>(kClients.size());
    center.clients.push_back(make_client(kClients[i % n], i / n, center));
  }
  // Drawn either way: the default center stays byte-identical to earlier versions.
  const int drawn = rng.between(12, 20) * std::max(1, options.engineers / 850);
  const int projects = options.projects > 0 ? options.projects : drawn;
  center.projects = make_projects(center, projects, rng);
  center.forecast = make_forecast(center, scale, rng);

  center.engineers.reserve(options.engineers);
  for (int i = 0; i < options.engineers; ++i) {
    center.engineers.push_back(make_engineer(i + 1, center, site_weights, rng));
  }
  // A small center may lack a skill altogether: it then takes no tickets for it.
  std::set<model::SkillIdx> held;
  for (const auto& e : center.engineers) {
    for (const auto& s : e.skills) held.insert(s.skill);
  }
  std::erase_if(center.forecast, [&](const auto& f) { return !held.contains(f.skill); });
  return center;
}

}  // namespace rcc::generate
