// df and df -g (also -k, -m): the mounted file systems.
//
//   Filesystem    GB blocks      Free %Used    Iused %Iused Mounted on
//   /dev/hd4           0.36      0.19   48%    11436    21% /
//   /proc                 -         -    -         -     - /proc
//
// The unit is named by the header ("512-blocks", "1024-blocks", "MB blocks",
// "GB blocks"); pseudo file systems print "-" for what they do not have.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

enum class DfUnit { k512Blocks, k1024Blocks, kMB, kGB };
const char* DfUnitName(DfUnit u);  // "512-blocks", "1024-blocks", "MB", "GB"

struct DfRow {
  std::string filesystem;               // "/dev/hd4", "host:/export"
  std::optional<double> size;           // in the unit; nullopt for "-"
  std::optional<double> free;
  std::optional<int> used_percent;      // "48%"
  std::optional<uint64_t> inodes_used;
  std::optional<int> inodes_used_percent;
  std::string mounted_on;               // the rest of the line
};

struct DfOutput {
  DfUnit unit = DfUnit::k512Blocks;
  std::vector<DfRow> rows;
};

// Corruption naming the line for a missing or unknown header, a row of fewer
// than 7 words, or a value that is neither a number (a percentage where one
// is due) nor "-"; and for empty output. Failed for an AIX message.
Status ParseDf(const std::string& text, DfOutput* out);

nlohmann::json ToJson(const DfOutput& df);

}  // namespace lvu::drivers::aix
