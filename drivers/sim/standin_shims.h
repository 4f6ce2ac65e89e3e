// Stand-ins for the commands aix.conf configures for what AIX exposes only
// inside `geninstall -k` (drivers/aix/aix_system.h lists how the aix driver
// runs them). They are not AIX commands: `lvupdate sim shims` writes them so
// that the aix driver can run a whole live update over the simulator, and
// their names say so:
//
//   sim-workload-checkpoint LPAR    stdin "PID CLASS" lines: freezes the workload
//   sim-workload-restart FROM TO DISK
//   sim-workload-thaw LPAR
//   sim-workload-state LPAR         prints running, frozen or none
//   sim-live-update-state on|off LPAR
//   sim-vhost-client VIOS VHOST CLIENT_ID
//
// Each calls the simulator's own operation (SimOs, SimVios), so a run over
// the shims changes the world exactly as a run with the sim driver does.
// A refusal is exit 1 with the simulator's message; wrong arguments exit 2.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

std::vector<std::string> StandInShimNames();

// The aix.conf lines that set each of the six commands to its stand-in in
// `dir` ("workload_checkpoint_command = DIR/sim-workload-checkpoint\n"...).
std::string StandInConfig(const std::string& dir);

// True with *out set for a stand-in; false for another command. `input`:
// the standard input (sim-workload-checkpoint's classification).
bool RunStandInShim(SimSystem* sim, const World& w, const std::vector<std::string>& argv, const std::string& input,
                    ShimOutput* out);

}  // namespace lvu::drivers::sim
