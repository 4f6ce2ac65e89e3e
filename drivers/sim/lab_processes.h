// What runs in the simulated partitions: the lab partition's processes and
// kernel extensions (seed 001's aix721534A running a small java workload),
// and the base set a surrogate boots with from the minimal inittab of seed
// 000. Deterministic: the same call gives the same table.
#pragma once

#include <vector>

#include "drivers/processes.h"

namespace lvu::drivers::sim {

// aix721534A as booted from its rootvg: swapper and the kprocs, init,
// srcmstr with syslogd, inetd, sshd (and a root session on pts/0 running
// topas), rmcd and snmpd, cron, errdemon, syncd, xmwlm, getty on the
// console, and the java workload with its TCP connections (listening on
// 8443, two clients, one DB2 connection). Kernel extensions: the boot set
// plus acmefs.ext, a third-party extension not marked LU safe.
ProcessTable LabProcesses();

// The inittab a surrogate boots with (seed 000, "inittab.sur - live os update").
std::vector<InittabEntry> SurrogateInittab();

// The base set a surrogate runs once booted from that inittab: swapper and
// the kprocs, init (pid 1), getty on the console, syslogd and slvupdate, all
// marked base. Pids other than 0 and 1 are first_pid, first_pid + step, ...
// Kernel extensions: the boot set only.
ProcessTable SurrogateBootProcesses(int first_pid);

// Every pid a new process gets is a multiple of this plus 2 (AIX-like).
inline constexpr int kPidStep = 65536;

}  // namespace lvu::drivers::sim
