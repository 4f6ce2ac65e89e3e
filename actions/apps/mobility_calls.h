// The rules side of the mobility system calls a process makes to register
// itself (seed 000, "Dynamic registration"): proc_mobility_base_set()
// (attr "base") and proc_mobility_restartexit_set() (attr "exit"; "" unsets).
//
// AIX accepts them only while a live update is in progress, after the
// check notification (else EAGAIN), from an existing process (else ESRCH),
// and only when the caller then satisfies the base process rules (else
// EINVAL): the call is judged by classifying the table as it would be once
// the attribute is set (marking base also marks every existing descendant)
// and refusing it when a rule is broken by the caller or a descendant.
#pragma once

#include <string>
#include <vector>

#include "actions/apps/process_rules.h"
#include "drivers/processes.h"

namespace lvu::actions {

struct MobilityVerdict {
  std::string err;  // "" (accepted), "ESRCH", "EAGAIN" or "EINVAL"
  std::string why;  // for a refusal: the reason, naming the rule
};

MobilityVerdict JudgeMobilityCall(const drivers::ProcessTable& table,
                                  const std::vector<BaseProcRegistration>& base_procs, int pid,
                                  const std::string& attr);

}  // namespace lvu::actions
