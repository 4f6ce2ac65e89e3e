// The human-readable view of the simulated world (`lvupdate sim show`),
// laid out like the AIX, VIOS and HMC commands an administrator knows:
// lssyscfg for partitions, lspath, lspv, lsmap -all, errpt.
#pragma once

#include <string>

#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

std::string FormatWorldText(const World& w);

}  // namespace lvu::drivers::sim
