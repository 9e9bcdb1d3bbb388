# Writes OUTPUT: a C++ source defining rcc::generate::embedded_files(), a list of
# {file name, content} for every file in INPUTS. Run by CMake at build time.
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(body "")
foreach(input IN LISTS INPUTS)
  get_filename_component(name ${input} NAME)
  file(READ ${input} content HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," content "${content}")
  string(APPEND body "  {\"${name}\", std::string({${content}})},\n")
endforeach()
file(WRITE ${OUTPUT} "// Generated from data/holidays by scripts/embed_files.cmake. Do not edit.
#include <string>
#include <utility>
#include <vector>

namespace rcc::generate {
const std::vector<std::pair<std::string, std::string>>& embedded_files() {
  static const std::vector<std::pair<std::string, std::string>> files = {
${body}  };
  return files;
}
}  // namespace rcc::generate
")
