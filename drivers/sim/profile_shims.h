// The shims of the HMC commands that create the surrogate: lssyscfg -r prof
// (the profile it copies) and mksyscfg -r lpar -i ATTRS, over the simulated
// HMC. Profiles are derived from the simulated partitions in the format of
// hmc_lssyscfg_r_prof.1 (the memory and processor ranges around the
// partition's own, its virtual SCSI client adapters from the mappings, in
// slot N + 2 for vscsiN as vios_shims.h has it).
//
// mksyscfg creates partition lpar_id named name as the simulated HMC does
// (SimHmc::CreateLpar, like the partition lvupdate runs on). The real HMC
// has no reservation: the resources are the frame's free ones, so when the
// simulated HMC holds none, the shim reserves the partition's resources
// first, as a real mksyscfg finds them free (and rmsyscfg releases what
// is left of it: shims.cc).
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// True with *out set for lssyscfg -r prof and mksyscfg -r lpar; false for
// another HMC command.
bool RunProfileHmc(SimSystem* sim, const World& w, const std::vector<std::string>& words, ShimOutput* out);

}  // namespace lvu::drivers::sim
