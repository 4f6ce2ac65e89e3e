#include "drivers/open.h"

#include "drivers/sim/sim_system.h"

namespace lvu::drivers {

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
  return Status::InvalidArgument("unknown driver '" + driver + "' (this lvupdate has: sim)");
}

}  // namespace lvu::drivers
