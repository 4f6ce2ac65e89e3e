// The shims of the AIX commands the aix driver changes the partition with
// (drivers/aix/aix_system.cc; docs/drivers.md, "What each call runs"), each
// the simulator's operation on the partition lvupdate runs on:
//
//   errlogger "LABEL: TEXT"        ErrlogAdd
//   alt_disk_copy -B -d DISK       AltDiskCopy
//   alt_rootvg_op -v NAME -d DISK  the copy's volume group is named (the
//                                  simulator names it lvup_rootvg at once:
//                                  only that name is answered)
//   alt_rootvg_op -X VG            RemoveAltDisk of VG's disk
//   alt_rootvg_op -W -d DISK, -S   nothing (the simulator keeps no wake
//                                  state): -W needs DISK to hold the clone
//   extendvg rootvg DISK           nothing: the simulator adds the disk with
//                                  the mirror (mirrorvg)
//   mirrorvg -S rootvg DISK        MirrorRootvg
//   unmirrorvg rootvg DISK         UnmirrorRootvg (the disk leaves rootvg)
//   reducevg rootvg DISK           nothing once the disk has left rootvg
//   rmpath -d -p ADAPTER           RemovePaths
//   cfgmgr -l ADAPTER              ConfigurePaths
//   shutdown -Fr                   Reboot
//
// A refusal of the simulator is the command's exit 1 with its message; a
// form not listed, exit 2 with a usage line.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/sim_system.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// The commands above.
std::vector<std::string> OsShimNames();

// True with *out set for one of OsShimNames(); false for another command.
bool RunOsShim(SimSystem* sim, const World& w, const std::vector<std::string>& argv, ShimOutput* out);

}  // namespace lvu::drivers::sim
