// lspath: the MPIO paths, one line per path.
//
//   Enabled hdisk0 vscsi0             (default: status name parent)
//   Missing hdisk1   fscsi1           (padded to the widest name)
//   Enabled hdisk3   0 fscsi0 500173800ccd0150,1000000000000
//                                     (-F "status name path_id parent connection")
//
// A disk may have uneven paths (hdisk2 only through vscsi1), and the lines
// are not grouped by disk. No value holds a blank.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

enum class PathStatus {
  kNotShown,  // the -F list has no "status"
  kEnabled,
  kDisabled,
  kFailed,
  kDefined,
  kMissing,
  kDetected,
  kAvailable,
};
const char* PathStatusName(PathStatus s);  // "Enabled"...; "" for kNotShown

struct PathEntry {
  PathStatus status = PathStatus::kNotShown;
  std::string name;        // the disk
  std::string parent;      // the adapter
  std::string connection;  // "<wwpn>,<lun>" or "810000000000"; "" when not shown
  int64_t path_id = -1;    // -1 when not shown
  std::vector<std::pair<std::string, std::string>> other;  // other -F fields, by name
};

// Default output: "status name parent" and an optional connection.
// Corruption naming the line for another number of words, an unknown status,
// or a name that is not a device name. Empty output is no path (lspath prints
// nothing when no path matches). Failed for an AIX message.
Status ParseLspath(const std::string& text, std::vector<PathEntry>* out);

// -F output with the given field names ("status", "name", "parent",
// "connection", "path_id"; others go to `other`). A header line (-H) whose
// words are the field names is skipped.
Status ParseLspathFields(const std::string& text, const std::vector<std::string>& fields,
                         std::vector<PathEntry>* out);

nlohmann::json ToJson(const std::vector<PathEntry>& paths);

}  // namespace lvu::drivers::aix
