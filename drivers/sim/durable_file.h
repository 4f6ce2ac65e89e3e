// Small file primitives for the simulator's durable state.
//
// Contracts:
// - WriteFileAtomically leaves either the old or the new contents at `path`,
//   never a mix, and the new contents are on stable storage when it returns
//   OK: it writes `path`.tmp, fdatasyncs it, renames it over `path`, and
//   fsyncs the directory.
// - Errors are IOError naming the file and the failing system call.
#pragma once

#include <string>

#include "base/status.h"

namespace lvu::drivers::sim {

// NotFound when the file does not exist; IOError for any other failure.
Status ReadFileToString(const std::string& path, std::string* out);

Status WriteFileAtomically(const std::string& path, const std::string& contents);

// mkdir -p; the created directories are fsynced into their parents.
Status MakeDirs(const std::string& path);

}  // namespace lvu::drivers::sim
