#include "io/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace rcc::io {

std::string Location::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!json_path.empty()) out += ":" + json_path;
  return out;
}

std::string Diagnostic::to_string() const {
  return where.to_string() + ": " + (severity == Severity::error ? "error: " : "warning: ") +
         message;
}

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

void Diagnostics::sort_by_place() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
  });
}

InputError::InputError(Diagnostics diagnostics) : diagnostics_(std::move(diagnostics)) {
  for (const auto& d : diagnostics_.items()) {
    if (d.severity == Severity::error) {
      summary_ = d.to_string();
      break;
    }
  }
  const int more = diagnostics_.error_count() - 1;
  if (more > 0) summary_ += " (and " + std::to_string(more) + " more errors)";
}

}  // namespace rcc::io
