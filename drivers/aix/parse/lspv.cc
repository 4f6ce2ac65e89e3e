#include "drivers/aix/parse/lspv.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/columns.h"

namespace lvu::drivers::aix {
namespace {

bool IsPvid(const std::string& s) {
  if (s.size() != 16) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

// The text of a required key, or Corruption at the end of the output.
Status Required(const char* command, const std::vector<Line>& lines, const std::vector<KeyValue>& fields,
                const char* key, std::string* out) {
  const KeyValue* kv = FindKey(fields, key);
  if (kv == nullptr) return EndError(command, lines, std::string("no \"") + key + ":\" line");
  *out = kv->value;
  return Status::OK();
}

Status RequiredNumber(const char* command, const std::vector<Line>& lines, const std::vector<KeyValue>& fields,
                      const char* key, uint64_t* out) {
  std::string v;
  LVU_RETURN_IF_ERROR(Required(command, lines, fields, key, &v));
  if (!LeadingUint(v, out)) {
    const KeyValue* kv = FindKey(fields, key);
    return LineError(command, lines[static_cast<size_t>(kv->line - 1)],
                     std::string("\"") + key + "\" is not a number");
  }
  return Status::OK();
}

}  // namespace

Status ParseLspv(const std::string& text, std::vector<PhysicalVolume>* out) {
  static const char* kCmd = "lspv";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<const Line*> rows = NonBlankLines(lines);
  if (rows.empty()) return EndError(kCmd, lines, "empty output: no physical volume");
  const std::vector<Span> spans = GutterSpans(rows);
  for (const Line* row : rows) {
    std::vector<std::string> cells;
    LVU_RETURN_IF_ERROR(SliceRow(kCmd, *row, spans, &cells));
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.size() < 3 || cells.size() > 4) {
      return LineError(kCmd, *row, std::to_string(cells.size()) +
                                       " columns where lspv prints name, PVID, volume group and state");
    }
    for (size_t k = 0; k < cells.size(); ++k) {
      if (cells[k].empty()) return LineError(kCmd, *row, "empty column " + std::to_string(k + 1));
      if (cells[k].find_first_of(" \t") != std::string::npos) {
        return LineError(kCmd, *row, "column " + std::to_string(k + 1) + " holds more than one word");
      }
    }
    PhysicalVolume pv;
    pv.name = cells[0];
    if (!IsAixName(pv.name)) return LineError(kCmd, *row, "not a disk name");
    if (cells[1] != "none") {
      if (!IsPvid(cells[1])) return LineError(kCmd, *row, "PVID neither 16 hex digits nor \"none\"");
      pv.pvid = cells[1];
    }
    if (cells[2] != "None") {
      if (!IsAixName(cells[2])) return LineError(kCmd, *row, "not a volume group name");
      pv.volume_group = cells[2];
    }
    if (cells.size() == 4) {
      if (!IsAixName(cells[3])) return LineError(kCmd, *row, "not a volume group state");
      pv.state = cells[3];
    }
    out->push_back(pv);
  }
  return Status::OK();
}

Status ParseLspvDisk(const std::string& text, PhysicalVolumeDetails* out) {
  static const char* kCmd = "lspv hdiskN";
  *out = PhysicalVolumeDetails();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  LVU_RETURN_IF_ERROR(ParseKeyValuePairs(kCmd, lines, &out->fields));
  if (out->fields.empty()) return EndError(kCmd, lines, "empty output");
  LVU_RETURN_IF_ERROR(Required(kCmd, lines, out->fields, "PHYSICAL VOLUME", &out->name));
  LVU_RETURN_IF_ERROR(Required(kCmd, lines, out->fields, "VOLUME GROUP", &out->volume_group));
  LVU_RETURN_IF_ERROR(Required(kCmd, lines, out->fields, "PV STATE", &out->state));
  std::string pvid;
  LVU_RETURN_IF_ERROR(Required(kCmd, lines, out->fields, "PV IDENTIFIER", &pvid));
  // "00c6ce9d4f2c404a VG IDENTIFIER     00c6ce9d00004c000000014302ee7629"
  const std::vector<Token> t = Tokenize(pvid);
  if (t.size() == 1) {
    out->pvid = t[0].text;
  } else if (t.size() == 4 && t[1].text == "VG" && t[2].text == "IDENTIFIER") {
    out->pvid = t[0].text;
    out->vgid = t[3].text;
  } else {
    const KeyValue* kv = FindKey(out->fields, "PV IDENTIFIER");
    return LineError(kCmd, lines[static_cast<size_t>(kv->line - 1)], "PV IDENTIFIER not understood");
  }
  if (const KeyValue* vgid = FindKey(out->fields, "VG IDENTIFIER")) out->vgid = vgid->value;
  LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "PP SIZE", &out->pp_size_mb));
  LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "TOTAL PPs", &out->total_pps));
  LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "FREE PPs", &out->free_pps));
  LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "USED PPs", &out->used_pps));
  if (FindKey(out->fields, "STALE PARTITIONS")) {
    LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "STALE PARTITIONS", &out->stale_partitions));
  }
  if (FindKey(out->fields, "LOGICAL VOLUMES")) {
    LVU_RETURN_IF_ERROR(RequiredNumber(kCmd, lines, out->fields, "LOGICAL VOLUMES", &out->logical_volumes));
  }
  return Status::OK();
}

