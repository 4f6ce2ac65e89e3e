// Size limits on what lvupdate reads (docs/journal-format.md, "Limits"):
// past one, the command exits 2 at once, naming the file and the limit,
// before anything is changed. Each is far above what the real thing holds
// (an lvupdate.data is a few hundred bytes, an ifix package a few MB, an
// operation's export tens of KB) and far below what would exhaust memory.
#pragma once

#include <cstdint>

namespace lvu {

inline constexpr uint64_t kMaxLvupdateDataBytes = 1ull << 20;      // lvupdate.data (-f)
inline constexpr uint64_t kMaxFixPackageBytes = 256ull << 20;      // an ifix package (emgr -e, run FIX)
inline constexpr uint64_t kMaxImportBytes = 256ull << 20;          // journal import, replay --from (one file)
inline constexpr uint64_t kMaxBundleBytes = 256ull << 20;          // a support bundle, compressed
inline constexpr uint64_t kMaxBundleUnpackedBytes = 256ull << 20;  // a support bundle, all members unpacked
inline constexpr uint64_t kMaxStateFileBytes = 256ull << 20;       // a file lvupdate writes itself: the
                                                                    // simulated world, registrations, the HMC token

}  // namespace lvu
