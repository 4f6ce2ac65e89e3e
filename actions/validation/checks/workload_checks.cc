// What runs: no active WPAR (nor audit on a stopped one), RSCT active, a
// supported NFS configuration, no NFS-mounted executable, and none of the
// kernel features live update cannot carry (16 MB pages, user storage keys,
// ProbeVue, trace channel 0, DMAPI).
#include "actions/validation/checks/check.h"
#include "actions/validation/checks/text.h"

namespace lvu::actions {

void AddWorkloadChecks(std::vector<CheckDef>* out) {
  out->push_back({"wpar.active", Section::kOther, "No active workload partition found.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.active_wpars.empty()) return Verdict::kPass;
                    *t = "active workload partition(s) found: " + JoinNames(s.os.active_wpars) +
                         "; stop them (stopwpar) first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"wpar.audit", Section::kOther, "audit is not enabled for a stopped workload partition.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.audited_stopped_wpars.empty()) return Verdict::kPass;
                    *t = "audit is enabled for stopped workload partition(s) " +
                         JoinNames(s.os.audited_stopped_wpars) + ": disable it first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"nfs.config", Section::kOther, "nfs configuration supported.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.nfs_v2_mounts.empty()) return Verdict::kPass;
                    *t = "nfs configuration not supported: NFS version 2 mount(s) " + JoinNames(s.os.nfs_v2_mounts) +
                         "; mount them with version 3 or 4.";
                    return Verdict::kFail;
                  }});
  out->push_back({"rsct.active", Section::kOther, "RSCT daemons are active.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.rsct_active) return Verdict::kPass;
                    *t = "RSCT daemons are not active: start them (startsrc -g rsct).";
                    return Verdict::kFail;
                  }});
  out->push_back({"workload.nfs_executables", Section::kOther, "no NFS-mounted executable is running.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.nfs_executables.empty()) return Verdict::kPass;
                    *t = "NFS-mounted executable(s) running: " + JoinNames(s.os.nfs_executables) +
                         "; stop them first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"vmm.large_pages", Section::kOther, "16 MB pages are not configured.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.large_page_regions == 0) return Verdict::kPass;
                    *t = "16 MB pages are configured (lgpg_regions=" + std::to_string(s.os.large_page_regions) +
                         "): set vmo -r -o lgpg_regions=0.";
                    return Verdict::kFail;
                  }});
  out->push_back({"vmm.storage_keys", Section::kOther, "user storage keys are not in use.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.user_storage_keys) return Verdict::kPass;
                    *t = "user storage keys are in use: live update does not support them.";
                    return Verdict::kFail;
                  }});
  out->push_back({"ras.probevue", Section::kOther, "ProbeVue is not running.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.probevue_sessions == 0) return Verdict::kPass;
                    *t = "ProbeVue is running (" + std::to_string(s.os.probevue_sessions) +
                         " session(s)): stop the sessions first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"ras.trace_channel0", Section::kOther, "system trace channel 0 is not in use.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.trace_channel0_in_use) return Verdict::kPass;
                    *t = "system trace channel 0 is in use: stop that trace (trcstop) first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"io.dmapi", Section::kOther, "no DMAPI application is registered.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!s.os.dmapi_in_use) return Verdict::kPass;
                    *t = "a DMAPI application is registered: live update does not support DMAPI.";
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
