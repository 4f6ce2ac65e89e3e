// The shims of the commands the aix driver installs an ifix in the clone
// of rootvg with (AixOs::ApplyFixToAltDisk, RemoveFixFromAltDisk):
//
//   cp FILE /alt_inst/PATH          copies FILE into the woken clone, which
//                                   the simulator keeps in HOME/sim/alt_inst
//   chroot /alt_inst /usr/sbin/emgr -l            the clone's ifixes
//   chroot /alt_inst /usr/sbin/emgr -e /PATH      installs the package copied there
//   chroot /alt_inst /usr/sbin/emgr -r -L LABEL   removes it
//
// The clone is the disk holding lvup_rootvg (alt_rootvg_op -W/-S:
// os_shims.h). cp and chroot for anything else run the system's own
// commands (the shim scripts pass them through), so that the shims shadow
// nothing else.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// True with *out set for cp and chroot; false for another command.
bool RunCloneShim(SimSystem* sim, const std::string& home, const World& w, const std::vector<std::string>& argv,
                  ShimOutput* out);

}  // namespace lvu::drivers::sim
