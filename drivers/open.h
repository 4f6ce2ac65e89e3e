// The one place a driver is chosen and opened: every command that acts on or
// reads the system gets it here, by the driver's name, and then sees only
// drivers::System (system.h). Only the `sim` command group (cli/sim_*.cc)
// and tests reach the simulator's own interface (drivers/sim/).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "drivers/system.h"

namespace lvu::drivers {

// The drivers, by name: "sim" (the simulator, drivers/sim) and "aix" (the
// real AIX, HMC and VIOS commands, drivers/aix).
inline constexpr char kDriverList[] = "sim, aix";
bool KnownDriver(const std::string& name);

// The driver used when none is named: "aix" where `uname -s` says AIX, "sim"
// elsewhere.
std::string MachineDriver();

// The driver an operation recorded (opStarted.driver); "sim" for one
// recorded before the field was written (lvupdate 0.1.0 had only it).
std::string RecordedDriver(const std::string& recorded);

struct OpenOptions {
  double speed = 200;  // sim: simulated seconds per real second; 0: never wait
};

// The system of `home` through driver `driver`. InvalidArgument for an
// unknown driver name; NotFound (saying how to create it) when the home has
// no such system.
Status OpenSystem(const std::string& driver, const std::string& home, const OpenOptions& options,
                  std::unique_ptr<System>* out);

}  // namespace lvu::drivers
