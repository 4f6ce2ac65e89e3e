// lvupdate's own check, with no line in AIX's preview: the driver has what it
// needs set (drivers::System::MissingSettings). The aix driver needs the HMC
// and the commands for the workload steps AIX exposes no interface for; the
// simulator needs nothing, and the check prints no line for it.
#include "actions/validation/checks/check.h"

namespace lvu::actions {

void AddDriverChecks(std::vector<CheckDef>* out) {
  out->push_back({"driver.settings", Section::kOther, "the driver's settings are complete.", kNeedNothing,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.settings.applies) return Verdict::kSkip;
                    if (s.settings.missing.empty()) return Verdict::kPass;
                    for (const auto& m : s.settings.missing) *t += (t->empty() ? "" : "; ") + m;
                    *t += ".";
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
