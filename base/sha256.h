// SHA-256 (FIPS 180-4): the simulated HMC keeps a digest of its user's
// password, never the password, and signs its session tokens with it; the
// support bundle's MANIFEST lists each member's digest.
#pragma once

#include <string>

namespace lvu {

// The digest of `data` as 64 lower-case hexadecimal digits.
std::string Sha256Hex(const std::string& data);

}  // namespace lvu
