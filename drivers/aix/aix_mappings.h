// The VIOS mappings over real commands (Vios::ListMappings): which vhost of
// which VIOS serves which client adapter and client disks of the partition
// lvupdate runs on. Pure over the runners, so tests feed it real outputs.
//
//   lshwres -r virtualio --rsubtype scsi --level lpar -m SYS      (HMC)
//     the VIOS (partitions with server adapters); each client adapter of
//     this partition: its slot, its VIOS and the VIOS's server slot; a
//     server adapter whose remote_lpar_id is "any" accepts any client
//   viosvrcmd -m SYS --id VIOS -c 'lsmap -all'                    (HMC, each VIOS)
//     each vhost: its server slot (Physloc ...-C<slot>), client partition
//     id, virtual targets and their backing devices
//   lsdev -Cc adapter -F name:physloc                             (this partition)
//     the client adapter in each slot (...-C<slot>-T1)
//   lspath                                                        (this partition)
//     the disks with a path through each client adapter
//
// Contracts:
// - A vhost serving this partition lists the disks with a path through its
//   client adapter (lspath order), each backed as the vhost's targets are:
//   a backing device hdiskN is "pv", a path "/..." is "file". Targets of
//   another kind (a logical volume and a shared storage pool LU look alike
//   in lsmap) or of mixed kinds are Failed naming the vhost: lvupdate cannot
//   tell which client disk each backs, and never guesses.
// - A vhost serving another partition is listed with its client id, no
//   client adapter and no disks (a client's disk names are its own).
// - A failed command or output the parsers cannot read is that Status.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/aix/aix_facts.h"
#include "drivers/types.h"

namespace lvu::drivers::aix {

// `concurrent`: lsdev and lspath run while the HMC answers lshwres, and
// every VIOS's lsmap at once (prefetch.h); the result is the same.
Status ReadMappings(const RunCommand& run_aix, const RunCommand& run_hmc, const std::string& managed_system,
                    int lpar_id, std::vector<drivers::VhostMapping>* out, bool concurrent = false);

// The slot of a location code: 90 for "U8286.42A.214F58V-V1-C90" and for
// "U8286.42A.214F58V-V99-C90-T1"; -1 when it names none.
int SlotOf(const std::string& physloc);

}  // namespace lvu::drivers::aix
