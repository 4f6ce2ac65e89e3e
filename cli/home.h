// The lvupdate home: where the journal, the logs, lvupdate.data and (for the
// simulator) the simulated world live.
#pragma once

#include <string>

#include "base/status.h"

namespace lvu::cli {

// --home if given, else $LVUPDATE_HOME, else ~/.lvupdate; created if missing.
Status ResolveHome(const std::string& flag, std::string* home);

// Until a command starts a log (StartLog), spdlog's default logger writes
// warnings and errors to standard error and drops the rest: a command that
// is not an operation (status, journal verify) may still read the world
// through the driver, and the aix driver logs each command it runs; none of
// that may reach standard output (`--json`).
void LogWarningsToStderr();

// Sends spdlog's default logger to <home>/logs/lvupdlog.<YYYY-MM-DD_HH:MM:SS.mmm>
// (and nowhere else), a file of mode 0600; *path receives the file's path.
Status StartLog(const std::string& home, std::string* path);

}  // namespace lvu::cli
