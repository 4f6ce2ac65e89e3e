// Local files, the one way lvupdate reads and writes them (the journal aside,
// which RocksDB writes).
//
// Contracts:
// - ReadFileLimited reads a whole file with a size limit (base/limits.h): a
//   file larger than the limit, or a device that never ends (/dev/zero), is
//   refused after at most limit + 1 bytes were read, never read whole.
// - WriteFileAtomically leaves either the old or the new contents at `path`,
//   never a mix, and the new contents are on stable storage when it returns
//   OK: it writes `path`.tmp.<pid> (mode `mode`), fdatasyncs it, renames it
//   over `path` and fsyncs the directory; the temporary file is removed on
//   failure. Errors are IOError naming the file and the failing call.
// - MakeDirs is mkdir -p; each directory it creates is fsynced into its parent.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "base/status.h"

namespace lvu {

// NotFound when `path` does not exist; InvalidArgument "<what> <path> is
// larger than <limit> (the limit for <what>)" past `limit`, or when it is a
// directory; IOError for any other failure, naming the path.
Status ReadFileLimited(const std::string& path, uint64_t limit, const std::string& what, std::string* out);

// A file lvupdate wrote itself (the simulated world, registrations, the HMC
// token): ReadFileLimited with kMaxStateFileBytes; NotFound "<path>: no such file".
Status ReadFileToString(const std::string& path, std::string* out);

Status WriteFileAtomically(const std::string& path, const std::string& contents, mode_t mode = 0644);

Status MakeDirs(const std::string& path);

// "1 MiB", "256 MiB", "1 GiB", "512 KiB", "100 bytes".
std::string SizeText(uint64_t bytes);

}  // namespace lvu
