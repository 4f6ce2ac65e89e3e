#include "drivers/aix/parse/lsps.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "lsps -a";

bool YesNo(const std::string& s, bool* out) {
  if (s == "yes") {
    *out = true;
    return true;
  }
  if (s == "no") {
    *out = false;
    return true;
  }
  return false;
}

}  // namespace

Status ParseLspsA(const std::string& text, std::vector<PagingSpace>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  size_t columns = 0;  // 0 until the header is read
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    if (columns == 0) {
      const std::string h = CollapseSpaces(l.text);
      if (h == "Page Space Physical Volume Volume Group Size %Used Active Auto Type") {
        columns = 8;
      } else if (h == "Page Space Physical Volume Volume Group Size %Used Active Auto Type Chksum") {
        columns = 9;
      } else {
        return LineError(kCmd, l, "not the lsps -a header");
      }
      continue;
    }
    const std::vector<Token> t = Tokenize(l.text);
    if (t.size() != columns) {
      return LineError(kCmd, l, std::to_string(t.size()) + " words where the header has " +
                                    std::to_string(columns) + " columns");
    }
    PagingSpace p;
    p.name = t[0].text;
    if (!IsAixName(p.name)) return LineError(kCmd, l, "not a paging space name");
    p.physical_volume = t[1].text;
    p.volume_group = t[2].text;
    const std::string& size = t[3].text;
    if (size.size() < 3 || size.compare(size.size() - 2, 2, "MB") != 0 ||
        !ParseUint(std::string_view(size).substr(0, size.size() - 2), &p.size_mb)) {
      return LineError(kCmd, l, "size is not <n>MB");
    }
    uint64_t used = 0;
    if (!ParseUint(t[4].text, &used) || used > 100) return LineError(kCmd, l, "%Used is not 0..100");
    p.used_percent = static_cast<int>(used);
    if (!YesNo(t[5].text, &p.active)) return LineError(kCmd, l, "Active is not yes or no");
    if (!YesNo(t[6].text, &p.automatic)) return LineError(kCmd, l, "Auto is not yes or no");
    p.type = t[7].text;
    if (!IsAixName(p.type)) return LineError(kCmd, l, "not a paging space type");
    if (columns == 9) {
      p.has_checksum = true;
      if (!ParseUint(t[8].text, &p.checksum_bits)) return LineError(kCmd, l, "Chksum is not a number");
    }
    out->push_back(p);
  }
  if (columns == 0) return EndError(kCmd, lines, "empty output: no header");
  if (out->empty()) return EndError(kCmd, lines, "no paging space after the header");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<PagingSpace>& spaces) {
  nlohmann::json a = nlohmann::json::array();
  for (const PagingSpace& p : spaces) {
    nlohmann::json j = {{"name", p.name},
                        {"physical_volume", p.physical_volume},
                        {"volume_group", p.volume_group},
                        {"size_mb", p.size_mb},
                        {"used_percent", p.used_percent},
                        {"active", p.active},
                        {"auto", p.automatic},
                        {"type", p.type}};
    j["checksum_bits"] = p.has_checksum ? nlohmann::json(p.checksum_bits) : nlohmann::json(nullptr);
    a.push_back(j);
  }
  return a;
}

}  // namespace lvu::drivers::aix
