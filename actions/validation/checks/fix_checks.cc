// The ifixes: each one given must be readable, LU CAPABLE and not already
// installed; their directory must be on a rootvg file system among /, /usr,
// /home, /var, /opt and /tmp; and no earlier ifix may be waiting for a
// reboot.
#include <algorithm>
#include <set>

#include "actions/validation/checks/check.h"
#include "actions/validation/checks/text.h"

namespace lvu::actions {

std::vector<CheckLine> FixLines(const Snapshot& s) {
  std::vector<CheckLine> lines;
  auto add = [&](const std::string& name, bool ok, const std::string& text) {
    lines.push_back({name, Section::kInput, ok ? journal::CheckOutcome::kPassed : journal::CheckOutcome::kFailed,
                     text, ""});
  };
  if (s.fixes.empty()) add("ifix", false, "no ifix was given.");
  std::vector<std::string> installed;
  if (s.lpar) installed = s.lpar->ifixes;
  for (const auto& f : s.fixes) {
    const std::string shown = f.given.substr(f.given.rfind('/') + 1);
    const std::string name = "ifix." + shown;
    if (!f.status.ok()) {
      add(name, false, "ifix " + shown + ": " + f.status.message());
    } else if (!f.fix.lu_capable) {
      add(name, false, "ifix " + f.fix.label + " (" + shown + ") is not LU CAPABLE.");
    } else if (std::find(installed.begin(), installed.end(), f.fix.label) != installed.end()) {
      add(name, false, "ifix " + f.fix.label + " (" + shown + ") is already installed.");
    } else {
      add(name, true, "ifix " + f.fix.label + " (" + shown + ") is LU CAPABLE.");
    }
  }
  return lines;
}

void AddFixChecks(std::vector<CheckDef>* out) {
  out->push_back({"ifix.location", Section::kOther, "the ifixes are on a rootvg file system.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    static const std::set<std::string> allowed = {"/", "/usr", "/home", "/var", "/opt", "/tmp"};
                    const std::string& where = s.os.ifix_location;
                    const drivers::FileSystem* fs = s.FindFs(where);
                    if (allowed.count(where) && fs != nullptr && fs->vg == "rootvg") return Verdict::kPass;
                    *t = "the ifixes are on " + (where.empty() ? std::string("an unknown file system") : where) +
                         ", not a rootvg file system: copy them to /, /usr, /home, /var, /opt or /tmp.";
                    return Verdict::kFail;
                  }});
  out->push_back({"ifix.reboot_pending", Section::kOther, "no installed ifix is waiting for a reboot.", kNeedOs,
                  [](const Snapshot& s, std::string* t) {
                    if (s.os.reboot_pending_fixes.empty()) return Verdict::kPass;
                    *t = "installed ifix(es) " + JoinNames(s.os.reboot_pending_fixes) +
                         " need a reboot: restart the partition before a live update.";
                    return Verdict::kFail;
                  }});
}

}  // namespace lvu::actions
