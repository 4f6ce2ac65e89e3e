#include "drivers/aix/parse/lsmap.h"

#include "drivers/aix/parse/text_lines.h"

namespace lvu::drivers::aix {
namespace {

constexpr const char* kCmd = "lsmap";

// The value after `key` when the line starts with it and a blank or the end.
bool KeyValueOf(const std::string& line, const char* key, std::string* value) {
  const std::string k(key);
  if (line.compare(0, k.size(), k) != 0) return false;
  if (line.size() > k.size() && line[k.size()] != ' ' && line[k.size()] != '\t') return false;
  *value = Trim(std::string_view(line).substr(k.size()));
  return true;
}

bool ParseHexId(const std::string& s, int64_t* out) {
  if (s.size() < 3 || s.size() > 18 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return false;
  int64_t v = 0;
  for (size_t i = 2; i < s.size(); ++i) {
    const char c = s[i];
    int d = 0;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (v > (INT64_MAX >> 4)) return false;
    v = v * 16 + d;
  }
  *out = v;
  return true;
}

}  // namespace

Status ParseLsmap(const std::string& text, std::vector<VhostMapping>* out) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  enum { kAny, kRuler, kAdapter } want = kAny;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::string t = TrimRight(l.text);
    std::string v;
    if (want == kRuler) {
      if (t.find_first_not_of("- ") != std::string::npos || t[0] != '-') {
        return LineError(kCmd, l, "expected the ruler of '-' after the header");
      }
      want = kAdapter;
    } else if (want == kAdapter) {
      const std::vector<Token> tok = Tokenize(t);
      VhostMapping m;
      if (tok.size() < 2 || tok.size() > 3 || !IsAixName(tok[0].text) ||
          !ParseHexId(tok.back().text, &m.client_partition_id)) {
        return LineError(kCmd, l, "not \"adapter [physloc] 0xClientID\"");
      }
      m.svsa = tok[0].text;
      if (tok.size() == 3) m.physloc = tok[1].text;
      out->push_back(m);
      want = kAny;
    } else if (CollapseSpaces(t) == "SVSA Physloc Client Partition ID") {
      want = kRuler;
    } else if (out->empty()) {
      return LineError(kCmd, l, "expected the SVSA header");
    } else if (KeyValueOf(t, "VTD", &v)) {
      if (v == "NO VIRTUAL TARGET DEVICE FOUND") continue;
      if (!IsAixName(v)) return LineError(kCmd, l, "not a virtual target device name");
      out->back().targets.push_back(VirtualTarget{v, "", "", "", "", ""});
    } else {
      static const char* kKeys[] = {"Status", "LUN", "Backing device", "Physloc", "Mirrored"};
      int which = -1;
      for (int k = 0; k < 5; ++k) {
        if (KeyValueOf(t, kKeys[k], &v)) which = k;
      }
      if (which < 0) return LineError(kCmd, l, "unknown line");
      if (out->back().targets.empty()) return LineError(kCmd, l, "a target's line before its VTD line");
      VirtualTarget& vt = out->back().targets.back();
      std::string* fields[] = {&vt.status, &vt.lun, &vt.backing_device, &vt.physloc, &vt.mirrored};
      *fields[which] = v;
    }
  }
  if (want == kRuler) return EndError(kCmd, lines, "no ruler after the header");
  if (want == kAdapter) return EndError(kCmd, lines, "no adapter line after the header");
  if (out->empty()) return EndError(kCmd, lines, "empty output: no server adapter");
  return Status::OK();
}

nlohmann::json ToJson(const std::vector<VhostMapping>& maps) {
  nlohmann::json a = nlohmann::json::array();
  for (const VhostMapping& m : maps) {
    nlohmann::json targets = nlohmann::json::array();
    for (const VirtualTarget& t : m.targets) {
      targets.push_back({{"vtd", t.vtd},
                         {"status", t.status},
                         {"lun", t.lun},
                         {"backing_device", t.backing_device},
                         {"physloc", t.physloc},
                         {"mirrored", t.mirrored}});
    }
    a.push_back({{"svsa", m.svsa},
                 {"physloc", m.physloc},
                 {"client_partition_id", m.client_partition_id},
                 {"targets", targets}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
