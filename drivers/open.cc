#include "drivers/open.h"

#include <sys/utsname.h>

#include "drivers/aix/aix_system.h"
#include "drivers/sim/sim_system.h"

namespace lvu::drivers {

bool KnownDriver(const std::string& name) { return name == "sim" || name == "aix"; }

std::string MachineDriver() {
  utsname u{};
  if (uname(&u) == 0 && std::string(u.sysname) == "AIX") return "aix";
  return "sim";
}

std::string RecordedDriver(const std::string& recorded) { return recorded.empty() ? "sim" : recorded; }

Status OpenSystem(const std::string& driver, const std::string& home, const OpenOptions& options,
                  std::unique_ptr<System>* out) {
  if (driver == "sim") {
    sim::SimOptions so;
    so.speed = options.speed;
    std::unique_ptr<sim::SimSystem> s;
    LVU_RETURN_IF_ERROR(sim::SimSystem::Open(home, so, &s));
    *out = std::move(s);
    return Status::OK();
  }
  if (driver == "aix") return aix::AixSystem::Open(home, out);
  return Status::InvalidArgument("unknown driver '" + driver + "' (the drivers are: " + kDriverList + ")");
}

}  // namespace lvu::drivers
