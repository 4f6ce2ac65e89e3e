// lsmpio (AIX PCM multipath): the paths (lsmpio, lsmpio -l hdiskN) and the
// remote ports per FC adapter (lsmpio -ar).
//
//   name    path_id  status   path_status  parent  connection
//   hdisk0  0        Enabled  Sel          vscsi0  810000000000
//   hdisk4  1        Enabled  Clo          fscsi0  500507180120c5cb,2000000000000
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct MpioPath {
  std::string disk;         // name
  uint64_t path_id = 0;
  std::string status;       // "Enabled", "Disabled", "Failed", "Missing", "Defined"
  std::string path_status;  // "Sel" (selected), "Clo" (closed), "Opt", "Non", ...
  std::string parent;       // "fscsi0", "vscsi0"
  std::string connection;   // "<wwpn>,<lun id>" for FC, "810000000000" for vSCSI
};

// The header names the columns (left-aligned over their values). Corruption
// naming the line for a first line that is not that header, an empty cell,
// a cell holding a blank, a path_id that is not a number, or empty output.
// A header without rows is valid (no MPIO disk matched). Failed for an AIX
// message.
Status ParseLsmpio(const std::string& text, std::vector<MpioPath>* out);

// lsmpio -ar:
//   Adapter Driver: fscsi0 -> AIX PCM
//       Adapter WWPN:  c0507109681e0006
//       Link State:    Up
//                             Paths      Paths      Paths      Paths
//       Remote Ports        Enabled   Disabled     Failed    Missing         ID
//       500507180120c1c4          4          0          0          0   0xc95e00
struct MpioRemotePort {
  std::string wwpn;
  uint64_t enabled = 0, disabled = 0, failed = 0, missing = 0;  // path counts
  std::string scsi_id;  // ID "0xc95e00"
};
struct MpioAdapter {
  int line = 0;             // the "Adapter Driver:" line
  std::string adapter;      // "fscsi0"
  std::string pcm;          // "AIX PCM"
  std::string wwpn;         // Adapter WWPN
  std::string link_state;   // "Up"
  std::vector<MpioRemotePort> remote_ports;
};

// Corruption naming the line for a line out of the order above, a port row
// without 6 words or with a count that is not a number, an adapter without
// its WWPN or link state, or empty output. Failed for an AIX message.
Status ParseLsmpioAdapters(const std::string& text, std::vector<MpioAdapter>* out);

nlohmann::json ToJson(const std::vector<MpioPath>& paths);
nlohmann::json ToJson(const std::vector<MpioAdapter>& adapters);

}  // namespace lvu::drivers::aix
