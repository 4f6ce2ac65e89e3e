#include "drivers/aix/parse/lsvg.h"

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/columns.h"
#include "drivers/aix/parse/lspv.h"

namespace lvu::drivers::aix {
namespace {

// A "rootvg:" line: the name of the group the rows below belong to.
bool GroupLine(const Line& l, std::string* name) {
  const std::string t = Trim(l.text);
  if (t.size() < 2 || t.back() != ':') return false;
  *name = t.substr(0, t.size() - 1);
  return IsAixName(*name);
}

// Tables of `lsvg -l`/`lsvg -p`: groups of "VG:", header, rows. Calls
// row(group index, cells, line) for each row.
template <typename Group, typename RowFn>
Status ParseGroups(const char* cmd, const std::string& text, const std::vector<std::string>& header,
                   std::vector<Group>* out, RowFn row) {
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(cmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(cmd, lines));
  std::vector<Span> spans;
  bool want_header = false;
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    std::string name;
    if (want_header) {
      LVU_RETURN_IF_ERROR(HeaderSpans(cmd, l, header, &spans));
      want_header = false;
    } else if (GroupLine(l, &name)) {
      out->push_back(Group());
      out->back().volume_group = name;
      want_header = true;
    } else if (out->empty()) {
      return LineError(cmd, l, "expected a volume group name and ':'");
    } else {
      std::vector<std::string> cells;
      LVU_RETURN_IF_ERROR(SliceRow(cmd, l, spans, &cells));
      LVU_RETURN_IF_ERROR(row(&out->back(), cells, l));
    }
  }
  if (out->empty()) return EndError(cmd, lines, "empty output");
  if (want_header) return EndError(cmd, lines, "no column header after \"" + out->back().volume_group + ":\"");
  return Status::OK();
}

Status Number(const char* cmd, const std::vector<Line>& lines, const std::vector<KeyValue>& f, const char* key,
              uint64_t* out) {
  const KeyValue* kv = FindKey(f, key);
  if (kv == nullptr) return EndError(cmd, lines, std::string("no \"") + key + ":\" line");
  if (!LeadingUint(kv->value, out)) {
    return LineError(cmd, lines[static_cast<size_t>(kv->line - 1)], std::string("\"") + key + "\" is not a number");
  }
  return Status::OK();
}

Status Text(const char* cmd, const std::vector<Line>& lines, const std::vector<KeyValue>& f, const char* key,
            std::string* out) {
  const KeyValue* kv = FindKey(f, key);
  if (kv == nullptr) return EndError(cmd, lines, std::string("no \"") + key + ":\" line");
  *out = kv->value;
  return Status::OK();
}

}  // namespace

Status ParseLsvgList(const std::string& text, std::vector<std::string>* out) {
  static const char* kCmd = "lsvg";
  out->clear();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  for (const Line& l : lines) {
    if (IsBlank(l.text)) continue;
    const std::string name = Trim(l.text);
    if (!IsAixName(name)) return LineError(kCmd, l, "not a volume group name");
    out->push_back(name);
  }
  if (out->empty()) return EndError(kCmd, lines, "empty output: not even rootvg");
  return Status::OK();
}

Status ParseLsvgInfo(const std::string& text, VolumeGroupInfo* out) {
  static const char* kCmd = "lsvg VG";
  *out = VolumeGroupInfo();
  std::vector<Line> lines;
  LVU_RETURN_IF_ERROR(ReadLines(kCmd, text, &lines));
  LVU_RETURN_IF_ERROR(FailIfAixMessage(kCmd, lines));
  auto& f = out->fields;
  LVU_RETURN_IF_ERROR(ParseKeyValuePairs(kCmd, lines, &f));
  if (f.empty()) return EndError(kCmd, lines, "empty output");
  LVU_RETURN_IF_ERROR(Text(kCmd, lines, f, "VOLUME GROUP", &out->name));
  LVU_RETURN_IF_ERROR(Text(kCmd, lines, f, "VG IDENTIFIER", &out->vgid));
  LVU_RETURN_IF_ERROR(Text(kCmd, lines, f, "VG STATE", &out->state));
  if (const KeyValue* kv = FindKey(f, "VG PERMISSION")) out->permission = kv->value;
  if (const KeyValue* kv = FindKey(f, "QUORUM")) out->quorum = kv->value;
  if (const KeyValue* kv = FindKey(f, "AUTO ON")) out->auto_on = kv->value;
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "PP SIZE", &out->pp_size_mb));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "TOTAL PPs", &out->total_pps));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "FREE PPs", &out->free_pps));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "USED PPs", &out->used_pps));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "LVs", &out->lvs));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "OPEN LVs", &out->open_lvs));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "TOTAL PVs", &out->total_pvs));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "ACTIVE PVs", &out->active_pvs));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "STALE PVs", &out->stale_pvs));
  LVU_RETURN_IF_ERROR(Number(kCmd, lines, f, "STALE PPs", &out->stale_pps));
  return Status::OK();
}

