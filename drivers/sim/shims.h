// The simulator presented as the commands the aix driver runs: each shim
// (`lvupdate sim shims DIR` writes one executable per command into DIR)
// runs `lvupdate --home HOME sim exec NAME ARGS...`, which reads or changes
// the simulated system of HOME as the real command would, prints what the
// real command prints (the formats of ../shared/seeds and
// ../shared/aix-outputs) and exits as it does.
//
// Covered (the aix driver's calls that run real commands today):
//   uname -L; lspv; getconf DISK_SIZE /dev/hdiskN; lspath [-p ADAPTER];
//   bootlist -m normal -o; bootlist -m normal DISK...;
//   lsvg rootvg, lsvg -l rootvg, lsps -a, df -m, lsdev -C, emgr -l (the
//   preview's facts: fact_shims.h); lsdev -Cc adapter -F name:physloc
//   (vios_shims.h); ps -ef, genkex -d (process_shims.h); errlogger,
//   alt_disk_copy, alt_rootvg_op, extendvg, mirrorvg, unmirrorvg, reducevg,
//   rmpath, cfgmgr, shutdown (os_shims.h); cp FILE /alt_inst/..., chroot
//   /alt_inst /usr/sbin/emgr ... (clone_shims.h; the scripts pass any other
//   cp and chroot to the system's own);
//   ssh [-o OPT]... USER@HMC 'COMMAND': the HMC's lssyscfg -r sys,
//   lssyscfg -r lpar -m SYS [--filter lpar_ids=N] (with
//   remote_restart_capable), lshwres -r proc|mem
//   --level lpar|sys -m SYS, chsyscfg -r lpar -m SYS -i name=OLD,new_name=NEW,
//   chsysstate -r lpar -m SYS -o shutdown --immed --id N, chsysstate -r
//   lpar -m SYS -o on --id N -f PROFILE (boots the lvup_rootvg disk),
//   rmsyscfg -r lpar -m SYS --id N, lshmc -V, mkauthkeys -a KEY,
//   lshwres -r virtualio --rsubtype scsi --level lpar -m SYS and
//   viosvrcmd -m SYS --id N -c 'lsmap -all' (vios_shims.h), lssyscfg -r
//   prof and mksyscfg -r lpar -i ATTRS (profile_shims.h);
//   the stand-ins for the commands aix.conf configures (sim-workload-*,
//   sim-live-update-state, sim-vhost-client: standin_shims.h).
// Anything else: the shell's "not found" (exit 127), so that a command the
// driver runs and the shims do not cover is seen at once.
//
// ssh authenticates as the HMC would: with a password (PubkeyAuthentication=no:
// the password comes from $SSH_ASKPASS, checked against the simulated HMC's
// user), or with the key `-i KEY` when KEY.pub was added with `mkauthkeys -a`
// (kept in <home>/sim/hmc_authorized_keys); without -i, the key of the user
// running it is taken as authorized. mkauthkeys -a KEY adds a key.
//
// The simulator's faults fire in the shims (shim_faults.h): a failure of
// the command, or the operation's lvupdate killed before or after it.
//
// Failures as the real commands fail: an HMC that does not respond (`sim set
// hmc.responding false`) is ssh's exit 255; an unknown managed system or
// partition is the HMC's HSCL message and exit 1; a wrong option is the
// command's usage message and exit 2.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "drivers/sim/sim_system.h"

namespace lvu::drivers::sim {

struct ShimOutput {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// The commands a shim is written for ("uname", "lspv", ..., "ssh").
std::vector<std::string> ShimNames();

// Whether the shim `name` reads its standard input (`input` below).
bool ShimReadsInput(const std::string& name);

// Runs argv (argv[0]: the command's name) on the simulated system, `input`
// its standard input. The Status is not OK only when the simulated world
// cannot be read or saved.
Status RunShim(SimSystem* sim, const std::string& home, const std::vector<std::string>& argv, ShimOutput* out,
               const std::string& input = "");

// Writes DIR/<name> for every ShimNames() entry: `#!/bin/sh` then `exec
// LVUPDATE --home HOME sim exec NAME "$@"` (mode 0755). DIR is created.
// With a latency, each first sleeps that long (`sleep`): `hmc_latency_ms`
// for ssh (an HMC command), `latency_ms` for the others, as a real
// partition's and HMC's commands take time.
Status WriteShims(const std::string& dir, const std::string& lvupdate, const std::string& home,
                  int latency_ms = 0, int hmc_latency_ms = 0);

}  // namespace lvu::drivers::sim
