#include "actions/validation/estimate.h"

#include "drivers/cost_model.h"

namespace lvu::actions {

journal::Estimate EstimateUpdate(const Snapshot& s, const OpParams& p) {
  using drivers::CostSeconds;
  using drivers::Op;
  drivers::CostInputs in;
  in.rootvg_used_mb = s.os.rootvg_used_mb;
  in.mem_mb = s.lpar ? s.lpar->mem_mb : 0;
  in.mobile_processes = s.os.mobile_processes;
  in.boot_s = s.os.boot_s;
  auto c = [&](Op op) { return CostSeconds(op, in); };
  const int64_t fixes = static_cast<int64_t>(p.fixes.size());
  const int64_t moved = static_cast<int64_t>(p.move.size());
  const int64_t kept = static_cast<int64_t>(p.keep.size());

  journal::Estimate e;
  e.blackout_s = c(Op::kFreeze) + c(Op::kRestart);
  e.global_s = drivers::kValidateSeconds     // validate
               + c(Op::kReserve)             // hmc.reserve
               + drivers::kNotifySeconds     // apps.notify_check
               + c(Op::kAltDiskCopy)         // disk.clone_rootvg
               + fixes * c(Op::kApplyFix)    // ifix.apply_clone
               + c(Op::kRenameLpar)          // lpar.rename_original
               + c(Op::kCreateLpar)          // lpar.create_surrogate
               + moved * c(Op::kRemovePaths) // path.split
               + moved * c(Op::kSetClient)   // disk.assign
               + c(Op::kActivate)            // lpar.boot_surrogate
               + c(Op::kMirror)              // disk.mirror_rootvg
               + drivers::kNotifySeconds     // apps.notify_pre
               + e.blackout_s                // workload.checkpoint + workload.restart
               + c(Op::kShutdown)            // lpar.shutdown_original
               + c(Op::kDeleteLpar)          // lpar.delete_original
               + kept * (c(Op::kSetClient) + c(Op::kConfigurePaths))  // path.restore
               + c(Op::kSetBootlist)         // bootlist.set
               + drivers::kNotifySeconds;    // apps.notify_complete
  return e;
}

}  // namespace lvu::actions
