// The shims of the commands the aix driver reads the preview's facts with
// (drivers/aix/aix_facts.h): lsvg rootvg, lsvg -l rootvg, lsps -a, df -m,
// lsdev -C, emgr -l and emgr -d -e FILE -v3 (an ifix's attributes), printed from the simulated partition's facts
// (World::os) in the real commands' formats (../shared/aix-outputs:
// lsvg_rootvg.3, lsvg_l_rootvg.3, lsps_a.1, lsdev_Cc_disk.3, emgr_l.1; the
// seed's df -g with the MB header). What the simulator does not model
// (inode counts, VG identifiers, install times) is derived, never read back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// emgr -l's listing of `rows` (label, state as printed: " S", "*Q*"),
// installed at `clock`; no row: emgr's "There is no efix data" line.
struct EmgrRow {
  std::string label, state;
};
std::string EmgrList(const std::vector<EmgrRow>& rows, int64_t clock);

// The fact commands' names ("lsvg", "lsps", "df", "lsdev", "emgr").
std::vector<std::string> FactShimNames();

// Runs argv when argv[0] is one of FactShimNames(): true, with *out set
// (a usage error for a form it does not answer). False for another command.
bool RunFactShim(const World& w, const std::vector<std::string>& argv, ShimOutput* out);

}  // namespace lvu::drivers::sim
