// Reading a whole file with a size limit (base/limits.h): a file larger than
// the limit, or a device that never ends (/dev/zero), is refused after at most
// limit + 1 bytes were read, never read into memory whole.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"

namespace lvu {

// NotFound when `path` does not exist; InvalidArgument "<what> <path> is
// larger than <limit> (the limit for <what>)" past `limit`, or when it is a
// directory; IOError for any other failure, naming the path.
Status ReadFileLimited(const std::string& path, uint64_t limit, const std::string& what, std::string* out);

// "1 MiB", "256 MiB", "1 GiB", "512 KiB", "100 bytes".
std::string SizeText(uint64_t bytes);

}  // namespace lvu
