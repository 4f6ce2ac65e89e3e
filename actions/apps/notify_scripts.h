// Notification scripts (lvupdate regscript, AIX lvupdateRegScript): real
// executables run by lvupdate on this machine at each phase of a live update.
//
// Where (DESIGN.md): LVUP_CHECK in apps.notify_check, LVUP_PRE in
// apps.notify_pre, LVUP_PRE_KERNEL in workload.checkpoint after the freeze,
// LVUP_POST in workload.restart after the move, LVUP_COMPLETE in
// apps.notify_complete, LVUP_ERROR when a rollback begins (NotifyRollback,
// called by the executor) if applications heard LVUP_CHECK.
//
// Order: priority 1..10 on the original, 10..1 on the surrogate (a phase
// with both sides runs the original's first); same priority: registration
// order. LVUP_ERROR runs the whole order reversed: surrogate 1..10, then
// original 10..1.
//
// Each script gets LVUP_PHASE, LVUP_SIDE (orig|surr), LVUP_OPID, LVUP_LABEL,
// LVUP_PRIORITY and LVUPDATE_HOME in its environment, its own timeout
// (killing its process group), and its output goes to the log. Each run is
// journaled (ScriptLedger): a script whose intent is recorded never runs
// again in the operation, except a re-runnable one whose run did not end
// with exit 0 (interrupted by a crash, or failed). A script that started but
// has no recorded end counts as failed. A failure in LVUP_CHECK or LVUP_PRE
// stops the phase and fails the step (Status::Failed: the operation rolls
// back); in the other phases it is logged and the phase goes on.
//
// The simulated clock advances by each script's run time (at least 1 s), and
// the world is read again after each script, since a script may have
// changed it (`lvupdate sim proc base-set`).
#pragma once

#include <vector>

#include "actions/apps/registrations.h"
#include "actions/apps/app_context.h"
#include "base/status.h"
#include "drivers/system.h"

namespace lvu::actions {

enum Phase { kCheck, kPre, kPreKernel, kPost, kComplete, kError };

const char* PhaseName(Phase p);  // "LVUP_CHECK", ...

// The scripts of `phase` among `all`, in run order (pure).
std::vector<ScriptRegistration> PhaseOrder(const std::vector<ScriptRegistration>& all, Phase phase);

// Runs what the journal says is left of `phase`. OK without running anything
// when `apps` or its ledger is null.
Status RunPhase(drivers::System& sys, AppContext* apps, Phase phase);

// The rollback's notification: LVUP_ERROR, then the original partition is
// told the live update is over (proc_mobility_*_set() get EAGAIN again).
// Script failures are logged only: the rollback goes on. `orig_id`: the
// original partition.
Status NotifyRollback(drivers::System& sys, AppContext* apps, int orig_id);

}  // namespace lvu::actions
