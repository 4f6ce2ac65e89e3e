// The versions of lvupdate and of the libraries it was built with, as the
// support bundle reports them (`lvupdate snap`: versions.txt). Compile-time
// versions come from each library's version macros; libarchive's run-time
// version (and those of its compressors) from archive_version_details().
#pragma once

#include <string>

namespace lvu::tools {

// One "name version" line each. CLI11 is included by cli.cc only, so its
// version (CLI11_VERSION) is passed in.
std::string VersionsText(const std::string& cli11_version);

}  // namespace lvu::tools
