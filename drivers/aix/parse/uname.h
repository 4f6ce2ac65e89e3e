// uname -L: the partition number and name, "<id> <name>" ("99 lpar1",
// "98 AIX72_Build_1534A"; -1 NULL on a machine that is not partitioned).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct PartitionId {
  int64_t id = 0;
  std::string name;  // the rest of the line after the id and one blank
};

// Corruption naming the line for a first word that is not a decimal number,
// no name, more than one line, or empty output.
Status ParseUnameL(const std::string& text, PartitionId* out);

nlohmann::json ToJson(const PartitionId& p);

}  // namespace lvu::drivers::aix
