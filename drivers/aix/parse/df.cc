#include "drivers/aix/parse/df.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "df";

bool Number(const std::string& s, std::optional<double>* out) {
  if (s == "-") return true;
  double v = 0;
  if (!ParseDecimal(s, &v) || v < 0) return false;
  *out = v;
  return true;
}

bool Percent(const std::string& s, std::optional<int>* out) {
  if (s == "-") return true;
  uint64_t v = 0;
  if (s.size() < 2 || s.back() != '%' || !ParseUint(s.substr(0, s.size() - 1), &v) || v > 100) return false;
  *out = static_cast<int>(v);
  return true;
}

bool Count(const std::string& s, std::optional<uint64_t>* out) {
  if (s == "-") return true;
  uint64_t v = 0;
  if (!ParseUint(s, &v)) return false;
  *out = v;
  return true;
}

}  // namespace

const char* DfUnitName(DfUnit u) {
  switch (u) {
    case DfUnit::k512Blocks: return "512-blocks";
    case DfUnit::k1024Blocks: return "1024-blocks";
    case DfUnit::kMB: return "MB";
    case DfUnit::kGB: return "GB";
  }
  return "";
}

Status ParseDf(const std::string& text, DfOutput* out) {
  *out = DfOutput();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  bool header = false;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::vector<Token> t = Tokenize(l.text);
    if (!header) {
      const std::string h = CollapseSpaces(l.text);
      static const std::pair<const char*, DfUnit> kHeaders[] = {
          {"Filesystem 512-blocks Free %Used Iused %Iused Mounted on", DfUnit::k512Blocks},
          {"Filesystem 1024-blocks Free %Used Iused %Iused Mounted on", DfUnit::k1024Blocks},
          {"Filesystem MB blocks Free %Used Iused %Iused Mounted on", DfUnit::kMB},
          {"Filesystem GB blocks Free %Used Iused %Iused Mounted on", DfUnit::kGB},
      };
      for (const auto& [text_h, unit] : kHeaders) {
        if (h == text_h) {
          out->unit = unit;
          header = true;
        }
      }
      if (!header) return LineError(kCmd, l, "not the df header");
      continue;
    }
    if (t.size() < 7) return LineError(kCmd, l, "fewer than 7 columns");
    DfRow r;
    r.filesystem = t[0].text;
    if (!Number(t[1].text, &r.size) || !Number(t[2].text, &r.free)) {
      return LineError(kCmd, l, "size or free is not a number");
    }
    if (!Percent(t[3].text, &r.used_percent) || !Count(t[4].text, &r.inodes_used) ||
        !Percent(t[5].text, &r.inodes_used_percent)) {
      return LineError(kCmd, l, "%Used, Iused or %Iused is not a number");
    }
    r.mounted_on = TrimRight(std::string_view(l.text).substr(t[6].column));
    out->rows.push_back(r);
  }
  if (!header) return EndError(kCmd, lines, "empty output");
  if (out->rows.empty()) return EndError(kCmd, lines, "no file system after the header (/ is always mounted)");
  return Status::OK();
}

nlohmann::json ToJson(const DfOutput& df) {
  auto opt = [](const auto& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); };
  nlohmann::json rows = nlohmann::json::array();
  for (const DfRow& r : df.rows) {
    rows.push_back({{"filesystem", r.filesystem},
                    {"size", opt(r.size)},
                    {"free", opt(r.free)},
                    {"used_percent", opt(r.used_percent)},
                    {"inodes_used", opt(r.inodes_used)},
                    {"inodes_used_percent", opt(r.inodes_used_percent)},
                    {"mounted_on", r.mounted_on}});
  }
  return {{"unit", DfUnitName(df.unit)}, {"filesystems", rows}};
}

}  // namespace lvu::drivers::aix
