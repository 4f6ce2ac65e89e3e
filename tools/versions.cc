// See versions.h.
#include "tools/versions.h"

#include <sys/utsname.h>

#include <archive.h>
#include <capnp/common.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <rocksdb/version.h>
#include <spdlog/version.h>

namespace lvu::tools {

namespace {

std::string Dotted(int major, int minor, int patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

std::string VersionsText(const std::string& cli11_version) {
  std::string out;
  auto line = [&](const std::string& name, const std::string& version) { out += name + " " + version + "\n"; };
  line("lvupdate", LVU_VERSION);
  line("RocksDB", Dotted(ROCKSDB_MAJOR, ROCKSDB_MINOR, ROCKSDB_PATCH));
  line("Cap'n-Proto", Dotted(CAPNP_VERSION_MAJOR, CAPNP_VERSION_MINOR, CAPNP_VERSION_MICRO));
  line("spdlog", Dotted(SPDLOG_VER_MAJOR, SPDLOG_VER_MINOR, SPDLOG_VER_PATCH));
  line("fmt", Dotted(FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100));
  line("CLI11", cli11_version.empty() ? "unknown" : cli11_version);
  line("libarchive", std::string(ARCHIVE_VERSION_ONLY_STRING) + " (run time: " + archive_version_details() + ")");
  line("nlohmann-json",
       Dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH));
#if defined(__clang__)
  line("compiler", std::string("clang ") + __clang_version__);
#elif defined(__GNUC__)
  line("compiler", std::string("gcc ") + __VERSION__);
#endif
  utsname u{};
  if (uname(&u) == 0) line("system", std::string(u.sysname) + " " + u.release + " " + u.version + " " + u.machine);
  return out;
}

}  // namespace lvu::tools
