// The shims of the commands the aix driver lists processes with
// (AixOs::ListProcesses): ps -ef (the columns of ps_ef.1, with AIX's
// header) and genkex -d (genkex_d.1), printed from the simulated process
// table of the partition lvupdate runs on. Kernel processes are not in
// ps -ef (ps -k lists them). What the simulator does not model (user, start
// time, CPU time, load addresses) is derived.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// True with *out set for ps and genkex; false for another command.
bool RunProcessShim(const World& w, const std::vector<std::string>& argv, ShimOutput* out);

}  // namespace lvu::drivers::sim