Status ParseLspvLogicalVolumes(const std::string& text, PvLogicalVolumes* out) {
  static const char* kCmd = "lspv -l";
  *out = PvLogicalVolumes();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  std::vector<const Line*> rows = NonBlankLines(lines);
  if (rows.empty()) return EndError(kCmd, lines, "empty output");
  const std::string first = Trim(rows[0]->text);
  if (first.size() < 2 || first.back() != ':' || !IsAixName(first.substr(0, first.size() - 1))) {
    return LineError(kCmd, *rows[0], "expected the disk name and ':'");
  }
  out->disk = first.substr(0, first.size() - 1);
  if (rows.size() < 2) return EndError(kCmd, lines, "no column header after the disk name");
  std::vector<Span> spans;
  LVU_RETURN_IF_ERROR(HeaderSpans(kCmd, *rows[1], {"LV NAME", "LPs", "PPs", "DISTRIBUTION", "MOUNT POINT"}, &spans));
  for (size_t r = 2; r < rows.size(); ++r) {
    std::vector<std::string> c;
    LVU_RETURN_IF_ERROR(SliceRow(kCmd, *rows[r], spans, &c));
    PvLogicalVolume lv;
    lv.name = c[0];
    if (!IsAixName(lv.name)) return LineError(kCmd, *rows[r], "not a logical volume name");
    if (!ParseUint(c[1], &lv.lps) || !ParseUint(c[2], &lv.pps)) {
      return LineError(kCmd, *rows[r], "LPs or PPs is not a number");
    }
    lv.distribution = c[3];
    lv.mount_point = c[4];
    if (lv.distribution.empty() || lv.mount_point.empty()) return LineError(kCmd, *rows[r], "row cut short");
    out->lvs.push_back(lv);
  }
  return Status::OK();
}

nlohmann::json FieldsToJson(const std::vector<KeyValue>& fields) {
  nlohmann::json a = nlohmann::json::array();
  for (const KeyValue& kv : fields) a.push_back({{"key", kv.key}, {"value", kv.value}});
  return a;
}

nlohmann::json ToJson(const std::vector<PhysicalVolume>& pvs) {
  nlohmann::json a = nlohmann::json::array();
  for (const PhysicalVolume& pv : pvs) {
    a.push_back({{"name", pv.name}, {"pvid", pv.pvid}, {"volume_group", pv.volume_group}, {"state", pv.state}});
  }
  return a;
}

nlohmann::json ToJson(const PhysicalVolumeDetails& d) {
  return {{"name", d.name},
          {"volume_group", d.volume_group},
          {"pvid", d.pvid},
          {"vgid", d.vgid},
          {"state", d.state},
          {"pp_size_mb", d.pp_size_mb},
          {"total_pps", d.total_pps},
          {"free_pps", d.free_pps},
          {"used_pps", d.used_pps},
          {"stale_partitions", d.stale_partitions},
          {"logical_volumes", d.logical_volumes},
          {"fields", FieldsToJson(d.fields)}};
}

nlohmann::json ToJson(const PvLogicalVolumes& l) {
  nlohmann::json lvs = nlohmann::json::array();
  for (const PvLogicalVolume& lv : l.lvs) {
    lvs.push_back({{"name", lv.name},
                   {"lps", lv.lps},
                   {"pps", lv.pps},
                   {"distribution", lv.distribution},
                   {"mount_point", lv.mount_point}});
  }
  return {{"disk", l.disk}, {"logical_volumes", lvs}};
}

}  // namespace lvu::drivers::aix
