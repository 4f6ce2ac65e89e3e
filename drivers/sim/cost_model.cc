#include "drivers/sim/cost_model.h"

namespace lvu::drivers::sim {

int64_t CostSeconds(Op op) {
  switch (op) {
    case Op::kReserve: return 10;         // chhwres: reserve surrogate resources
    case Op::kRelease: return 5;
    case Op::kRenameLpar: return 5;       // chsyscfg new_name=
    case Op::kCreateLpar: return 15;      // mksyscfg
    case Op::kDeleteLpar: return 10;      // rmsyscfg
    case Op::kActivate: return 120;       // chsysstate -o on, boot to AIX
    case Op::kShutdown: return 30;        // chsysstate -o shutdown --immed
    case Op::kSetClient: return 10;       // VIOS remap of a vhost
    case Op::kRemovePaths: return 10;     // rmpath -d
    case Op::kConfigurePaths: return 15;  // cfgmgr -l
    case Op::kAltDiskCopy: return 180;    // alt_disk_copy
    case Op::kRemoveAltDisk: return 20;   // alt_rootvg_op -X
    case Op::kApplyFix: return 40;        // emgr -e on the clone
    case Op::kRemoveFix: return 10;       // emgr -r on the clone
    case Op::kMirror: return 150;         // mirrorvg + syncvg
    case Op::kUnmirror: return 30;        // unmirrorvg + reducevg
    case Op::kFreeze: return 12;          // blackout: freeze + checkpoint
    case Op::kThaw: return 5;
    case Op::kRestart: return 15;         // blackout: restart on the surrogate
    case Op::kSetBootlist: return 3;      // bootlist -m normal
    case Op::kReboot: return 90;          // shutdown -Fr
    case Op::kErrlog: return 0;           // errlogger
  }
  return 0;
}

}  // namespace lvu::drivers::sim
