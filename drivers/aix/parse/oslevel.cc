#include "drivers/aix/parse/oslevel.h"

#include <vector>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

Status ParseOslevel(const std::string& text, OsLevel* out) {
  static const char* kCmd = "oslevel -s";
  *out = OsLevel();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  const Line* found = nullptr;
  LVU_RETURN_IF_ERROR(SingleLine(kCmd, lines, &found));
  const std::string t = Trim(found->text);
  uint64_t vr = 0, tl = 0, sp = 0, build = 0;
  const bool shape = t.size() == 15 && t[4] == '-' && t[7] == '-' && t[10] == '-';
  if (!shape || !ParseUint(t.substr(0, 4), &vr) || !ParseUint(t.substr(5, 2), &tl) ||
      !ParseUint(t.substr(8, 2), &sp) || !ParseUint(t.substr(11, 4), &build)) {
    return LineError(kCmd, *found, "not VVRR-TL-SP-YYWW");
  }
  out->text = t;
  out->version = static_cast<int>(vr / 1000);
  out->release = static_cast<int>(vr / 100 % 10);
  out->technology_level = static_cast<int>(tl);
  out->service_pack = static_cast<int>(sp);
  out->build = t.substr(11);
  return Status::OK();
}

nlohmann::json ToJson(const OsLevel& l) {
  return {{"text", l.text},
          {"version", l.version},
          {"release", l.release},
          {"technology_level", l.technology_level},
          {"service_pack", l.service_pack},
          {"build", l.build}};
}

}  // namespace lvu::drivers::aix
