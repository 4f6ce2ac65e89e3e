// The lvupdate home: where the journal, the logs, lvupdate.data and (for the
// simulator) the simulated world live.
#pragma once

#include <string>

#include "base/status.h"

namespace lvu::cli {

// --home if given, else $LVUPDATE_HOME, else ~/.lvupdate; created if missing.
Status ResolveHome(const std::string& flag, std::string* home);

// Sends spdlog's default logger to <home>/logs/lvupdlog.<YYYY-MM-DD_HH:MM:SS.mmm>
// (and nowhere else), a file of mode 0600; *path receives the file's path.
Status StartLog(const std::string& home, std::string* path);

}  // namespace lvu::cli
