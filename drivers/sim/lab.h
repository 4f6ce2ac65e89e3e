// The seed article's lab (shared/seeds/001_*): a POWER8 S824 (8286-42A) at
// firmware SV810_081 managed by an HMC V8R8.4.0.0 at 10.1.50.30, two VIOS
// (s824vio1 serving vhost3 to the client's vscsi0, s824vio2 serving vhost5 to
// vscsi1), and LPAR 99 "aix721534A" (7200-00-00-0000, 0.1 processing units,
// 2048 MB) running from hdisk1 (rootvg) with spare disks hdisk2 and hdisk3,
// 51200 MB each, two Enabled paths per disk.
#pragma once

#include <string>

#include "drivers/sim/world.h"
#include "drivers/types.h"

namespace lvu::drivers::sim {

// The lab's world at clock 0, with an empty errlog. Every preview check
// passes on it once hmcauth has opened a session (password kLabHmcPassword,
// sim/hmc_session.h).
World SeedLab();

// The partition's AIX as the article shows it (lsvg, lsps, df -g) and as the
// checks want it (no tape, no WPAR, trustchk policies off, RSCT active...).
OsFacts SeedOsFacts();

// The seed of the lab's cost jitter (the article's date).
inline constexpr uint64_t kLabJitterSeed = 20150914;

// <home>/lvupdate.data as the article configures it for automated mode:
// nhdisk = hdisk2, mhdisk = hdisk3, lpar_id = 98.
std::string SeedLvupdateData();

// The article's LU-capable test fix (label dummy) and one that is not LU
// capable (label nolu); `file` is left empty.
Fix SeedDummyFix();
Fix SeedNoLuFix();

inline constexpr char kDummyFixFile[] = "dummy.150813.epkg.Z";
inline constexpr char kNoLuFixFile[] = "nolu.150813.epkg.Z";

}  // namespace lvu::drivers::sim
