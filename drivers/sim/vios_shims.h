// The shims of the commands the aix driver reads the VIOS mappings with
// (drivers/aix/aix_mappings.h), printed from the simulated mappings
// (World::mappings) in the real formats: lsdev -F (lsdev_Cc_disk_F.1),
// the HMC's lshwres -r virtualio --rsubtype scsi
// (hmc_lshwres_r_virtualio_rsubtype_scsi.1) and lsmap -all run through
// viosvrcmd (vios_lsmap_all.1 and the seed's lsmap -vadapter).
//
// What the simulator does not model is derived the same way everywhere: a
// VIOS's partition id is the -V<id> of its vhosts' Physloc, the server slot
// their -C<slot>, and client adapter vscsiN sits in slot N + 2 of its
// partition.
#pragma once

#include <string>
#include <vector>

#include "drivers/sim/shims.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {

// The derivations above: mapping `m`'s VIOS partition id (-V<id>) and
// server slot (-C<slot>); the slot of client adapter vscsiN (N + 2). -1
// when there is none.
int ViosIdOf(const WorldMapping& m);
int ServerSlotOf(const WorldMapping& m);
int ClientSlotOf(const std::string& adapter);

// lsdev -Cc adapter -F name:physloc on the partition lvupdate runs on: true
// with *out set; false for another lsdev form.
bool RunViosLsdev(const World& w, const std::vector<std::string>& argv, ShimOutput* out);

// The HMC's lshwres -r virtualio --rsubtype scsi --level lpar and
// viosvrcmd -m SYS --id N -c 'lsmap -all': true with *out set; false for
// another HMC command.
bool RunViosHmc(const World& w, const std::vector<std::string>& words, ShimOutput* out);

}  // namespace lvu::drivers::sim
