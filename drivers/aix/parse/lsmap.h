// VIOS lsmap -all / lsmap -vadapter vhostN: the virtual SCSI mappings.
//
//   SVSA            Physloc                           Client Partition ID
//   --------------- --------------------------------- ------------------
//   vhost0          U787A.001.0397658-V1-C5           0x00000005
//
//   VTD                   c5_vtscsi1
//   Status                Available
//   LUN                   0x8100000000000000
//   Backing device        hdisk2
//   Physloc
//   Mirrored              false
//
// A block per server adapter (a new one at each "SVSA" header), a block per
// virtual target device; values may be empty (Physloc of a backing device),
// "Mirrored" only on later VIOS levels, "VTD NO VIRTUAL TARGET DEVICE FOUND"
// for an adapter without mapping.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct VirtualTarget {
  std::string vtd;             // "vtscsi0"
  std::string status;          // "Available"
  std::string lun;             // "0x8100000000000000"
  std::string backing_device;  // "hdisk7"
  std::string physloc;         // "" when empty
  std::string mirrored;        // "false"; "" when not printed
};

struct VhostMapping {
  std::string svsa;               // "vhost3"
  std::string physloc;            // "U8286.42A.214F58V-V1-C90"
  int64_t client_partition_id = 0;  // 0x00000063 -> 99; 0 when no client
  std::vector<VirtualTarget> targets;
};

// Corruption naming the line for: a line of an unknown key, a target key
// before any VTD, an adapter line that is not "name [physloc] 0xID", a header
// not followed by a ruler of '-', or empty output.
Status ParseLsmap(const std::string& text, std::vector<VhostMapping>* out);

nlohmann::json ToJson(const std::vector<VhostMapping>& maps);

}  // namespace lvu::drivers::aix
