// bootlist -m normal -o: one line per boot device (per path for MPIO disks).
//
//   hdisk2 blv=hd5 pathid=0
//   hdisk2 blv=hd5 pathid=1
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct BootDevice {
  std::string device;  // "hdisk2"
  std::string blv;     // "hd5"; "" when not printed
  int64_t pathid = -1; // -1 when not printed
  std::vector<std::pair<std::string, std::string>> other;  // other name=value words
};

// Corruption naming the line for a first word that is not a device name, a
// later word that is not name=value, a pathid that is not a number, or empty
// output (a machine boots from something). Failed for an AIX message.
Status ParseBootlist(const std::string& text, std::vector<BootDevice>* out);

nlohmann::json ToJson(const std::vector<BootDevice>& devices);

}  // namespace lvu::drivers::aix
