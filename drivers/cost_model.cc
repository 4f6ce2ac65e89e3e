#include "drivers/cost_model.h"

#include <cmath>

namespace lvu::drivers {

int64_t CostSeconds(Op op, const CostInputs& in) {
  auto s = [](double seconds) { return static_cast<int64_t>(std::llround(seconds)); };
  switch (op) {
    case Op::kReserve: return 10;         // chhwres: reserve surrogate resources
    case Op::kRelease: return 5;
    case Op::kRenameLpar: return 5;       // chsyscfg new_name=
    case Op::kCreateLpar: return 15;      // mksyscfg
    case Op::kDeleteLpar: return 10;      // rmsyscfg
    case Op::kActivate: return in.boot_s; // chsysstate -o on, boot to AIX
    case Op::kShutdown: return 30;        // chsysstate -o shutdown --immed
    case Op::kSetClient: return 10;       // VIOS remap of a vhost
    case Op::kRemovePaths: return 10;     // rmpath -d
    case Op::kConfigurePaths: return 15;  // cfgmgr -l
    case Op::kAltDiskCopy: return s(in.rootvg_used_mb / kCopyMbPerS);
    case Op::kRemoveAltDisk: return 20;   // alt_rootvg_op -X
    case Op::kApplyFix: return 40;        // emgr -e on the clone
    case Op::kRemoveFix: return 10;       // emgr -r on the clone
    case Op::kMirror: return s(in.rootvg_used_mb / kMirrorMbPerS);
    case Op::kUnmirror: return 30;        // unmirrorvg + reducevg
    case Op::kFreeze:                     // blackout: freeze + checkpoint
      return s(kFreezeBaseS + in.mem_mb / kCheckpointMbPerS + in.mobile_processes * kFreezePerProcS);
    case Op::kThaw: return 5;
    case Op::kRestart:                    // blackout: restart on the surrogate
      return s(kRestartBaseS + in.mem_mb / kCheckpointMbPerS + in.mobile_processes * kRestartPerProcS);
    case Op::kSetBootlist: return 3;      // bootlist -m normal
    case Op::kReboot: return in.boot_s - 30 > 0 ? in.boot_s - 30 : 0;  // shutdown -Fr: LPAR already on
    case Op::kErrlog: return 0;           // errlogger
  }
  return 0;
}

}  // namespace lvu::drivers
