#include "model/center.h"

#include <algorithm>

namespace rcc::model {

std::optional<Priority> priority_from_code(std::string_view code) {
  for (int p = 0; p < kPriorities; ++p) {
    if (kPriorityCodes[p] == code) return static_cast<Priority>(p);
  }
  return std::nullopt;
}

int Engineer::level(SkillIdx skill) const {
  for (const auto& s : skills) {
    if (s.skill == skill) return s.level;
  }
  return 0;
}

bool Engineer::speaks(const std::string& language) const {
  return std::find(languages.begin(), languages.end(), language) != languages.end();
}

bool Engineer::on_leave(Date day) const {
  return std::any_of(leave.begin(), leave.end(),
                     [day](const Leave& l) { return l.first <= day && day <= l.last; });
}

namespace {
template <class T>
std::optional<std::int32_t> find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [id](const T& x) { return x.id == id; });
  if (it == items.end()) return std::nullopt;
  return static_cast<std::int32_t>(it - items.begin());
}
}  // namespace

std::optional<SkillIdx> Center::find_skill(std::string_view skill_id) const {
  return find_by_id(skills, skill_id);
}
std::optional<ClientIdx> Center::find_client(std::string_view client_id) const {
  return find_by_id(clients, client_id);
}

}  // namespace rcc::model
