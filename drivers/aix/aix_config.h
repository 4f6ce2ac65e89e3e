// The aix driver's settings: <home>/aix.conf, lines of `key = value`, `#`
// comments and blank lines. Every key is optional.
//
//   hmc = hsc02                     the HMC (address or host name) reached with ssh
//   hmc_user = hscroot              its user (key-based ssh: docs/drivers.md)
//   managed_system = Server-8286-42A-SN214F58V   default: the one holding this partition
//   command_timeout_s = 600         each AIX command (alt_disk_copy, mirrorvg take long)
//   hmc_timeout_s = 300             each HMC command, ssh included
//   workload_checkpoint_command = PATH [ARG...]   freeze and checkpoint the workload
//   workload_restart_command = PATH [ARG...]      restart it on the surrogate
//   workload_thaw_command = PATH [ARG...]         thaw it on the original (rollback)
//   workload_state_command = PATH [ARG...]        print running, frozen or none for a partition
//   live_update_state_command = PATH [ARG...]     tell the partition a live update begins or ends
//   vhost_client_command = PATH [ARG...]          re-point a VIOS server adapter to another client
//   checked_by_hand = trustchk lswpar ...         fact sources the administrator checked
//
// checked_by_hand names fact sources (drivers/fact_sources.h; blanks or
// commas between them) the aix driver does not read yet and that the
// administrator has checked by hand: their checks print INFO instead of
// FAILED. An unknown source is InvalidArgument naming the line.
//
// The six commands stand for what IBM exposes only inside
// `geninstall -k` (docs/drivers.md, "What has no public interface"): while
// one is not set, the step that needs it fails saying which key to set, and
// preview FAILs with a line naming it. What each is run with, what it must
// print and how its effect is verified: aix_system.h.
//
// Contract: an unknown key, a line without '=', a key given twice or a bad
// number is InvalidArgument naming "<file>:<line>"; a missing file is the
// defaults (every key unset). Values are trimmed; the commands are split
// into words at blanks, double quotes grouping words (base/command_line.h),
// and run without a shell.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace lvu::drivers::aix {

struct AixConfig {
  std::string hmc;
  std::string hmc_user = "hscroot";
  std::string managed_system;
  int command_timeout_s = 600;
  int hmc_timeout_s = 300;
  std::vector<std::string> workload_checkpoint_command;
  std::vector<std::string> workload_restart_command;
  std::vector<std::string> workload_thaw_command;
  std::vector<std::string> workload_state_command;
  std::vector<std::string> live_update_state_command;
  std::vector<std::string> vhost_client_command;
  std::vector<std::string> checked_by_hand;
};

inline constexpr char kAixConfigFile[] = "aix.conf";

Status ParseAixConfig(const std::string& text, const std::string& file, AixConfig* out);
// <home>/aix.conf, or the defaults when there is none.
Status LoadAixConfig(const std::string& home, AixConfig* out);

}  // namespace lvu::drivers::aix
