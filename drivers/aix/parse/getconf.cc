#include "drivers/aix/parse/getconf.h"

#include <vector>

#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

namespace {

Status ParseSizeMb(const char* kCmd, const std::string& text, uint64_t* size_mb) {
  *size_mb = 0;
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  const Line* found = nullptr;
  LVU_RETURN_IF_ERROR(SingleLine(kCmd, lines, &found));
  if (!ParseUint(Trim(found->text), size_mb)) return LineError(kCmd, *found, "not a number of MB");
  return Status::OK();
}

}  // namespace

Status ParseGetconfDiskSize(const std::string& text, uint64_t* size_mb) {
  return ParseSizeMb("getconf DISK_SIZE", text, size_mb);
}

Status ParseBootinfoSize(const std::string& text, uint64_t* size_mb) {
  return ParseSizeMb("bootinfo -s", text, size_mb);
}

}  // namespace lvu::drivers::aix
