// The simulated HMC's credentials and sessions.
//
// Contracts:
// - The HMC keeps PasswordDigest(user, password), never the password.
// - A session token is SessionToken(hmc, user, expires_s): a digest keyed by
//   the HMC's session_key over its address, the user, the expiry and the
//   session generation. The HMC recognizes its tokens by computing it again,
//   so it stores no session; bumping the generation revokes them all, and a
//   token whose expiry was edited no longer matches.
// - Expiry is on the world clock (System::ClockSeconds, simulated seconds):
//   a session opened at clock t with session_ttl_s = n is valid while the
//   clock is below t + n.
#pragma once

#include <cstdint>
#include <string>

#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// The password of the lab's HMC user hscroot (the seed article's).
inline constexpr char kLabHmcPassword[] = "abc1234";
inline constexpr int kHmcPort = 12443;

std::string PasswordDigest(const std::string& user, const std::string& password);
std::string SessionToken(const HmcInfo& hmc, const std::string& user, int64_t expires_s);

}  // namespace lvu::drivers::sim
