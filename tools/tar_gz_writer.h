// A .tar.gz built in memory with libarchive, and read back: the support
// bundle's container (`lvupdate snap`), and how tests and `snap` itself check
// what was written.
//
// Contracts:
// - WriteTarGz: a POSIX (pax restricted: ustar unless a name needs more)
//   tar of regular files, mode 0644, owner root:root (uid and gid 0), every
//   member's mtime `mtime` (seconds since the epoch), in the order given,
//   gzip-compressed, appended to *out. No directory entries: tar and
//   libarchive create them. Errors are IOError with libarchive's message and
//   the member's path.
// - ReadTarGz reads such an archive (any tar libarchive reads, gzipped or
//   not) into members, regular files only, in archive order. Corruption
//   with libarchive's message when it does not read; InvalidArgument, as soon
//   as the members unpacked pass `max_unpacked` bytes together (a gzip bomb:
//   1 MB of gzip can unpack to GBs), naming the limit and the member.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace lvu::tools {

struct TarMember {
  std::string path;   // "lvupdate.snap/MANIFEST"
  std::string bytes;
};

Status WriteTarGz(const std::vector<TarMember>& members, int64_t mtime, std::string* out);
Status ReadTarGz(const std::string& archive, uint64_t max_unpacked, std::vector<TarMember>* out);

}  // namespace lvu::tools
