#include "drivers/aix/parse/uname.h"

#include <vector>

#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

Status ParseUnameL(const std::string& text, PartitionId* out) {
  static const char* kCmd = "uname -L";
  *out = PartitionId();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  const Line* found = nullptr;
  LVU_RETURN_IF_ERROR(SingleLine(kCmd, lines, &found));
  const std::string t = TrimRight(found->text);
  const size_t sp = t.find(' ');
  if (sp == std::string::npos || !ParseInt(t.substr(0, sp), &out->id) || out->id < -1 || out->id > 0xFFFF) {
    return LineError(kCmd, *found, "not \"<partition number> <partition name>\"");
  }
  out->name = t.substr(sp + 1);
  if (out->name.empty() || out->name.size() > 128) return LineError(kCmd, *found, "no partition name");
  return Status::OK();
}

nlohmann::json ToJson(const PartitionId& p) { return {{"id", p.id}, {"name", p.name}}; }

}  // namespace lvu::drivers::aix
