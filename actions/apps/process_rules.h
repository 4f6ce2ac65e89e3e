// Process classification for live update (seed 000, "Application
// customization for Live Update"): which processes of a partition are base
// (stay on the original), mobile (move with the same pid) or exit (frozen,
// re-created on the surrogate and made to exit), and which rules the process
// tree breaks.
//
// A process is base when it is a kproc, init, attached to the console, marked
// base by the kernel (proc_mobility_base_set(), or started from the
// surrogate's inittab), registered with `lvupdate setprocs`, or a descendant
// of a base process other than init. Otherwise it is exit when marked so
// (proc_mobility_restartexit_set()), else mobile.
//
// The rules (Violation::rule):
//   kproc             1. a kproc is a base process
//   init              2. the init process is a base process
//   init_child        3. a direct child of init is either base or mobile, not both
//   base_children     4. children of a base process other than init are base
//   base_parent       5. a base process is a direct child of init or of a base process
//   shared_resources  6. base processes share no resource with non-base processes
//   console           processes attached to the console are base
//
// Contract: Classify is a pure function; every process of the table gets
// exactly one class; violations are grouped by rule, each naming the pids
// involved.
#pragma once

#include <string>
#include <vector>

#include "drivers/processes.h"

namespace lvu::actions {

// One `lvupdate setprocs -b -n LABEL -a COMMAND` registration.
struct BaseProcRegistration {
  std::string label;
  std::string command;
};

struct Violation {
  std::string rule;      // "kproc", "init", ..., "console"
  std::vector<int> pids; // the processes involved, the offending one first
  std::string message;   // one line naming them and the rule
};

struct Classification {
  std::vector<drivers::ProcessClass> classes;  // one per process, by pid
  std::vector<std::string> reasons;            // why, same order: "kproc", "console", "setprocs myserv", ...
  std::vector<Violation> violations;
  int base = 0, mobile = 0, exit = 0;
};

Classification Classify(const drivers::ProcessTable& table, const std::vector<BaseProcRegistration>& base_procs);

// Whether `command` (as ps prints it) is the one `registered` names: the
// same text, or the same program (first word).
bool CommandMatches(const std::string& command, const std::string& registered);

// The rule's number and text, as the check lines print it:
// "rule 5 (a base process is a direct child of init or of a base process)".
std::string RuleText(const std::string& rule);

}  // namespace lvu::actions
