#include "actions/apps/mobility_calls.h"

#include <set>

namespace lvu::actions {

MobilityVerdict JudgeMobilityCall(const drivers::ProcessTable& table,
                                  const std::vector<BaseProcRegistration>& base_procs, int pid,
                                  const std::string& attr) {
  const drivers::Process* p = table.Find(pid);
  if (p == nullptr) return {"ESRCH", "no process " + std::to_string(pid)};
  if (!table.live_update)
    return {"EAGAIN", "no live update is in progress: registration is accepted once the check notification "
                      "(LVUP_CHECK) has been sent"};
  if (attr != drivers::kClassBase && attr != drivers::kClassExit && !attr.empty())
    return {"EINVAL", "unknown mobility attribute '" + attr + "'"};
  if (attr.empty()) return {};
  // The caller and, for base, its descendants as they would be.
  drivers::ProcessTable next = table;
  std::set<int> affected = {pid};
  if (attr == drivers::kClassBase) {
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& q : next.procs)
        if (!affected.count(q.pid) && affected.count(q.ppid)) grew = affected.insert(q.pid).second;
    }
  }
  for (auto& q : next.procs)
    if (affected.count(q.pid)) q.mobility = attr;
  Classification cl = Classify(next, base_procs);
  for (const auto& v : cl.violations)
    for (int involved : v.pids)
      if (affected.count(involved)) return {"EINVAL", v.message};
  return {};
}

}  // namespace lvu::actions
