// The estimates of the preview (geninstall -k -p):
//
//   Blackout_time(s): the workload is frozen: checkpoint on the original and
//                     restart on the surrogate;
//   Global_time(s):   the whole operation, from validation to the last
//                     notification.
//
// Both are sums of the cost model (drivers/cost_model.h) over the commands
// the plan will issue, computed from the facts the preview read: rootvg's
// used size, the partition's memory, the number of mobile processes, the
// boot time, the ifixes and the adapters to move. docs/estimates.md has the
// formulas.
#pragma once

#include "actions/validation/checks/snapshot.h"
#include "actions/validation/op_params.h"
#include "journal/event.h"

namespace lvu::actions {

// `p`: the operation's parameters (fixes, adapters kept and moved).
journal::Estimate EstimateUpdate(const Snapshot& s, const OpParams& p);

}  // namespace lvu::actions
