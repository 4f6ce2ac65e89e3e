// The hmcauth token file: <home>/hmc/token. It holds the session the HMC
// opened for `hmcauth -a HMC -u USER` (drivers::HmcSession), never the
// password:
//
//   # lvupdate hmcauth token: an HMC session, not a password.
//   hmc = hsc02
//   address = 10.1.50.30
//   user = hscroot
//   port = 12443
//   expires_s = 86400
//   token = 3f9a...(64 hex digits)
//
// Contracts:
// - SaveHmcToken creates <dir> with mode 0700 if missing and replaces the
//   file atomically (temporary file created with mode 0600, fsync, rename,
//   fsync of the directory): the file is never readable by another user,
//   not even for an instant.
// - LoadHmcToken: NotFound when there is no token; InvalidArgument when the
//   file is readable or writable by group or others (a token is a
//   credential); Corruption naming FILE:LINE for a malformed file.
#pragma once

#include <string>

#include "base/status.h"
#include "drivers/types.h"

namespace lvu::actions {

std::string HmcTokenPath(const std::string& home);  // <home>/hmc/token

Status SaveHmcToken(const std::string& path, const drivers::HmcSession& session);
Status LoadHmcToken(const std::string& path, drivers::HmcSession* out);

}  // namespace lvu::actions
