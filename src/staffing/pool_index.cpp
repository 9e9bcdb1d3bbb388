#include "staffing/pool_index.h"

namespace rcc::staffing {

PoolIndex::PoolIndex(const model::Center& center)
    : center_(center), n_skills_(center.skills.size()), holders_(center.skills.size()) {
  for (const auto& p : center.projects) {
    for (const auto& r : p.roles) {
      if (!r.language.empty() && language_bit_.size() < 64) {
        language_bit_.emplace(r.language, static_cast<int>(language_bit_.size()));
      }
    }
  }
  levels_.assign(center.engineers.size() * n_skills_, 0);
  languages_.assign(center.engineers.size(), 0);
  for (int e = 0; e < static_cast<int>(center.engineers.size()); ++e) {
    const auto& eng = center.engineers[e];
    for (const auto& sl : eng.skills) {
      holders_[sl.skill].push_back(e);
      levels_[static_cast<size_t>(e) * n_skills_ + sl.skill] = static_cast<std::int8_t>(sl.level);
    }
    for (const auto& [language, bit] : language_bit_) {
      if (eng.speaks(language)) languages_[e] |= std::uint64_t{1} << bit;
    }
  }
}

bool PoolIndex::speaks(model::EngineerIdx e, const std::string& language) const {
  if (language.empty()) return true;
  const auto it = language_bit_.find(language);
  if (it == language_bit_.end()) return center_.engineers[e].speaks(language);
  return (languages_[e] >> it->second) & 1;
}

std::optional<model::Date> certificate_valid_to(const model::Engineer& e, const std::string& name) {
  std::optional<model::Date> latest;
  for (const auto& c : e.certifications) {
    if (c.name == name && (!latest || c.expires > *latest)) latest = c.expires;
  }
  return latest;
}

}  // namespace rcc::staffing
