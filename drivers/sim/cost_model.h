// How long each simulated command takes, in simulated seconds.
//
// Modelled on the seed article: a whole live update takes about 11 minutes
// (geninstall's preview estimated 624 s) and the blackout (checkpoint +
// restart) about 27 s. A call that finds its effect already present costs
// nothing: it changes nothing, not even the clock.
#pragma once

#include <cstdint>

namespace lvu::drivers::sim {

enum class Op {
  kReserve, kRelease, kRenameLpar, kCreateLpar, kDeleteLpar, kActivate, kShutdown,
  kSetClient,
  kRemovePaths, kConfigurePaths, kAltDiskCopy, kRemoveAltDisk, kApplyFix, kRemoveFix,
  kMirror, kUnmirror, kFreeze, kThaw, kRestart, kSetBootlist, kReboot, kErrlog,
};

int64_t CostSeconds(Op op);

}  // namespace lvu::drivers::sim
