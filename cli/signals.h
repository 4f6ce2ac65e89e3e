// Signals during run, resume and rollback (docs/operations.md, "Signals").
//
// InstallStopSignals, called before anything starts a thread (RocksDB, the
// log), blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT in every thread and starts
// one thread that waits for them: each records a request to stop
// (base/stop_request.h), which the executor honours at its next safe point
// (after the step in flight; inside the blackout, once the workload runs
// again), and prints on stderr where the operation will stop. A second
// signal prints it again; kill -9 still stops at once (resume and rollback
// recover from that as from any crash).
//
// It also ignores SIGPIPE, so that a closed standard output (`lvupdate run |
// head -3`) never interrupts an operation: the output is lost, the
// operation goes on, the log and the journal have everything.
//
// Children (notification scripts) are started with the default signal mask
// and dispositions (actions/script_runner.cc), so this changes nothing for them.
#pragma once

namespace lvu::cli {

void InstallStopSignals();

// Makes sure file descriptors 0, 1 and 2 are open (on /dev/null when they
// were closed), so that no file the journal opens takes one of them and
// receives what is printed.
void GuardStandardFds();

}  // namespace lvu::cli
