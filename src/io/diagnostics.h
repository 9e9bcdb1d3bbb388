// Errors and warnings found in input files, each with the place it was found: a file and line
// (CSV, JSON syntax) or a file and JSON path (JSON content). Loading collects all of them rather
// than stopping at the first, so a planner fixes a dataset in one pass.
#pragma once

#include <string>
#include <vector>

namespace rcc::io {

struct Location {
  std::string file;       // as given to the loader, e.g. "data/sample/engineers.csv"
  int line = 0;           // 1-based; 0 when the place is a JSON path
  int column = 0;         // 1-based; 0 when unknown
  std::string json_path;  // RFC 6901 pointer, e.g. "/clients/2/timezone"

  std::string to_string() const;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;

  std::string to_string() const;  // "engineers.csv:17: error: unknown skill \"ran.6g\""
};

class Diagnostics {
 public:
  void error(Location where, std::string message) {
    items_.push_back({Severity::error, std::move(where), std::move(message)});
  }
  void warning(Location where, std::string message) {
    items_.push_back({Severity::warning, std::move(where), std::move(message)});
  }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

  int error_count() const;
  // File by file, lines in order; within a file, JSON problems keep the order they were found.
  void sort_by_place();
  bool has_errors() const { return error_count() > 0; }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// Thrown at the boundary when input is rejected; carries every diagnostic found.
class InputError : public std::exception {
 public:
  explicit InputError(Diagnostics diagnostics);
  const char* what() const noexcept override { return summary_.c_str(); }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
  std::string summary_;
};

}  // namespace rcc::io
