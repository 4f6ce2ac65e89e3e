// The outside world behind small interfaces: the HMC, the VIOS pair, and the
// operating system of the partitions. actions/ reaches the world only through
// these; drivers/sim implements them over a simulated Power system, drivers/aix
// over the real commands.
//
// Contracts shared by every method:
// - Each world-changing call is idempotent: calling it when its effect is
//   already present changes nothing and returns OK.
// - A call that fails returns Status::Failed (not worth retrying) or
//   Status::Transient (retry may succeed), with the command's message.
// - Reads never change the world.
// - Drivers never see the journal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/facts.h"
#include "drivers/processes.h"
#include "drivers/types.h"

namespace lvu::drivers {

class Hmc {
 public:
  virtual ~Hmc() = default;
  virtual Status ListLpars(std::vector<Lpar>* out) = 0;                // lssyscfg -r lpar
  virtual Status GetReservation(Reservation* out) = 0;
  virtual Status Reserve(double proc_units, int mem_mb) = 0;           // reserve on the frame
  virtual Status Release() = 0;                                        // drop the reservation
  virtual Status RenameLpar(int id, const std::string& new_name) = 0;  // chsyscfg new_name=
  // mksyscfg: a partition like `like_id` (resources from the reservation), not activated.
  virtual Status CreateLpar(int new_id, int like_id, const std::string& name) = 0;
  virtual Status DeleteLpar(int id) = 0;                               // rmsyscfg
  // chsysstate -o on: boots from boot_disk, configures the disks it is mapped.
  virtual Status Activate(int id, const std::string& boot_disk) = 0;
  virtual Status Shutdown(int id) = 0;                                 // chsysstate -o shutdown --immed
  // lslic, lshwres, lssyscfg: the HMC's facts about partition `id` and its frame.
  virtual Status GetFacts(int id, HmcFacts* out) = 0;
  // hmcauth: logs `user` on to the HMC named `hmc` (its address or host name)
  // and opens a session. Failed for an unknown HMC or user or a wrong
  // password. The password serves this call only: it is kept nowhere.
  virtual Status Login(const std::string& hmc, const std::string& user, const std::string& password,
                       HmcSession* out) = 0;
  // Whether the HMC accepts the session: OK, or Failed saying why (expired,
  // revoked, not one of its sessions).
  virtual Status CheckSession(const HmcSession& session) = 0;
};

class Vios {
 public:
  virtual ~Vios() = default;
  virtual Status ListMappings(std::vector<VhostMapping>* out) = 0;     // lsmap -all
  // Maps the vhost (and its disks) to another client partition.
  virtual Status SetClient(const std::string& vios, const std::string& vhost, int client_id) = 0;
};

// Commands run on a partition (by lpar id): lspv, lspath, rmpath, cfgmgr,
// alt_disk_copy, emgr, mirrorvg, bootlist, shutdown, errlog, the workload.
class PartitionOs {
 public:
  virtual ~PartitionOs() = default;
  // uname -L of the partition lvupdate runs on.
  virtual Status CurrentLpar(int* id, std::string* name) = 0;
  virtual Status ListDisks(std::vector<Disk>* out) = 0;                              // lspv
  virtual Status RemovePaths(int lpar, const std::string& adapter) = 0;              // rmpath -d -p
  virtual Status ConfigurePaths(int lpar, const std::string& adapter) = 0;           // cfgmgr -l
  virtual Status AltDiskCopy(int lpar, const std::string& disk) = 0;                 // -> lvup_rootvg
  virtual Status RemoveAltDisk(int lpar, const std::string& disk) = 0;               // alt_rootvg_op -X
  virtual Status ApplyFixToAltDisk(int lpar, const std::string& disk, const Fix& fix) = 0;
  virtual Status RemoveFixFromAltDisk(int lpar, const std::string& disk, const std::string& label) = 0;
  virtual Status MirrorRootvg(int lpar, const std::string& disk) = 0;                // mirrorvg
  virtual Status UnmirrorRootvg(int lpar, const std::string& disk) = 0;              // unmirrorvg
  // Freezes the workload as lvupdate classified it (every process named once,
  // see drivers/processes.h): mobile and exit processes are frozen, base ones
  // keep running. Failed for a missing, unknown or impossible class.
  virtual Status FreezeWorkload(int lpar, const std::vector<ProcessClass>& classes) = 0;  // checkpoint
  virtual Status ThawWorkload(int lpar) = 0;
  // The surrogate takes the mirror on `mirror_disk` as its rootvg (split from
  // the original's) and the checkpointed workload of `from` resumes on `to`.
  virtual Status RestartWorkload(int from, int to, const std::string& mirror_disk) = 0;
  virtual Status SetBootlist(int lpar, const std::vector<std::string>& disks) = 0;   // bootlist -m normal
  virtual Status Reboot(int lpar) = 0;                                               // shutdown -Fr
  virtual Status ErrlogAdd(int lpar, const std::string& label, const std::string& text) = 0;
  virtual Status ReadFix(const std::string& path, Fix* out) = 0;                     // emgr -p -e
  // The facts of running partition `lpar` (lsvg, df, lsdev, trustchk, ...).
  virtual Status GetFacts(int lpar, OsFacts* out) = 0;
  // ps -ef, procfiles, ipcs, netstat -Aan and genkex of running partition `lpar`.
  virtual Status ListProcesses(int lpar, ProcessTable* out) = 0;
  // Whether a live update is in progress on `lpar`: on from its check
  // notification (proc_mobility_*_set() are accepted), off when it ends.
  virtual Status SetLiveUpdate(int lpar, bool on) = 0;
  // init -q on `lpar` with `entries` added to its inittab (lvupdateInit):
  // what they start is base. Entries already running are left alone.
  virtual Status StartInittab(int lpar, const std::vector<InittabEntry>& entries) = 0;
  // Runs `command` on `lpar` to load kernel extension `path` (lvupdateRegKE).
  // Already loaded: OK.
  virtual Status LoadKernelExtension(int lpar, const std::string& path, const std::string& command) = 0;
};

// Where a driver may inject a fault. The executor calls Hit() just before a
// step's world change (after its intent is durable), just after it (before
// it is recorded done), and once its result (done, or compensated) is in the
// journal, before anything else is. The real driver never injects anything.
class FaultPoint {
 public:
  enum class Phase { kApply, kCompensate };
  enum class When { kBefore, kAfter, kRecorded };
  virtual ~FaultPoint() = default;
  // OK to go on; Failed/Transient for an injected failure. A crash fault ends
  // the process with _exit() and does not return.
  virtual Status Hit(const std::string& step, Phase phase, When when) = 0;
};

class System {
 public:
  virtual ~System() = default;
  virtual const char* name() const = 0;  // "sim" or "aix"
  // Whether it runs the machine's commands, whose lines, exit statuses and
  // output go to the log (spdlog's default logger): every command that uses
  // it, preview included, then starts the home's log first.
  virtual bool RunsCommands() const { return false; }
  // The settings this driver needs before a live update can run and that are
  // not set, one line each naming the key and its file: the preview's
  // driver.settings check FAILs with them. `applies` false: the driver needs
  // none (the simulator), and that check prints no line.
  // `checked_by_hand`: the fact sources (fact_sources.h) the administrator
  // says were checked by hand; a check reading one the driver left unread
  // prints INFO instead of FAILED.
  struct RequiredSettings {
    bool applies = false;
    std::vector<std::string> missing;
    std::vector<std::string> checked_by_hand;
  };
  virtual RequiredSettings MissingSettings() { return {}; }
  // Whether the driver can start what is registered for the surrogate
  // (lvupdateInit's inittab entries, lvupdateRegKE's kernel extensions) on
  // it before the workload arrives: PartitionOs::StartInittab and
  // LoadKernelExtension for the surrogate at workload.restart.
  virtual bool StartsSurrogateServices() const { return true; }
  // Whether its read calls (ListLpars, GetFacts, ListDisks, ListMappings,
  // ReadFix, CheckSession, CurrentLpar) may run at the same time from
  // several threads: the preview then reads its facts concurrently.
  virtual bool ConcurrentReads() const { return false; }
  // The command lines run since the last call, oldest first (the executor
  // records them with the step's result); none for a driver that runs none.
  virtual std::vector<std::string> TakeCommandLines() { return {}; }
  virtual Hmc& hmc() = 0;
  virtual Vios& vios() = 0;
  virtual PartitionOs& os() = 0;
  virtual FaultPoint& faults() = 0;
  // The world's clock in seconds (simulated time for sim, wall time for aix).
  virtual int64_t ClockSeconds() = 0;
  // Accounts for work that takes time without changing the world (validation,
  // notification scripts): the simulator advances its clock by `seconds` (and
  // sleeps when scaled to real time); the real driver does nothing, since the
  // work itself took the time. Negative seconds: InvalidArgument.
  // Another program may have changed the world (a notification script that
  // registered its process): the simulator reads it again; the real driver,
  // which keeps nothing, does nothing.
  virtual Status Reload() { return Status::OK(); }
  // What an operation needs to be reproduced on the simulator (journaled in
  // opStarted.system): the simulator's settings that differ from the seed
  // lab's, as a JSON object {"key": "value"} ("{}" for the lab itself); ""
  // for the real driver, whose systems the simulator does not model.
  virtual std::string ReplaySettings() { return ""; }
  virtual Status Spend(int64_t seconds) {
    if (seconds < 0) return Status::InvalidArgument("negative time to spend");
    return Status::OK();
  }
  // What a support bundle shows of the system (`lvupdate snap`): files, by
  // their path in the bundle ("world/show.json"), and notes on what could not
  // be read. The simulator gives its world, faults and settings.
  struct Described {
    std::string path;
    std::string text;
  };
  virtual void Describe(std::vector<Described>* files, std::vector<std::string>* notes) {
    files->clear();
    notes->clear();
  }
};

}  // namespace lvu::drivers
