// The aix command group: see aix_commands.h.
#include "cli/aix_commands.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/limits.h"
#include "drivers/aix/parse/parse_command.h"

namespace lvu::cli {

int CmdAixParse(const GlobalOptions&, const std::string& command_line, const std::string& file) {
  std::string text;
  const std::string from = file.empty() || file == "-" ? "/dev/stdin" : file;
  Status s = ReadFileLimited(from, kMaxImportBytes, "the command's output", &text);
  if (!s.ok()) {
    std::fprintf(stderr, "lvupdate: aix parse: %s\n", s.message().c_str());
    return s.IsIOError() ? kExitCannotRun : kExitBadInput;
  }
  nlohmann::json out;
  s = drivers::aix::ParseCommandOutput(command_line, text, &out);
  if (!s.ok()) {
    std::fprintf(stderr, "lvupdate: aix parse: %s%s\n", file.empty() ? "" : (file + ": ").c_str(), s.message().c_str());
    return kExitBadInput;
  }
  std::printf("%s\n", out.dump(2).c_str());
  return kExitOk;
}

}  // namespace lvu::cli
