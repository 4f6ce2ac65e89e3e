#include "drivers/aix/parse/lsdev.h"

#include <algorithm>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "lsdev";

bool KnownState(const std::string& s) {
  return s == "Available" || s == "Defined" || s == "Stopped" || s == "Diagnose";
}

}  // namespace

Status ParseLsdev(const std::string& text, std::vector<Device>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<const Line*> rows;
  size_t w_name = 0, w_state = 0;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::vector<Token> t = Tokenize(l.text);
    if (t.size() < 3 || t[0].column != 0) return LineError(kCmd, l, "expected name, state and description");
    if (!IsAixName(t[0].text)) return LineError(kCmd, l, "not a device name");
    if (!KnownState(t[1].text)) return LineError(kCmd, l, "unknown device state \"" + t[1].text + "\"");
    w_name = std::max(w_name, t[0].text.size());
    w_state = std::max(w_state, t[1].text.size());
    rows.push_back(&l);
  }
  if (rows.empty()) return EndError(kCmd, lines, "empty output: no device");
  const size_t loc = w_name + 1 + w_state + 1;  // where the location column starts
  size_t w_loc = 0;
  for (const Line* r : rows) {
    if (r->text.size() <= loc) return LineError(kCmd, *r, "row cut short before its description");
    if (r->text[loc] != ' ') {
      const size_t e = r->text.find(' ', loc);
      w_loc = std::max(w_loc, (e == std::string::npos ? r->text.size() : e) - loc);
    }
  }
  const size_t desc = loc + w_loc + 1;
  for (const Line* r : rows) {
    const std::string& t = r->text;
    const std::vector<Token> tok = Tokenize(t);
    Device d;
    d.name = tok[0].text;
    d.state = tok[1].text;
    if (tok[1].column != w_name + 1) return LineError(kCmd, *r, "state not in the state column");
    if (t.size() <= desc || t[desc] == ' ' || t[desc - 1] != ' ') {
      return LineError(kCmd, *r, "description not in the description column " + std::to_string(desc + 1));
    }
    d.location = Trim(std::string_view(t).substr(loc, desc - loc));
    if (d.location.find(' ') != std::string::npos) return LineError(kCmd, *r, "location holds a blank");
    d.description = Trim(std::string_view(t).substr(desc));
    out->push_back(d);
  }
  return Status::OK();
}

Status ParseLsdevFields(const std::string& text, const std::string& format, std::vector<Device>* out) {
  out->clear();
  char sep = 0;
  for (char c : format) {
    if ((c >= 'a' && c <= 'z') || c == '_') continue;
    if (c == ' ' || c == '\t' || (sep != 0 && c != sep)) {
      return Status::InvalidArgument("lsdev -F \"" + format + "\": only fields separated by one character");
    }
    sep = c;
  }
  std::vector<std::string> fields;
  size_t b = 0;
  while (true) {
    const size_t e = sep == 0 ? std::string::npos : format.find(sep, b);
    fields.push_back(format.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    Device d;
    size_t pos = 0;
    for (size_t k = 0; k < fields.size(); ++k) {
      size_t e = std::string::npos;
      if (k + 1 < fields.size()) {
        e = l.text.find(sep, pos);
        if (e == std::string::npos) {
          return LineError(kCmd, l, std::to_string(k + 1) + " fields where -F asked for " +
                                        std::to_string(fields.size()));
        }
      }
      const std::string v = l.text.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
      const std::string& f = fields[k];
      if (f == "name") d.name = v;
      else if (f == "status" || f == "state") d.state = v;
      else if (f == "location") d.location = v;
      else if (f == "description") d.description = v;
      else if (f == "physloc") d.physloc = v;
      pos = e == std::string::npos ? l.text.size() : e + 1;
    }
    if (std::find(fields.begin(), fields.end(), "name") != fields.end() && !IsAixName(d.name)) {
      return LineError(kCmd, l, "not a device name");
    }
    out->push_back(d);
  }
  if (out->empty()) return EndError(kCmd, lines, "empty output: no device");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<Device>& devices) {
  nlohmann::json a = nlohmann::json::array();
  for (const Device& d : devices) {
    a.push_back({{"name", d.name}, {"state", d.state}, {"location", d.location}, {"description", d.description}});
    if (!d.physloc.empty()) a.back()["physloc"] = d.physloc;
  }
  return a;
}

}  // namespace lvu::drivers::aix