Status ParseLsvgLogicalVolumes(const std::string& text, std::vector<VgLogicalVolumes>* out) {
  static const char* kCmd = "lsvg -l";
  return ParseGroups(kCmd, text, {"LV NAME", "TYPE", "LPs", "PPs", "PVs", "LV STATE", "MOUNT POINT"}, out,
                     [](VgLogicalVolumes* g, const std::vector<std::string>& c, const Line& l) {
                       LogicalVolume lv;
                       lv.name = c[0];
                       lv.type = c[1];
                       lv.state = c[5];
                       lv.mount_point = c[6];
                       if (!IsAixName(lv.name)) return LineError(kCmd, l, "not a logical volume name");
                       if (!ParseUint(c[2], &lv.lps) || !ParseUint(c[3], &lv.pps) || !ParseUint(c[4], &lv.pvs)) {
                         return LineError(kCmd, l, "LPs, PPs or PVs is not a number");
                       }
                       if (lv.type.empty() || lv.state.empty() || lv.mount_point.empty()) {
                         return LineError(kCmd, l, "row cut short");
                       }
                       g->lvs.push_back(lv);
                       return Status::OK();
                     });
}

Status ParseLsvgPhysicalVolumes(const std::string& text, std::vector<VgPhysicalVolumes>* out) {
  static const char* kCmd = "lsvg -p";
  return ParseGroups(kCmd, text, {"PV_NAME", "PV STATE", "TOTAL PPs", "FREE PPs", "FREE DISTRIBUTION"}, out,
                     [](VgPhysicalVolumes* g, const std::vector<std::string>& c, const Line& l) {
                       VgPhysicalVolume pv;
                       pv.name = c[0];
                       pv.state = c[1];
                       pv.free_distribution = c[4];
                       if (!IsAixName(pv.name)) return LineError(kCmd, l, "not a disk name");
                       if (!ParseUint(c[2], &pv.total_pps) || !ParseUint(c[3], &pv.free_pps)) {
                         return LineError(kCmd, l, "TOTAL PPs or FREE PPs is not a number");
                       }
                       if (pv.state.empty() || pv.free_distribution.empty()) {
                         return LineError(kCmd, l, "row cut short");
                       }
                       g->pvs.push_back(pv);
                       return Status::OK();
                     });
}

nlohmann::json ToJson(const VolumeGroupInfo& v) {
  return {{"name", v.name},           {"vgid", v.vgid},           {"state", v.state},
          {"permission", v.permission}, {"pp_size_mb", v.pp_size_mb}, {"total_pps", v.total_pps},
          {"free_pps", v.free_pps},   {"used_pps", v.used_pps},   {"lvs", v.lvs},
          {"open_lvs", v.open_lvs},   {"total_pvs", v.total_pvs}, {"active_pvs", v.active_pvs},
          {"stale_pvs", v.stale_pvs}, {"stale_pps", v.stale_pps}, {"quorum", v.quorum},
          {"auto_on", v.auto_on},     {"fields", FieldsToJson(v.fields)}};
}

nlohmann::json ToJson(const std::vector<VgLogicalVolumes>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const VgLogicalVolumes& g : v) {
    nlohmann::json lvs = nlohmann::json::array();
    for (const LogicalVolume& lv : g.lvs) {
      lvs.push_back({{"name", lv.name}, {"type", lv.type}, {"lps", lv.lps}, {"pps", lv.pps}, {"pvs", lv.pvs},
                     {"state", lv.state}, {"mount_point", lv.mount_point}});
    }
    a.push_back({{"volume_group", g.volume_group}, {"logical_volumes", lvs}});
  }
  return a;
}

nlohmann::json ToJson(const std::vector<VgPhysicalVolumes>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const VgPhysicalVolumes& g : v) {
    nlohmann::json pvs = nlohmann::json::array();
    for (const VgPhysicalVolume& pv : g.pvs) {
      pvs.push_back({{"name", pv.name}, {"state", pv.state}, {"total_pps", pv.total_pps},
                     {"free_pps", pv.free_pps}, {"free_distribution", pv.free_distribution}});
    }
    a.push_back({{"volume_group", g.volume_group}, {"physical_volumes", pvs}});
  }
  return a;
}

}  // namespace lvu::drivers::aix
