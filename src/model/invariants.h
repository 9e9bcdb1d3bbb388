// Invariants of a Center that do not depend on where it was read from: ranges, uniqueness,
// periods that end before they start. Each problem names the entity; io/ turns that into a place
// in a file (file:line or JSON path).
#pragma once

#include <string>
#include <vector>

#include "model/center.h"

namespace rcc::model {

enum class EntityKind {
  center,
  skill,
  site,
  contract,
  shift_type,
  coverage,
  calendar,
  holiday,  // sub = holiday index within calendar `index`
  client,
  project,
  role,  // sub = role index within project `index`
  forecast,
  engineer,
};

struct EntityRef {
  EntityKind kind = EntityKind::center;
  int index = -1;
  int sub = -1;
};

struct Problem {
  EntityRef where;
  std::string field;  // the field at fault, as named in the dataset files
  std::string message;
};

std::vector<Problem> check_invariants(const Center& center);

}  // namespace rcc::model
