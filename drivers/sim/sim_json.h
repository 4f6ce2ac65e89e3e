// The simulated system's faults and settings as JSON: what `sim fault list
// --json` and `sim set --list --json` print, and what the support bundle
// keeps of them.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "drivers/sim/settings.h"
#include "drivers/sim/sim_system.h"

namespace lvu::drivers::sim {

// [{"step", "kind", "phase", "times"}, ...]
nlohmann::json FaultsJson(const std::vector<Fault>& faults);
// [{"key", "value", "feeds", "breaks": [{"value", "check", "with"?}], "help"}, ...]
nlohmann::json SettingsJson(const std::vector<Setting>& settings);

}  // namespace lvu::drivers::sim
