// The simulated kernel's side of live update: what FreezeWorkload,
// ThawWorkload, RestartWorkload, booting and the mobility system calls do to
// the partitions' process tables (drivers/processes.h). Pure functions over
// World values: sim_os.cc and sim_hmc.cc call them on the copy they commit.
//
// Process states: "running"; "frozen" (a mobile process, frozen and
// checkpointed); "frozen-exit" (an exit process, frozen, not checkpointed).
// Process::cls is the class a process had in the live update that placed it
// where it is (set when the workload restarts); a rolled-back checkpoint
// leaves it untouched, so thawing gives back exactly the table frozen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/processes.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// A pid above every pid of every partition of `w`, of the form k*kPidStep+2:
// a process started now collides with none, not even with processes that
// will move in from another partition.
int NextPid(const World& w);

// The processes a partition runs once booted from `boot_disk`: the
// surrogate's base set (SurrogateBootProcesses) when the disk holds the
// live update clone (lvup_rootvg), else the lab's set (LabProcesses);
// normalized (process_json.h).
ProcessTable BootTable(const World& w, const WorldDisk& boot_disk);

// Freezes the workload of `t` as classified: mobile processes become
// "frozen", exit processes "frozen-exit", base ones keep running. Failed
// (nothing changed) unless `classes` names every process of `t` exactly once
// with a known class, or when a kproc or init is not base.
Status FreezeTable(const std::vector<ProcessClass>& classes, ProcessTable* t);
// Every frozen process runs again.
void ThawTable(ProcessTable* t);

// The blackout the simulator charges: checkpointing and restoring cost one
// second per 80 MB of mobile memory and per 10 frozen processes (rounded up),
// plus 1 s (freeze) and 4 s (restart on the surrogate). The seed lab's
// workload (685 MB, 14 processes) gives 12 s + 15 s = 27 s, the article's
// blackout.
int64_t CheckpointSeconds(const ProcessTable& frozen);
int64_t RestartSeconds(const ProcessTable& frozen);

// Moves the frozen workload of partition `from` to `to`: mobile processes
// keep their pid, tids, resources and TCP connections (a parent left behind
// is replaced by init); exit processes are gone, and those watched by init
// (respawn) or by an srcmstr now running on `to` get a new instance there
// with a new pid (no checkpointed state: no connections, no shared memory, no
// pipes; listening sockets and files opened anew). Processes placed on `to`
// and the base ones left on `from` get their class (cls). Both partitions
// must exist.
void MoveWorkload(World* w, int from, int to);

// init -q with `entries` appended to the partition's inittab: each entry
// whose action leaves a process running (respawn, once, boot) and whose run
// levels include 2 (or are empty) starts as a child of init, marked base,
// unless a process started from that entry already runs. *started counts
// the new processes.
void StartInittabEntries(const std::vector<InittabEntry>& entries, int first_pid, ProcessTable* t,
                         int* started);

// The command part of an inittab command field: up to the first redirection
// or comment ("/usr/sbin/syslogd >/dev/console 2>&1" -> "/usr/sbin/syslogd").
std::string InittabProgram(const std::string& command);

// proc_mobility_base_set(0, MOBILITY_BASE_PROCESS) or
// proc_mobility_restartexit_set(0, MOBILITY_RESTART_EXIT) called by process
// `pid` (attr "base" or "exit"; "" unsets). *err receives the AIX errno name
// on refusal ("ESRCH": no such process; "EAGAIN": no live update in
// progress; "EINVAL": a base process must be a child of init or of a base
// process, and kprocs and init cannot be exit processes) and the table is
// unchanged. Marking base also marks every existing descendant base.
// Returns whether the table changed.
bool SetMobility(int pid, const std::string& attr, ProcessTable* t, std::string* err);

}  // namespace lvu::drivers::sim
