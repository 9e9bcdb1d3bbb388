// Plain-text tables for the terminal: columns aligned, numbers right-aligned.
#pragma once

#include <string>
#include <vector>

namespace rcc::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

std::string fixed(double value, int decimals = 1);

}  // namespace rcc::cli
