// The commands of preview and validation besides `preview` itself: hmcauth
// (the HMC token), emgr -p (an ifix's attributes) and sim set (the facts of
// the simulated system). Each returns the process exit code (commands.h).
#pragma once

#include <string>

#include "cli/commands.h"

namespace lvu::cli {

struct HmcauthOptions {
  std::string hmc;       // -a: address or host name of the HMC
  std::string user;      // -u
  std::string password;  // -p; prompted for (without echo) when not given
  bool password_given = false;
  bool list = false;     // -l
};

// hmcauth -a HMC -u USER [-p PASSWORD]: logs on to the HMC and keeps the
// session's token in <home>/hmc/token (mode 0600); the password is kept
// nowhere. hmcauth -l: the token's HMC, user, port and time to live; nothing
// when there is none (as AIX). Wrong credentials or unknown HMC: exit 2.
int CmdHmcauth(const GlobalOptions& g, HmcauthOptions o);

// emgr -p -e FILE: the ifix package's attributes as `emgr -p` prints them,
// with LU CAPABLE. Missing or malformed package: exit 2.
int CmdEmgrPreview(const GlobalOptions& g, const std::string& file);

// sim set KEY VALUE, and sim set --list [--json]: every key, its value, the
// checks it feeds and a value that makes one fail. Unknown key or bad value:
// exit 2 naming the key.
int CmdSimSet(const GlobalOptions& g, const std::string& key, const std::string& value);
int CmdSimSetList(const GlobalOptions& g, bool json);

}  // namespace lvu::cli
