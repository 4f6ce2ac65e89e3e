// The adapter split of the partition: which client adapters (with the VIOS
// vhosts that serve them) the original keeps and which go to the surrogate,
// so that each side has a path to every disk (actions/path_split.h).
#pragma once

#include <vector>

#include "actions/validation/checks/snapshot.h"
#include "actions/validation/op_params.h"
#include "base/status.h"

namespace lvu::actions {

// Failed (with the text of the FAILED line, ending in '.') when no division
// works or an adapter is not served by any vhost of the partition.
Status SplitAdaptersOf(const Snapshot& s, std::vector<VhostRef>* keep, std::vector<VhostRef>* move);

}  // namespace lvu::actions
