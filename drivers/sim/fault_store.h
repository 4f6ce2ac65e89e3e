// The injected faults, stored apart from the world in <home>/sim/faults.json:
//   [{"kind": "crash-after", "phase": "apply", "step": "disk.assign", "times": 1}, ...]
//
// Contracts:
// - SaveFaults replaces the file atomically and durably (durable_file.h).
// - LoadFaults of a missing file is an empty list; a malformed file is
//   Corruption naming it.
// - Names: kinds "fail", "transient", "crash-before", "crash-after",
//   "crash-recorded"; phases
//   "apply", "compensate".
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/sim/sim_system.h"

namespace lvu::drivers::sim {

// The moment a fault of this kind fires: kBefore for fail, transient and
// crash-before; kAfter for crash-after; kRecorded for crash-recorded.
FaultPoint::When FaultFiresAt(FaultKind k);

std::string FaultsToJsonText(const std::vector<Fault>& faults);
Status ParseFaults(const std::string& text, const std::string& where, std::vector<Fault>* out);

Status LoadFaults(const std::string& home, std::vector<Fault>* out);
Status SaveFaults(const std::string& home, const std::vector<Fault>& faults);

}  // namespace lvu::drivers::sim
