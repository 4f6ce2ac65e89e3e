#include "drivers/aix/parse/lsattr.h"

#include <algorithm>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

bool IsBlankAt(const std::string& s, size_t i) { return i >= s.size() || s[i] == ' ' || s[i] == '\t'; }

// "True", "False", "True+", "False+".
bool Settable(const std::string& s, bool* settable, bool* plus) {
  std::string_view v = s;
  *plus = !v.empty() && v.back() == '+';
  if (*plus) v.remove_suffix(1);
  if (v == "True") *settable = true;
  else if (v == "False") *settable = false;
  else return false;
  return true;
}

}  // namespace

Status ParseLsattr(const std::string& text, std::vector<DeviceAttribute>* out) {
  static const char* kCmd = "lsattr -E";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<const Line*> rows;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    if (rows.empty() && CollapseSpaces(l.text) == "attribute value description user_settable") continue;
    rows.push_back(&l);
  }
  if (rows.empty()) return EndError(kCmd, lines, "empty output: no attribute");
  // Per row: where the second word and the last word start.
  std::vector<size_t> last_start(rows.size());
  size_t names_width = 0;  // the longest name plus the blank after it
  size_t value_col = std::string::npos;
  bool second_words_aligned = true;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Line& row = *rows[r];
    const std::vector<Token> t = Tokenize(row.text);
    if (t[0].column != 0) return LineError(kCmd, row, "no attribute name in column 1");
    if (!IsAixName(t[0].text)) return LineError(kCmd, row, "not an attribute name");
    bool settable = false, plus = false;
    if (!Settable(t.back().text, &settable, &plus)) {
      return LineError(kCmd, row, "last word is not True or False (user_settable)");
    }
    if (t.size() < 3) return LineError(kCmd, row, "no description");
    last_start[r] = t.back().column;
    names_width = std::max(names_width, t[0].text.size() + 1);
    if (value_col != std::string::npos && t[1].column != value_col) second_words_aligned = false;
    value_col = std::min(value_col, t[1].column);
  }
  // The value column: where the first value starts. When the second words of
  // all rows are aligned they are the values only if they start one blank
  // after the longest name, as lsattr pads; otherwise they may as well be
  // the descriptions of empty values.
  if (second_words_aligned && value_col != names_width) {
    return LineError(kCmd, *rows[0],
                     "no value one blank after the longest attribute name: values cannot be told from "
                     "descriptions");
  }
  // The description column: the first position after the value column where
  // every row has a word after a blank, before its user_settable word.
  size_t desc_col = std::string::npos;
  const size_t limit = *std::min_element(last_start.begin(), last_start.end());
  for (size_t c = value_col + 1; c < limit && desc_col == std::string::npos; ++c) {
    bool all = true;
    for (const Line* row : rows) {
      if (!IsBlankAt(row->text, c - 1) || IsBlankAt(row->text, c)) {
        all = false;
        break;
      }
    }
    if (all) desc_col = c;
  }
  if (desc_col == std::string::npos) {
    return LineError(kCmd, *rows[0], "no description column common to all rows");
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::string& t = rows[r]->text;
    DeviceAttribute a;
    a.name = Tokenize(t)[0].text;
    a.value = Trim(std::string_view(t).substr(value_col, desc_col - value_col));
    a.description = Trim(std::string_view(t).substr(desc_col, last_start[r] - desc_col));
    if (a.description.empty()) return LineError(kCmd, *rows[r], "no description");
    Settable(t.substr(last_start[r]), &a.user_settable, &a.updatable_in_use);
    out->push_back(a);
  }
  return Status::OK();
}

Status ParseLsattrColon(const std::string& text, std::vector<AttributeValue>* out) {
  static const char* kCmd = "lsattr -O";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<std::string> names;
  size_t i = 0;
  while (i < lines.size() && IsBlank(lines[i].text)) ++i;
  if (i == lines.size()) return EndError(kCmd, lines, "empty output: no '#name' line");
  const Line& head = lines[i];
  if (head.text[0] != '#') return LineError(kCmd, head, "not a '#name:name...' line");
  names = SplitOn(head.text.substr(1), ':');
  for (const std::string& n : names) {
    if (!IsAixName(n)) return LineError(kCmd, head, "not an attribute name");
  }
  // The next line holds the values, even when blank (one attribute whose
  // value is empty).
  if (i + 1 == lines.size()) return EndError(kCmd, lines, "no value line after the names");
  const Line& vl = lines[i + 1];
  const std::vector<std::string> values = SplitOn(vl.text, ':');
  if (values.size() != names.size()) {
    return LineError(kCmd, vl, std::to_string(values.size()) + " values for " + std::to_string(names.size()) +
                                   " attribute names");
  }
  for (size_t k = 0; k < names.size(); ++k) out->push_back({names[k], values[k]});
  for (size_t k = i + 2; k < lines.size(); ++k) {
    if (!IsBlank(lines[k].text)) {
      return LineError(kCmd, lines[k], "a second value line (lsattr -l lists one device)");
    }
  }
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<DeviceAttribute>& attrs) {
  nlohmann::json a = nlohmann::json::array();
  for (const DeviceAttribute& d : attrs) {
    a.push_back({{"name", d.name},
                 {"value", d.value},
                 {"description", d.description},
                 {"user_settable", d.user_settable},
                 {"updatable_in_use", d.updatable_in_use}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<AttributeValue>& values) {
  nlohmann::json a = nlohmann::json::array();
  for (const AttributeValue& v : values) a.push_back({{"name", v.name}, {"value", v.value}});
  return a;
}

}  // namespace lvu::drivers::aix
