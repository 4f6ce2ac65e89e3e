// SimSystem: a simulated Power system (managed system, HMC, two VIOS, LPARs,
// disks, paths, workload, errlog, a virtual clock) that implements the driver
// interfaces of drivers/system.h.
//
// Contracts:
// - The world is durable on its own: it lives in <home>/sim/world.json, and
//   every world-changing call rewrites that file atomically (write a temporary,
//   fdatasync, rename, fsync the directory) before it returns. It is never
//   written in one batch with the journal: on a real system they are different
//   machines, and a crash falls between them.
// - Deterministic: the same calls on the same initial world give the same world.
// - Each world-changing call advances the virtual clock by the simulated cost
//   of the command (modelled on the seed article: about 11 minutes for a whole
//   live update, about 27 s of blackout) and, unless speed is "max", sleeps
//   cost / speed real seconds.
// - Spend(seconds), inherited from System, advances the virtual clock (and
//   sleeps likewise) without changing anything else.
// - Faults (<home>/sim/faults.json) are keyed by step name. A fault fires once
//   unless added with --times N; its remaining count is decremented durably
//   before it takes effect, so a crash fault does not fire again on resume.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/sim/settings.h"
#include "drivers/system.h"

namespace lvu::drivers::sim {

struct SimOptions {
  // Simulated seconds per real second; 0 means "max": never sleep.
  double speed = 0;
  // Exit code used by crash faults (_exit).
  int crash_exit_code = 86;
};

// crash-recorded: after the step's result is journaled (not yet synced: the
// next intent's sync would carry it), as a kill between two steps.
// signal: at the same point, the process sends itself SIGINT, as an operator's
// Ctrl-C would (base/stop_request.h): the operation stops at its next safe point.
enum class FaultKind { kFail, kTransient, kCrashBefore, kCrashAfter, kCrashRecorded, kSignal };

struct Fault {
  std::string step;                       // "lpar.rename_original"
  FaultKind kind = FaultKind::kFail;
  FaultPoint::Phase phase = FaultPoint::Phase::kApply;
  int times = 1;                          // remaining firings
};

const char* FaultKindName(FaultKind k);   // "fail", "transient", "crash-before", "crash-after", "crash-recorded", "signal"
bool ParseFaultKind(const std::string& s, FaultKind* out);
const char* FaultPhaseName(FaultPoint::Phase p);  // "apply", "compensate"
bool ParseFaultPhase(const std::string& s, FaultPoint::Phase* out);

class SimSystem : public System {
 public:
  // Creates the seed article's lab under <home>/sim (replacing any previous
  // world and faults), writes <home>/lvupdate.data (nhdisk = hdisk2,
  // mhdisk = hdisk3, lpar_id = 98) and the fix directory <home>/fixes holding
  // dummy.150813.epkg.Z (LU capable) and nolu.150813.epkg.Z (not LU capable).
  // *fix_dir receives the fix directory's path.
  static Status Init(const std::string& home, std::string* fix_dir);

  // Opens an existing simulated world; NotFound (telling to run `lvupdate sim
  // init`) when there is none.
  static Status Open(const std::string& home, const SimOptions& options,
                     std::unique_ptr<SimSystem>* out);

  // The whole world as JSON (`sim show --json`): at least
  //   {"clock": N, "errlog": [...], "lpars": [{"id","name","state","ifixes",
  //    "bootlist","disks":[{"name","vg","paths":[{"adapter","status"}]}]}], ...}
  // Keys are sorted; the same world always prints the same text.
  virtual std::string ShowJson() = 0;
  // A human-readable view of the same (`sim show`), lspath/lsmap-like.
  virtual std::string ShowText() = 0;

  // `sim set --list` and `sim set KEY VALUE` (settings.h). Set saves the
  // world durably and does not advance the clock.
  virtual std::vector<Setting> Settings() = 0;
  virtual Status Set(const std::string& key, const std::string& value) = 0;

  // A process of partition `lpar` calls proc_mobility_base_set() (attr
  // "base"), proc_mobility_restartexit_set() (attr "exit") or unsets its
  // attribute (""): see SetMobility in process_table.h. A refusal is OK with
  // *err the errno name ("ESRCH", "EAGAIN", "EINVAL"); a non-OK Status means
  // the world could not be read or saved. No time passes.
  virtual Status SetMobility(int lpar, int pid, const std::string& attr, std::string* err) = 0;

  virtual Status AddFault(const Fault& f) = 0;
  virtual Status ListFaults(std::vector<Fault>* out) = 0;
  virtual Status ClearFaults() = 0;
  // The first armed fault for (step, phase) that fires at `when`, its count
  // decremented durably; *found false when there is none. The executor's
  // FaultPoint takes them with the sim driver; the shims take them for the
  // aix driver (shim_faults.h).
  virtual Status TakeFault(const std::string& step, FaultPoint::Phase phase, FaultPoint::When when, bool* found,
                           Fault* fault) = 0;
};

}  // namespace lvu::drivers::sim
