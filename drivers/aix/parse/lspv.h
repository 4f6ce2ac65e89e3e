// lspv: the physical volumes (lspv), one of them (lspv hdiskN), and the
// logical volumes on one (lspv -l hdiskN).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/key_value.h"

namespace lvu::drivers::aix {

// One row of `lspv`:
//   hdisk0          00f8c13c29b5f01d                    rootvg          active
//   hdisk3          none                                None
//   hdiskpower0     00f8c13b330bcfbd                    hbvg
struct PhysicalVolume {
  std::string name;
  std::string pvid;          // 16 hex digits; "" when lspv prints "none"
  std::string volume_group;  // "" when lspv prints "None" (in no volume group)
  std::string state;         // "active", "concurrent", ...; "" when the VG is not varied on
};

// The columns are found from the positions of the data (the state column is
// empty on some rows, and the widths differ between systems). Corruption
// naming the line for a row that has not 3 or 4 columns, a cell with a blank
// (an annotation, two columns run together), a name that is not a device
// name, a PVID that is neither 16 hex digits nor "none", or empty output.
// Failed for an AIX message instead of the listing.
Status ParseLspv(const std::string& text, std::vector<PhysicalVolume>* out);

// `lspv hdiskN`: "KEY: value" pairs, two per line. AIX prints the VG
// identifier without a colon on the PV IDENTIFIER line
// ("PV IDENTIFIER:      00c6ce9d4f2c404a VG IDENTIFIER     00c6ce9d0000...").
struct PhysicalVolumeDetails {
  std::string name;                // PHYSICAL VOLUME
  std::string volume_group;        // VOLUME GROUP
  std::string pvid;                // PV IDENTIFIER
  std::string vgid;                // VG IDENTIFIER ("" if not printed)
  std::string state;               // PV STATE
  uint64_t pp_size_mb = 0;         // PP SIZE "64 megabyte(s)"
  uint64_t total_pps = 0;          // TOTAL PPs "543 (34752 megabytes)"
  uint64_t free_pps = 0;           // FREE PPs
  uint64_t used_pps = 0;           // USED PPs
  uint64_t stale_partitions = 0;   // STALE PARTITIONS
  uint64_t logical_volumes = 0;    // LOGICAL VOLUMES
  std::vector<KeyValue> fields;    // every pair as printed, in order
};

// Corruption for a line that is not "KEY: value", a missing PHYSICAL VOLUME,
// VOLUME GROUP, PV IDENTIFIER, PV STATE, PP SIZE, TOTAL PPs, FREE PPs or USED
// PPs, or one of the numbers above that is not a number. Failed for an AIX
// message (0516-320: the disk is in no volume group).
Status ParseLspvDisk(const std::string& text, PhysicalVolumeDetails* out);

// `lspv -l hdiskN`:
//   hdisk0:
//   LV NAME               LPs     PPs     DISTRIBUTION          MOUNT POINT
//   hd11admin             1       1       00..00..00..01..00    /admin
struct PvLogicalVolume {
  std::string name;
  uint64_t lps = 0;
  uint64_t pps = 0;
  std::string distribution;  // "00..00..00..01..00"
  std::string mount_point;   // "N/A" as printed for none
};
struct PvLogicalVolumes {
  std::string disk;  // from the "hdisk0:" line
  std::vector<PvLogicalVolume> lvs;
};
Status ParseLspvLogicalVolumes(const std::string& text, PvLogicalVolumes* out);

nlohmann::json ToJson(const std::vector<PhysicalVolume>& pvs);
nlohmann::json ToJson(const PhysicalVolumeDetails& d);
nlohmann::json ToJson(const PvLogicalVolumes& l);
// Every pair as {"key": value} in order.
nlohmann::json FieldsToJson(const std::vector<KeyValue>& fields);

}  // namespace lvu::drivers::aix
