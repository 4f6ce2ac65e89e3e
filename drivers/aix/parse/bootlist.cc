#include "drivers/aix/parse/bootlist.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {

Status ParseBootlist(const std::string& text, std::vector<BootDevice>* out) {
  static const char* kCmd = "bootlist";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::vector<Token> t = Tokenize(l.text);
    BootDevice d;
    d.device = t[0].text;
    if (!IsAixName(d.device)) return LineError(kCmd, l, "not a device name");
    for (size_t i = 1; i < t.size(); ++i) {
      const size_t eq = t[i].text.find('=');
      if (eq == std::string::npos || eq == 0) return LineError(kCmd, l, "word " + std::to_string(i + 1) + " is not name=value");
      const std::string name = t[i].text.substr(0, eq), value = t[i].text.substr(eq + 1);
      if (name == "blv") {
        d.blv = value;
      } else if (name == "pathid") {
        uint64_t id = 0;
        if (!ParseUint(value, &id) || id > 0xFFFF) return LineError(kCmd, l, "pathid is not a number");
        d.pathid = static_cast<int64_t>(id);
      } else {
        d.other.emplace_back(name, value);
      }
    }
    out->push_back(std::move(d));
  }
  if (out->empty()) return EndError(kCmd, lines, "empty output: no boot device");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<BootDevice>& devices) {
  nlohmann::json a = nlohmann::json::array();
  for (const BootDevice& d : devices) {
    nlohmann::json j = {{"device", d.device}, {"blv", d.blv}};
    if (d.pathid >= 0) j["pathid"] = d.pathid;
    for (const auto& [k, v] : d.other) j[k] = v;
    a.push_back(j);
  }
  return a;
}

}  // namespace lvu::drivers::aix
