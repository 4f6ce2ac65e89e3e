// How long the commands of a live update take, as a function of facts of
// the partition: the model behind the preview's estimates and the
// simulator's clock, so that estimate and simulated run agree (up to the
// simulator's jitter, sim/cost_model.h). docs/estimates.md gives the
// formulas and the constants.
//
// Seconds, rounded to the nearest whole second. A call that finds its effect
// already present costs nothing: that is the driver's business, not the
// model's.
//
// Contract: the simulator charges exactly these costs (then jitters them),
// and actions/estimate.cc sums them over the plan from the facts validation
// read; tests/actions/estimate_test.cc holds the two equal without jitter. A
// finer model (say, the checkpoint from the memory of the processes actually
// frozen) belongs here, with its inputs in CostInputs, so that both sides
// keep computing the same thing.
#pragma once

#include <cstdint>

namespace lvu::drivers {

enum class Op {
  kReserve, kRelease, kRenameLpar, kCreateLpar, kDeleteLpar, kActivate, kShutdown,
  kSetClient,
  kRemovePaths, kConfigurePaths, kAltDiskCopy, kRemoveAltDisk, kApplyFix, kRemoveFix,
  kMirror, kUnmirror, kFreeze, kThaw, kRestart, kSetBootlist, kReboot, kErrlog,
};

// What the costs depend on.
struct CostInputs {
  int rootvg_used_mb = 0;    // lsvg rootvg: what alt_disk_copy and mirrorvg copy
  int mem_mb = 0;            // memory of the partition whose workload is checkpointed
  int mobile_processes = 0;  // processes the checkpoint moves
  int boot_s = 0;            // time the partition takes to boot AIX
};

// The model's constants.
inline constexpr double kCopyMbPerS = 40;        // alt_disk_copy of rootvg
inline constexpr double kMirrorMbPerS = 48;      // mirrorvg + syncvg
inline constexpr double kCheckpointMbPerS = 512; // memory image written / read in the blackout
inline constexpr double kFreezeBaseS = 2;        // freeze, exit processes, LVUP_PRE_KERNEL
inline constexpr double kFreezePerProcS = 0.075; // per mobile process checkpointed
inline constexpr double kRestartBaseS = 3;       // chroot, resume, LVUP_POST
inline constexpr double kRestartPerProcS = 0.1;  // per mobile process restarted

// Work that is not a driver command (System::Spend).
inline constexpr int64_t kValidateSeconds = 30;  // the preview checks
inline constexpr int64_t kNotifySeconds = 5;     // one notification phase

int64_t CostSeconds(Op op, const CostInputs& in);

}  // namespace lvu::drivers
