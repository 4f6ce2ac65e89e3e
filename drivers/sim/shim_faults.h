// The simulator's fault injection through the shims (`sim fault add STEP
// KIND`, for the aix driver, whose executor injects nothing): each
// world-changing command a shim answers stands for the aix driver's call of
// one step, in one direction (StepOfCommand); a fault armed for that step
// and phase fires in the shim:
//
//   fail, transient   the command fails: exit 1 with "injected failure at
//                     STEP" (ssh: exit 255 for transient, as an HMC that
//                     does not answer), the world unchanged
//   crash-before      the process running the operation (the shim's parent,
//                     lvupdate) is killed with SIGKILL before the command
//                     changes the world
//   crash-after       the same, once the command has changed it
//   signal            SIGINT to that lvupdate once the command has changed
//                     the world: it finishes the step and stops before the
//                     next, interrupted (the sim driver sends it once the
//                     step is recorded: the same stop point)
//   crash-recorded    fires after the journal records the step, which a
//                     shim cannot see: it never fires here
//
// Commands whose step cannot be told (errlogger, the notification steps)
// take no fault.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/world.h"
#include "drivers/system.h"

namespace lvu::drivers::sim {

// The step and direction the command `argv` (for ssh, `hmc` holds the HMC
// command's words) stands for; false for a command that stands for none.
bool StepOfCommand(const World& w, const std::vector<std::string>& argv, const std::vector<std::string>& hmc,
                   std::string* step, FaultPoint::Phase* phase);

}  // namespace lvu::drivers::sim
