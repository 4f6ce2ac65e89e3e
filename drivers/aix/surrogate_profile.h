// The surrogate's profile: the `mksyscfg -r lpar -i` attributes of a new
// partition like an existing one (its profile, as lssyscfg -r prof prints
// it) with the resources reserved for it. Pure, tested on the real profiles
// of ../shared/aix-outputs.
//
// Taken from the profile: lpar_env, proc_mode, the processor and memory
// ranges, sharing_mode and uncap_weight, max_virtual_slots, and its virtual
// SCSI *client* adapters (the surrogate reaches the same VIOS server slots;
// path.split maps the vhosts to it). Not taken: physical I/O slots (a live
// update partition has none), Ethernet and serial adapters (the HMC makes
// new ones), the profile's name (the surrogate's is "lvupdate").
// The reservation's processing units (shared) or processors (dedicated,
// rounded up) and memory are the desired amounts; the ranges are widened
// to hold them.
//
// Contract: a profile without proc_mode shared or ded, or a reservation of
// no memory or processors, is InvalidArgument naming what is wrong.
#pragma once

#include <string>

#include "base/status.h"
#include "drivers/aix/parse/hmc_lssyscfg.h"
#include "drivers/types.h"

namespace lvu::drivers::aix {

Status SurrogateAttributes(const HmcProfile& like, const std::string& name, int id, const Reservation& reserved,
                           std::string* out);

}  // namespace lvu::drivers::aix
