// SHA-256 (FIPS 180-4), for the simulated HMC: it keeps a digest of its
// user's password, never the password, and signs its session tokens with it.
#pragma once

#include <string>

namespace lvu::drivers::sim {

// The digest of `data` as 64 lower-case hexadecimal digits.
std::string Sha256Hex(const std::string& data);

}  // namespace lvu::drivers::sim
