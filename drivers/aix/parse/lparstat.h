// lparstat -i: the partition's configuration, one "Key : value" per line.
//
//   Partition Number                           : 1
//   Type                                       : Dedicated-SMT-4
//   Entitled Capacity                          : 2.00
//   Shared Pool ID                             : -
//   Unallocated Variable Memory Capacity Weight: -
//
// The keys differ by AIX level (24 lines on AIX 5.3, 44 on 7.x); a value is
// "-" when it does not apply; decimal numbers have a comma when the command
// ran without LANG=C ("4,00"). Keys are compared with runs of blanks made one
// ("Node  Name" in an anonymised sample is "Node Name").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "drivers/aix/parse/key_value.h"

namespace lvu::drivers::aix {

struct LparInfo {
  std::string node_name;                     // Node Name
  std::string partition_name;                // Partition Name
  int64_t partition_number = 0;              // Partition Number
  std::string type;                          // Type: "Dedicated-SMT-4", "Shared-SMT"
  std::string mode;                          // Mode: "Capped", "Uncapped"
  std::optional<double> entitled_capacity;   // Entitled Capacity
  std::optional<uint64_t> online_virtual_cpus;
  std::optional<uint64_t> online_memory_mb;  // Online Memory "61696 MB"
  std::optional<uint64_t> maximum_memory_mb;
  std::vector<KeyValue> fields;              // every line, keys with blanks collapsed
};

// Corruption naming the line for a line without ':', a missing Partition
// Name, Partition Number, Type or Mode, a Partition Number that is not a
// number, or one of the optional numbers above that is neither a number nor
// "-"; and for empty output.
Status ParseLparstatInfo(const std::string& text, LparInfo* out);

nlohmann::json ToJson(const LparInfo& i);

}  // namespace lvu::drivers::aix
