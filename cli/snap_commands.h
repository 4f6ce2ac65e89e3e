// `lvupdate snap` (also `snap -U`, as AIX's snap -U gathers Live Update
// data): a support bundle, one .tar.gz holding what support needs to
// understand an operation (snap_bundle.h lists the members).
//
// Which operations: OP... (ids or unique prefixes, as `journal show` takes
// them), --all, or by default the newest one together with the update it
// reverts (when it is a revert) or the revert of it (when it is an update
// that was reverted). With no operation in the journal, or no journal, the
// bundle still holds the configuration, the world, the logs and the
// versions.
//
// Read-only: the journal is opened as the journal commands open it, so snap
// works beside a running live update; the world is read, never written.
//
// Output: -o FILE, default <home>/snap/lvupdate.snap.<UTC yyyymmddThhmmss>.tar.gz
// (<home>/snap created if missing). The archive is built in memory (logs
// are bounded: --max-log-bytes each, --max-total-log-bytes in all) and
// written to a temporary name, then renamed (atomic_file.h): a crash or a
// failed write never leaves part of a bundle. Prints the path, the number
// of members and the size (--json: as one object).
//
// Exit codes: 0 written; 1 could not (journal unreadable, the file could
// not be written: the message names it); 2 bad input (unknown or ambiguous
// OP, OP with --all).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace lvu::cli {

struct SnapOptions {
  std::vector<std::string> ops;
  bool all = false;
  std::string output;                  // -o; "" for the default
  uint64_t max_log_bytes = 1 << 20;    // per log
  uint64_t max_total_log_bytes = 0;    // 0: 8 x max_log_bytes
  uint64_t max_ops_bytes = 64 << 20;   // the operations' members together
  bool json = false;
  std::string cli11_version;           // CLI11_VERSION, from cli.cc
};

int CmdSnap(const GlobalOptions& g, const SnapOptions& o);

}  // namespace lvu::cli
