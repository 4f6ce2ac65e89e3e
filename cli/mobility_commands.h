// Application customization commands (seed 000; AIX names in parentheses,
// which also work as program names: a link named lvupdateSetProcs to
// lvupdate behaves as `lvupdate setprocs`):
//
//   lvupdate setprocs (lvupdateSetProcs)  -b -n label -a command | -b -n label -r | -b -l
//   lvupdate init (lvupdateInit)          -a [-i Id] Id:RunLevel:Action:Command | -r -i Id | -l
//   lvupdate regscript (lvupdateRegScript) -a -n label -s script -d orig|surr -P phase -p priority
//                                          [-t seconds] [--rerunnable]
//                                          | -r -n label -d orig|surr -P phase [-p priority] | -l
//   lvupdate regke (lvupdateRegKE)        -a kext_path -c command | -r kext_path | -l
//   lvupdate safeke (lvupdateSafeKE)      -a kext_path | -r kext_path | -l
//   lvupdate sim proc base-set|restartexit-set|unset PID [--lpar ID]
//       the simulated proc_mobility_base_set() / proc_mobility_restartexit_set()
//       called by process PID
//
// Registrations are kept under <home>/liveupdate (actions/registrations.h).
// Exit codes: 0 done; 2 bad input (the message names the flag and field),
// or a refused system call with ESRCH or EINVAL; 1 EAGAIN (no live update in
// progress) or a file that cannot be written.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"

namespace lvu::cli {

struct SetProcsOptions {
  bool base = false, remove = false, list = false, json = false;
  std::string label, add;  // -n, -a command
};

struct InitOptions {
  bool add = false, remove = false, list = false, json = false;
  std::string id, entry;   // -i Id, Id:RunLevel:Action:Command
};

struct RegScriptOptions {
  bool add = false, remove = false, list = false, json = false, rerunnable = false;
  std::string label, script, side, phase;
  int priority = 0;        // 0: not given
  int timeout_s = 120;
};

struct KextOptions {
  std::string add, command, remove;  // -a, -c, -r
  bool list = false, json = false;
};

struct ProcOptions {
  std::string call;  // "base-set", "restartexit-set", "unset"
  int pid = 0;
  int lpar = 0;      // 0: the partition running the workload
};

int CmdSetProcs(const GlobalOptions& g, const SetProcsOptions& o);
int CmdInit(const GlobalOptions& g, const InitOptions& o);
int CmdRegScript(const GlobalOptions& g, const RegScriptOptions& o);
int CmdRegKe(const GlobalOptions& g, const KextOptions& o);
int CmdSafeKe(const GlobalOptions& g, const KextOptions& o);
int CmdSimProc(const GlobalOptions& g, const ProcOptions& o);

// When argv[0]'s base name is one of the AIX command names above, *out
// receives the equivalent `lvupdate` command line (global options such as
// --home moved before the subcommand) and the function returns true.
bool RewriteAixAlias(int argc, char** argv, std::vector<std::string>* out);

}  // namespace lvu::cli
