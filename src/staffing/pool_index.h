// The talent pool as the staffing rules read it, in flat tables: skill levels, languages and the
// holders of each skill. The candidate loops ask millions of times at 20,000 engineers (a search
// through each engineer's skills and languages was most of the time there).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/center.h"

namespace rcc::staffing {

class PoolIndex {
 public:
  explicit PoolIndex(const model::Center& center);

  int level(model::EngineerIdx e, model::SkillIdx skill) const {
    return levels_[static_cast<size_t>(e) * n_skills_ + skill];
  }
  bool speaks(model::EngineerIdx e, const std::string& language) const;
  // The engineers holding a skill at any level.
  const std::vector<model::EngineerIdx>& holders(model::SkillIdx skill) const {
    return holders_[skill];
  }

 private:
  const model::Center& center_;
  size_t n_skills_;
  std::vector<std::vector<model::EngineerIdx>> holders_;
  std::vector<std::int8_t> levels_;
  std::map<std::string, int> language_bit_;
  std::vector<std::uint64_t> languages_;
};

// The latest expiry of the engineer's certification of that name, if they hold one.
std::optional<model::Date> certificate_valid_to(const model::Engineer& e, const std::string& name);

}  // namespace rcc::staffing
