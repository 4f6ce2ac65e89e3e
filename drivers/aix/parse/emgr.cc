#include "drivers/aix/parse/emgr.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "emgr -l";

bool Shape(const std::string& s, const char* pattern) {  // '9' = digit
  if (s.size() != std::char_traits<char>::length(pattern)) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (pattern[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i]) return false;
  }
  return true;
}

bool IsLegendLine(const std::string& t) {  // "S = STABLE", "SP = STABLE + PATCHED"
  const size_t eq = t.find(" = ");
  if (eq == std::string::npos || eq == 0 || eq > 4) return false;
  for (size_t i = 0; i < eq; ++i) {
    if (t[i] < 'A' || t[i] > 'Z') return false;
  }
  return eq + 3 < t.size();
}

}  // namespace

Status ParseEmgrList(const std::string& text, std::vector<InterimFix>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  enum { kHeader, kRuler, kRows, kLegend } at = kHeader;
  size_t col_updated = 0, col_abstract = 0;
  const Line* header = nullptr;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::string t = Trim(l.text);
    if (at == kHeader) {
      if (t == "There is no efix data on this system.") {
        at = kLegend;
        continue;
      }
      if (CollapseSpaces(t) != "ID STATE LABEL INSTALL TIME UPDATED BY ABSTRACT") {
        return LineError(kCmd, l, "not the emgr -l header");
      }
      header = &l;
      col_updated = l.text.find("UPDATED BY");
      col_abstract = l.text.find("ABSTRACT");
      at = kRuler;
    } else if (at == kRuler) {
      if (t.find_first_not_of("= ") != std::string::npos) return LineError(kCmd, l, "not the ruler of '='");
      const std::vector<Token> runs = Tokenize(l.text);
      if (runs.size() == 6) {
        col_updated = runs[4].column;
        col_abstract = runs[5].column;
      }
      at = kRows;
    } else if (at == kRows && t == "STATE codes:") {
      at = kLegend;
    } else if (at == kRows) {
      const std::vector<Token> tok = Tokenize(l.text);
      if (tok.size() < 5) return LineError(kCmd, l, "row cut short");
      InterimFix f;
      if (!ParseUint(tok[0].text, &f.id)) return LineError(kCmd, l, "ID is not a number");
      f.state = tok[1].text;
      std::string code = f.state;
      std::erase(code, '*');
      f.reboot_required = code == "Q" || code == "RQ";
      f.label = tok[2].text;
      if (!Shape(tok[3].text, "99/99/99") || !Shape(tok[4].text, "99:99:99")) {
        return LineError(kCmd, l, "INSTALL TIME is not MM/DD/YY HH:MM:SS");
      }
      f.install_time = tok[3].text + " " + tok[4].text;
      if (tok.size() > 5) {
        const size_t first = tok[5].column;
        if (first >= col_abstract) {
          f.abstract = TrimRight(std::string_view(l.text).substr(first));
        } else if (first >= col_updated && tok.size() > 6 && tok[6].column >= col_abstract) {
          f.updated_by = tok[5].text;
          f.abstract = TrimRight(std::string_view(l.text).substr(tok[6].column));
        } else {
          return LineError(kCmd, l, "cannot tell UPDATED BY from ABSTRACT (columns from line " +
                                        std::to_string(header->number) + " do not fit)");
        }
      }
      out->push_back(f);
    } else {  // kLegend
      if (!IsLegendLine(t)) return LineError(kCmd, l, "not a \"CODE = MEANING\" line of the legend");
    }
  }
  if (at == kHeader) return EndError(kCmd, lines, "empty output");
  if (at == kRuler) return EndError(kCmd, lines, "no ruler after the header");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<InterimFix>& fixes) {
  nlohmann::json a = nlohmann::json::array();
  for (const InterimFix& f : fixes) {
    a.push_back({{"id", f.id},
                 {"state", f.state},
                 {"reboot_required", f.reboot_required},
                 {"label", f.label},
                 {"install_time", f.install_time},
                 {"updated_by", f.updated_by},
                 {"abstract", f.abstract}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
