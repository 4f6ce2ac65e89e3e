// lsdev -C (e.g. lsdev -Cc disk): name, state, location, description.
//
//   hdisk0 Available          Virtual SCSI Disk Drive
//   hdisk4 Available 24-T1-01 MPIO FC 2145
//
// lsdev pads the name, state and location columns to their widest value and
// separates them by one blank; the location is empty for a virtual SCSI disk
// (and when no row has one, two blanks are left: "hdisk1 Available  Virtual
// SCSI Disk Drive"). The description runs to the end of the line.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace lvu::drivers::aix {

struct Device {
  std::string name;
  std::string state;        // "Available", "Defined", "Stopped"
  std::string location;     // "" when lsdev prints none
  std::string description;
  std::string physloc;      // -F physloc: "U8286.42A.214F58V-V99-C2-T1"; "" when not asked
};

// The column starts are computed from the widths of the data as lsdev pads
// them. Corruption naming the line for a row that does not fit those columns
// (a word where a blank should be, a row cut before its description), an
// unknown state, or empty output. Failed for an AIX message.
Status ParseLsdev(const std::string& text, std::vector<Device>* out);

// lsdev ... -F "name:description": the fields of the -F format separated by
// its one separator character (here ':'); the last field takes the rest of
// the line. Fields other than name, status/state, location and description
// are not kept. InvalidArgument for a format that is not fields separated by
// one non-blank character.
Status ParseLsdevFields(const std::string& text, const std::string& format, std::vector<Device>* out);

nlohmann::json ToJson(const std::vector<Device>& devices);

}  // namespace lvu::drivers::aix
