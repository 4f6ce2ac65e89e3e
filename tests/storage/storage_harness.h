// The storage-fault harness: a live update run in a child process whose
// journal is written through FaultFs (tests/support/fault_fs.h), then
// recovered through the real binary, then the world and the journal checked.
//
// RunWithFault forks; the child opens the lab of `home` (made by InitLab), the
// journal with FaultFs, and runs the update in-process as `lvupdate run`
// does, then exits: 0 done, 1 the executor stopped on an error (the injected
// one), kPowerLossExit at a power loss. A child that dies of a signal
// (SIGABRT: RocksDB's assertions) is a failure of the case.
#pragma once

#include <cstdint>
#include <string>

#include "tests/support/fault_fs.h"

namespace lvu::testing {

struct ChildResult {
  bool exited = false;   // false: killed by a signal
  int code = -1;         // exit code, or the signal's number
  uint64_t counts[3] = {0, 0, 0};  // FaultFs::count(op), by Op (not for a power loss)
  bool fired = false;
  std::string error;     // the executor's Status, when it failed
};

ChildResult RunWithFault(const std::string& home, const FaultFs::Plan& plan);

// The operations of one clean run (counted once per process).
struct RunCounts {
  uint64_t writes = 0, syncs = 0, renames = 0;
};
const RunCounts& CleanRunCounts();

// cp -a FROM TO (TO must not exist).
void CopyHome(const std::string& from, const std::string& to);

}  // namespace lvu::testing
