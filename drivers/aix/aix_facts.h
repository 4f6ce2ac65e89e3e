// The preview's facts over real commands: which commands the aix driver
// runs for each fact source it reads (drivers/fact_sources.h), and how
// their output becomes OsFacts and HmcFacts fields. Pure over `run`, so the
// tests feed it the real outputs of ../shared/aix-outputs.
//
// Contracts:
// - A command that fails, or output the parsers cannot read, is that Status:
//   nothing is guessed, and no fact is half read.
// - Every source not read is listed in `unread` (the checks reading it FAIL
//   or, checked by hand, print INFO); a field of an unread source keeps its
//   default and means nothing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/facts.h"

namespace lvu::drivers::aix {

// Runs a command (argv for AIX; the HMC command's words for the HMC) and
// gives its standard output.
using RunCommand = std::function<Status(const std::vector<std::string>& argv, std::string* out)>;

// Reads lsvg (lsvg rootvg; lsvg -l rootvg), lsps (lsps -a), df (df -m),
// lsdev (lsdev -C) and emgr (emgr -l); every other partition source is
// unread.
//   rootvg_used_mb       USED PPs x PP SIZE
//   rootvg_copies        the most copies (PPs / LPs) of a logical volume
//   rootvg_uniformly_mirrored   every logical volume has that many
//   rootvg_stale_lvs     logical volumes whose LV STATE is .../stale
//   multibos             a standby BOS: logical volumes named bos_*
//   paging_mb            the paging spaces of rootvg, added
//   filesystems          df -m; vg and type from lsvg -l rootvg for /dev/LV
//   tape, optical, vlog, gre   lsdev -C names rmt*, cd*, vlog*, gre*
//   reboot_pending_fixes emgr -l labels in state Q or RQ
Status ReadOsFacts(const RunCommand& run, OsFacts* out);

// Reads lshwres_sys (lshwres -r proc|mem --level sys), remote_restart
// (lssyscfg -r lpar --filter lpar_ids=ID: remote_restart_capable, when the
// HMC prints it) and mem_mode (lshwres -r mem --level lpar: mem_mode, when
// printed) for partition `lpar_id` of `managed_system`. Unread: lslic,
// slots, vnic, and mempool (wanted only when mem_mode is shared).
Status ReadHmcFacts(const RunCommand& run_hmc, const std::string& managed_system, int lpar_id, HmcFacts* out);

}  // namespace lvu::drivers::aix
