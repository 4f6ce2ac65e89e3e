// Snapshot: everything the preview checks read, gathered once from the
// drivers (and the hmcauth token file) before any check runs. Checks are
// pure functions of a Snapshot, so they are cheap to test and never reach
// the world themselves.
//
// Contracts:
// - Gather reads only; it changes nothing in the world.
// - A source that cannot be read (the HMC does not answer, the partition's
//   facts cannot be read) does not fail Gather: its Status is kept, and every
//   check that needs it is FAILED with that reason (check.h, Needs).
// - Gather fails only when the partition lvupdate runs on cannot be named
//   (`uname -L` failed): without it nothing can be checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actions/validation/validation_input.h"
#include "base/status.h"
#include "drivers/system.h"

namespace lvu::actions {

// One ifix named on the command line, as `emgr -p -e` read it.
struct FixRead {
  std::string given;  // as named: "dummy.150813.epkg.Z"
  std::string path;   // the file read
  Status status;      // NotFound, InvalidArgument...: the package could not be read
  drivers::Fix fix;
};

struct Snapshot {
  const ValidationInput* input = nullptr;
  int64_t clock_s = 0;  // the world's clock when gathered

  int lpar_id = 0;      // uname -L
  std::string lpar_name;

  Status hmc_status;                  // ListLpars (lssyscfg)
  std::vector<drivers::Lpar> lpars;
  std::optional<drivers::Lpar> lpar;  // this partition, when the HMC knows it

  Status hmc_facts_status;
  drivers::HmcFacts hmc;

  Status os_status;
  drivers::OsFacts os;

  Status disks_status;
  std::vector<drivers::Disk> disks;   // lspv

  Status vios_status;
  std::vector<drivers::VhostMapping> mappings;  // lsmap -all

  Status processes_status;
  drivers::ProcessTable processes;  // ps -ef, genkex (process_checks.h)

  // The hmcauth token: absent (NotFound), unreadable, or read; then what the
  // HMC says of it (CheckSession).
  Status token_status;
  drivers::HmcSession token;
  Status session_status;

  std::vector<FixRead> fixes;

  drivers::System::RequiredSettings settings;  // the driver's own (aix.conf)

  // Helpers for the checks.
  const drivers::Disk* FindDisk(const std::string& name) const;
  const drivers::FileSystem* FindFs(const std::string& mount) const;
};

Status Gather(drivers::System& sys, const ValidationInput& input, Snapshot* out);

}  // namespace lvu::actions
