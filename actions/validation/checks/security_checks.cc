// Security: PKCS #11, the trustchk policies, TCB, Kerberos, PowerSC Trusted
// Logging and the DoD profile are not supported by live update.
#include "actions/validation/checks/check.h"
#include "actions/validation/checks/text.h"

namespace lvu::actions {
namespace {

// A boolean fact that must be false.
template <bool drivers::OsFacts::*Field>
Verdict Off(const Snapshot& s, std::string* t, const char* failed) {
  if (!(s.os.*Field)) return Verdict::kPass;
  *t = failed;
  return Verdict::kFail;
}

}  // namespace

void AddSecurityChecks(std::vector<CheckDef>* out) {
  out->push_back({"security.pkcs11", Section::kOther, "pkcs11 is not installed.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::pkcs11_installed>(
                        s, t, "pkcs11 is installed: live update does not support PKCS #11 (remove the "
                              "security.pkcs11 fileset).");
                  }});
  out->push_back({"trustchk.tep", Section::kOther, "The trustchk Trusted Execution Policy is not on.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::trustchk_tep>(
                        s, t, "The trustchk Trusted Execution Policy is on: turn it off (trustchk -p TEP=OFF).");
                  }});
  out->push_back({"trustchk.tlp", Section::kOther, "The trustchk Trusted Library Policy is not on.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::trustchk_tlp>(
                        s, t, "The trustchk Trusted Library Policy is on: turn it off (trustchk -p TLP=OFF).");
                  }});
  out->push_back({"trustchk.tsd_files_lock", Section::kOther, "The trustchk TSD_FILES_LOCK policy is not on.",
                  kNeedOs, [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::trustchk_tsd_files_lock>(
                        s, t, "The trustchk TSD_FILES_LOCK policy is on: turn it off (trustchk -p TSD_FILES_LOCK=OFF).");
                  }});
  out->push_back({"trustchk.chkshlib", Section::kOther,
                  "The trustchk CHKSHLIB and STOP_UNTRUSTD policies are not both on.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (!(s.os.trustchk_chkshlib && s.os.trustchk_stop_untrustd)) return Verdict::kPass;
                    *t = "The trustchk CHKSHLIB and STOP_UNTRUSTD policies are both on: turn one off "
                         "(trustchk -p CHKSHLIB=OFF).";
                    return Verdict::kFail;
                  }});
  out->push_back({"security.tcb", Section::kOther, "Trusted Computing Base not defined.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::tcb>(s, t,
                                                       "Trusted Computing Base is defined: live update does not "
                                                       "support TCB.");
                  }});
  out->push_back({"security.kerberos", Section::kOther, "no Kerberos configuration.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::kerberos_configured>(
                        s, t, "a Kerberos configuration exists: unconfigure it (unconfig.krb5) first.");
                  }});
  out->push_back({"security.kerberos_processes", Section::kOther, "no process is using Kerberos authentication.",
                  kNeedOs, [](const Snapshot& s, std::string* t) {
                    if (s.os.kerberos_processes.empty()) return Verdict::kPass;
                    *t = "process(es) using Kerberos authentication: " + JoinNames(s.os.kerberos_processes) +
                         "; stop them (or destroy their credentials with kdestroy).";
                    return Verdict::kFail;
                  }});
  out->push_back({"nfs.kerberos", Section::kOther, "no Kerberos configured for NFS mounts.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.nfs_kerberos_mounts.empty()) return Verdict::kPass;
                    *t = "Kerberos is configured for NFS mount(s) " + JoinNames(s.os.nfs_kerberos_mounts) +
                         ": unmount them first.";
                    return Verdict::kFail;
                  }});
  out->push_back({"security.trusted_logging", Section::kOther, "PowerSC Trusted Logging is not configured.",
                  kNeedOs, [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::trusted_logging>(
                        s, t, "PowerSC Trusted Logging is configured: live update does not support it.");
                  }});
  out->push_back({"security.dod_profile", Section::kOther, "no DoD security profile is active.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    return Off<&drivers::OsFacts::dod_profile>(
                        s, t, "the DoD security profile is active: live update does not support it.");
                  }});
}

}  // namespace lvu::actions
