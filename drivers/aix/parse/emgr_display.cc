// See emgr_display.h.
#include "drivers/aix/parse/emgr_display.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "emgr -d";

// `value` as yes/no into *out, or Corruption naming the line.
Status YesNo(const Line& l, const std::string& key, const std::string& value, std::optional<bool>* out) {
  if (value != "yes" && value != "no") return LineError(kCmd, l, key + " is not yes or no");
  const bool v = value == "yes";
  if (out->has_value() && **out != v) return LineError(kCmd, l, key + " printed again with another value");
  *out = v;
  return Status::OK();
}

Status Text(const Line& l, const std::string& key, const std::string& value, std::string* out) {
  if (!out->empty() && *out != value) return LineError(kCmd, l, key + " printed again with another value");
  *out = value;
  return Status::OK();
}

}  // namespace

Status ParseEmgrDisplay(const std::string& text, FixDisplay* out) {
  *out = FixDisplay();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool any = false;
  for (const Line& l : lines) {
    const size_t colon = l.text.find(':');
    if (colon == std::string::npos || l.text.empty() || l.text[0] == ' ' || l.text[0] == '\t') continue;
    const std::string key = l.text.substr(0, colon);
    const std::string value = Trim(std::string_view(l.text).substr(colon + 1));
    Status s;
    if (key == "LABEL") s = Text(l, key, value, &out->label);
    else if (key == "ABSTRACT") s = Text(l, key, value, &out->abstract);
    else if (key == "REBOOT REQUIRED") s = YesNo(l, key, value, &out->reboot_required);
    else if (key == "BUILD BOOT IMAGE") s = YesNo(l, key, value, &out->build_boot_image);
    else if (key == "LU CAPABLE") s = YesNo(l, key, value, &out->lu_capable);
    else if (key == "PRE-REQUISITES") s = YesNo(l, key, value, &out->prerequisites);
    else continue;
    LVU_RETURN_IF_ERROR(s);
    any = true;
  }
  if (!any) return EndError(kCmd, lines, "not an emgr display: none of LABEL, LU CAPABLE, REBOOT REQUIRED");
  return Status::OK();
}

nlohmann::json ToJson(const FixDisplay& d) {
  auto b = [](const std::optional<bool>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"label", d.label},
          {"abstract", d.abstract},
          {"reboot_required", b(d.reboot_required)},
          {"build_boot_image", b(d.build_boot_image)},
          {"lu_capable", b(d.lu_capable)},
          {"prerequisites", b(d.prerequisites)}};
}

}  // namespace lvu::drivers::aix
