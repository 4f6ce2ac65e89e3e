#include "drivers/sim/hmc_session.h"

#include "base/sha256.h"

namespace lvu::drivers::sim {

std::string PasswordDigest(const std::string& user, const std::string& password) {
  return Sha256Hex("lvupdate-sim-hmc-password|" + user + "|" + password);
}

std::string SessionToken(const HmcInfo& hmc, const std::string& user, int64_t expires_s) {
  return Sha256Hex(hmc.session_key + "|" + hmc.address + "|" + user + "|" + std::to_string(expires_s) +
                   "|" + std::to_string(hmc.session_generation));
}

}  // namespace lvu::drivers::sim
