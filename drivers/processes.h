// What runs in a partition, as the process tools of AIX report it: ps -ef
// (pid, ppid, tty, command), ps -mo THREAD (tids), procfiles and ipcs (open
// files, pipes, shared memory), netstat -Aan (sockets and their TCP
// connections), genkex (loaded kernel extensions).
//
// Live update divides processes into three classes (seed 000): `base`
// processes stay on the original partition, `mobile` ones move to the
// surrogate with the same pid and tids, `exit` ones are frozen, re-created
// on the surrogate and made to exit. The classification is made during a
// live update only (actions/process_rules.h); a process's `mobility` is the
// kernel attribute that registration sets (proc_mobility_base_set(),
// proc_mobility_restartexit_set(), or being started from the surrogate's
// inittab).
#pragma once

#include <string>
#include <vector>

namespace lvu::drivers {

// Process classes, as the strings stored in Process::cls and Process::mobility.
inline constexpr char kClassBase[] = "base";
inline constexpr char kClassMobile[] = "mobile";
inline constexpr char kClassExit[] = "exit";

// One socket's TCP connection, as netstat -Aan prints it: addresses are
// "a.b.c.d.port", a listening socket's remote is "*.*".
struct TcpConnection {
  std::string local;   // "10.1.50.34.8443"
  std::string remote;  // "10.1.50.77.51234", "*.*"
  std::string state;   // "ESTABLISHED", "LISTEN"
};

struct Process {
  int pid = 0;
  int ppid = 0;
  std::vector<int> tids;              // kernel thread ids (ps -mo THREAD)
  std::string command;                // as ps -ef prints CMD: "/usr/sbin/syslogd"
  bool kproc = false;                 // a kernel process (ps -k)
  std::string tty;                    // "-", "console", "pts/0"
  int mem_mb = 0;                     // resident memory, what a checkpoint copies
  // Resources: two processes share one when both name it.
  std::vector<std::string> shm;       // shared memory segments: "0x4d000006"
  std::vector<std::string> pipes;     // pipes: "pipe:12"
  std::vector<std::string> files;     // open files: "/var/adm/cron/log"
  std::vector<TcpConnection> sockets;
  // Who starts a new instance when it exits: "init" (an inittab respawn
  // entry), "srcmstr" (an SRC subsystem), "" (nobody).
  std::string watcher;
  std::string inittab_id;             // the inittab entry that started it, if any
  std::string mobility;               // kernel attribute: "", "base" or "exit"
  std::string state;                  // "running" or "frozen"
  std::string cls;                    // classification of the live update: "", "base", "mobile", "exit"
};

// A loaded kernel extension, as genkex lists it.
struct KernelExtension {
  std::string path;        // "/usr/lib/drivers/pse/pse"
  bool lu_safe = false;    // loaded with SYS_LUSAFE: its state need not be checkpointed
  std::string loaded_by;   // "" (boot) or the lvupdateRegKE command that loaded it
};

// One /etc/inittab line: Identifier:RunLevel:Action:Command.
struct InittabEntry {
  std::string id;
  std::string runlevel;
  std::string action;   // "respawn", "once", "wait", ...
  std::string command;
};

// Everything that runs in one partition.
struct ProcessTable {
  // A live update is in progress on this partition: its check notification
  // has been sent, so proc_mobility_*_set() are accepted (else EAGAIN).
  bool live_update = false;
  std::vector<Process> procs;         // by pid
  std::vector<KernelExtension> kexts; // by path
  // Fact sources (drivers/fact_sources.h, FactSite::kProcesses) the driver
  // did not read: "procfiles" (each process's resources are empty and mean
  // nothing), "kext_safety" (lu_safe means nothing). The simulator reads all.
  std::vector<std::string> unread;

  const Process* Find(int pid) const {
    for (const auto& p : procs)
      if (p.pid == pid) return &p;
    return nullptr;
  }
  Process* Find(int pid) {
    for (auto& p : procs)
      if (p.pid == pid) return &p;
    return nullptr;
  }
};

// The class lvupdate gives one process when it checkpoints the workload.
struct ProcessClass {
  int pid = 0;
  std::string cls;  // kClassBase, kClassMobile or kClassExit
};

}  // namespace lvu::drivers
