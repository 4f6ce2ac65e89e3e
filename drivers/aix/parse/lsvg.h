// lsvg: the volume groups (lsvg, lsvg -o), one of them (lsvg VG), its logical
// volumes (lsvg -l VG) and its physical volumes (lsvg -p VG).
//
// A volume group that is not varied on answers
// "0516-010 : Volume group must be varied on; use varyonvg command." instead
// of its listing: every parser here returns Failed with that message (the
// caller, who knows which group it asked for, adds its name).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/key_value.h"

namespace lvu::drivers::aix {

// `lsvg` or `lsvg -o`: one volume group name per line. Corruption naming the
// line for a line that is not a name, and for empty output (rootvg always
// exists and is always varied on).
Status ParseLsvgList(const std::string& text, std::vector<std::string>* out);

// `lsvg VG`: "KEY: value" pairs, two per line; the lines differ by AIX level
// (QUORUM "2" or "2 (Enabled)", MIRROR POOL STRICT, PV RESTRICTION,
// ENCRYPTION... only on later levels), so every pair is kept in `fields`.
struct VolumeGroupInfo {
  std::string name;          // VOLUME GROUP
  std::string vgid;          // VG IDENTIFIER
  std::string state;         // VG STATE: "active"
  std::string permission;    // VG PERMISSION: "read/write"
  uint64_t pp_size_mb = 0;   // PP SIZE "32 megabyte(s)"
  uint64_t total_pps = 0;    // TOTAL PPs "798 (25536 megabytes)"
  uint64_t free_pps = 0;
  uint64_t used_pps = 0;
  uint64_t lvs = 0;          // LVs
  uint64_t open_lvs = 0;     // OPEN LVs
  uint64_t total_pvs = 0;    // TOTAL PVs
  uint64_t active_pvs = 0;   // ACTIVE PVs
  uint64_t stale_pvs = 0;    // STALE PVs
  uint64_t stale_pps = 0;    // STALE PPs
  std::string quorum;        // "2", "2 (Enabled)" as printed
  std::string auto_on;       // "yes"/"no"
  std::vector<KeyValue> fields;
};

// Corruption for a line that is not "KEY: value", or a missing or
// non-numeric VOLUME GROUP, VG IDENTIFIER, VG STATE, PP SIZE, TOTAL PPs, FREE
// PPs, USED PPs, LVs, OPEN LVs, TOTAL PVs, ACTIVE PVs, STALE PVs, STALE PPs.
Status ParseLsvgInfo(const std::string& text, VolumeGroupInfo* out);

// `lsvg -l VG [VG...]`: per group a "VG:" line, a column header and a row per
// logical volume.
struct LogicalVolume {
  std::string name;         // LV NAME
  std::string type;         // TYPE: jfs2, boot, paging, sysdump...
  uint64_t lps = 0;
  uint64_t pps = 0;
  uint64_t pvs = 0;
  std::string state;        // LV STATE: "open/syncd", "closed/stale"...
  std::string mount_point;  // MOUNT POINT: "N/A" as printed for none
};
struct VgLogicalVolumes {
  std::string volume_group;
  std::vector<LogicalVolume> lvs;
};
Status ParseLsvgLogicalVolumes(const std::string& text, std::vector<VgLogicalVolumes>* out);

// `lsvg -p VG [VG...]`: per group a "VG:" line, a header and a row per disk.
struct VgPhysicalVolume {
  std::string name;               // PV_NAME
  std::string state;              // PV STATE: active, missing, removed
  uint64_t total_pps = 0;
  uint64_t free_pps = 0;
  std::string free_distribution;  // "255..255..255..255..255"
};
struct VgPhysicalVolumes {
  std::string volume_group;
  std::vector<VgPhysicalVolume> pvs;
};
Status ParseLsvgPhysicalVolumes(const std::string& text, std::vector<VgPhysicalVolumes>* out);

nlohmann::json ToJson(const VolumeGroupInfo& v);
nlohmann::json ToJson(const std::vector<VgLogicalVolumes>& v);
nlohmann::json ToJson(const std::vector<VgPhysicalVolumes>& v);

}  // namespace lvu::drivers::aix
