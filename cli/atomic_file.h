// Whole-file reads and crash-safe writes for the files commands produce
// (exports, pictures, bundles).
//
// Contract: WriteFileAtomically writes `contents` to a temporary name in the
// same directory (`<path>.tmp.<pid>`), fsyncs it, renames it over `path` and
// fsyncs the directory, so that `path` holds either what it held before or
// all of the new contents, never part of them, even after a crash; the
// temporary file is removed on failure. Errors are IOError naming the file
// and the failing call. ReadWholeFile: NotFound when `path` does not exist,
// InvalidArgument past `limit` bytes (base/limits.h), naming `what`.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace lvu::cli {

Status WriteFileAtomically(const std::string& path, const std::string& contents);
Status ReadWholeFile(const std::string& path, uint64_t limit, const std::string& what, std::string* out);

}  // namespace lvu::cli
