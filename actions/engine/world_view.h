// Small read helpers over the driver interfaces, shared by the steps' probes.
#pragma once

#include <string>

#include "base/status.h"
#include "drivers/system.h"

namespace lvu::actions {

// *found = false (and OK) when no partition has that id.
Status FindLpar(drivers::System& sys, int id, drivers::Lpar* out, bool* found);
// NotFound when no disk has that name.
Status FindDisk(drivers::System& sys, const std::string& name, drivers::Disk* out);
// NotFound when the VIOS has no such vhost.
Status FindMapping(drivers::System& sys, const std::string& vios, const std::string& vhost,
                   drivers::VhostMapping* out);
// Whether every disk of the partition has an Enabled path through `adapter`.
bool AllDisksHavePath(const drivers::Lpar& lpar, const std::string& adapter);
// Whether no disk of the partition has a path through `adapter`.
bool NoDiskHasPath(const drivers::Lpar& lpar, const std::string& adapter);

}  // namespace lvu::actions
