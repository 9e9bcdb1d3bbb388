// Reading JSON documents field by field while collecting every problem with its JSON path.
// A cursor is a node plus where it sits ("clients.json" + "/clients/3"); getters report a missing
// field, a wrong type or an unknown field at that place and carry on.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostics.h"
#include "model/types.h"

namespace rcc::io {

using Json = nlohmann::ordered_json;

// Parses a whole JSON document; a syntax error is reported with line and column.
std::optional<Json> parse_json(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics);

// Pretty-prints like `dump(2)` but keeps arrays of plain values on one line, so that forecasts
// and lists of codes stay readable. Ends with a newline.
std::string to_pretty_json(const Json& value);

enum class Need { required, optional };

class JsonCursor {
 public:
  JsonCursor(const Json& node, std::string file, std::string path, Diagnostics& diagnostics)
      : node_(&node), file_(std::move(file)), path_(std::move(path)), diag_(&diagnostics) {}

  const Json& node() const { return *node_; }
  const std::string& file() const { return file_; }
  const std::string& path() const { return path_; }
  Location location(std::string_view child = {}) const;
  void error(std::string_view child, const std::string& message) const;

  bool has(std::string_view key) const;
  // Requires the node to be an object; reports every key not in `known`.
  bool expect_object(std::initializer_list<std::string_view> known) const;

  std::optional<std::string> string(std::string_view key, Need need = Need::required) const;
  std::optional<int> integer(std::string_view key, Need need = Need::required) const;
  std::optional<double> number(std::string_view key, Need need = Need::required) const;
  std::optional<bool> boolean(std::string_view key, Need need = Need::required) const;
  std::optional<model::Date> date(std::string_view key, Need need = Need::required) const;
  std::optional<int> clock(std::string_view key, Need need = Need::required) const;
  std::vector<std::string> strings(std::string_view key, Need need = Need::required) const;
  std::vector<double> numbers(std::string_view key, Need need = Need::required) const;
  // Elements of an array field, each a cursor at "<path>/<key>/<i>".
  std::vector<JsonCursor> array(std::string_view key, Need need = Need::required) const;
  std::optional<JsonCursor> object(std::string_view key, Need need = Need::required) const;

 private:
  const Json* field(std::string_view key, Need need) const;
  std::string child_path(std::string_view child) const;

  const Json* node_;
  std::string file_;
  std::string path_;
  Diagnostics* diag_;
};

}  // namespace rcc::io
