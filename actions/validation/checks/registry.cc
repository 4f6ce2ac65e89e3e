// The order of the preview: the seed article's lines, then the limitations
// it lists without a line, then INFO. Every check defined in checks/*.cc is
// placed here exactly once (a test holds both lists equal).
#include <map>
#include <stdexcept>

#include "actions/validation/checks/check.h"
#include "drivers/fact_sources.h"

namespace lvu::actions {
namespace {

constexpr const char* kOrder[] = {
    // Device sizes.
    "disk.mirror_vg", "disk.new_rootvg", "disk.paging", "disk.dump",
    // Validating the adapters and their paths.
    "adapters.two_sets",
    // Checking other requirements: the article's lines, in its order.
    "space.var", "space.root", "rootvg.altinst", "rootvg.snapshot", "security.pkcs11",
    "rootvg.fs_snapshot", "trustchk.tep", "trustchk.tlp", "trustchk.tsd_files_lock", "boot.disk",
    "rootvg.mirrorvg_name", "rootvg.uniform_mirror", "rootvg.max_copies", "rootvg.stale_lvs",
    "fs.types", "system.diskless", "nfs.kerberos", "system.multibos", "security.tcb",
    "devices.tape", "session.console", "session.environment", "var.ctrace", "var.lmt",
    "devices.virtual", "wpar.active", "nfs.config", "hmc.token_present", "hmc.token_valid",
    "hmc.requests", "hmc.lpar_id", "hmc.virtual_slot", "rsct.active", "security.kerberos",
    "lpar.remote_restart", "devices.vlog", "lpar.ams", "disks.config", "net.gre",
    "firmware.level", "lpar.vnic",
    // The limitations the article lists without a preview line.
    "devices.optical", "devices.capi", "trustchk.chkshlib", "vmm.large_pages", "vmm.storage_keys",
    "ras.probevue", "ras.trace_channel0", "io.dmapi", "security.kerberos_processes",
    "security.trusted_logging", "security.dod_profile", "wpar.audit", "workload.nfs_executables",
    "ifix.location", "ifix.reboot_pending", "frame.resources",
    // lvupdate's own: the driver's settings (no line with the simulator).
    "driver.settings",
    // INFO.
    "info.dumps",
};

std::vector<CheckDef> Build() {
  std::vector<CheckDef> defs;
  AddSizeChecks(&defs);
  AddAdapterChecks(&defs);
  AddStorageChecks(&defs);
  AddSecurityChecks(&defs);
  AddDeviceChecks(&defs);
  AddHmcChecks(&defs);
  AddWorkloadChecks(&defs);
  AddFixChecks(&defs);
  AddDriverChecks(&defs);
  std::map<std::string, CheckDef> by_name;
  for (const auto& d : defs) {
    if (!by_name.emplace(d.name, d).second) throw std::logic_error(std::string("check defined twice: ") + d.name);
  }
  std::vector<CheckDef> ordered;
  for (const char* name : kOrder) {
    auto it = by_name.find(name);
    if (it == by_name.end()) throw std::logic_error(std::string("check in the order but not defined: ") + name);
    ordered.push_back(it->second);
    by_name.erase(it);
  }
  if (!by_name.empty()) throw std::logic_error("check defined but not ordered: " + by_name.begin()->first);
  return ordered;
}

// The first source `needs` names that could not be read, or nullptr.
const Status* Missing(const Snapshot& s, unsigned needs) {
  if ((needs & kNeedLpar) && !s.hmc_status.ok()) return &s.hmc_status;
  if ((needs & kNeedLpar) && !s.lpar) {
    static const Status unknown = Status::NotFound("the HMC does not list this partition");
    return &unknown;
  }
  if ((needs & kNeedHmcFacts) && !s.hmc_facts_status.ok()) return &s.hmc_facts_status;
  if ((needs & kNeedOs) && !s.os_status.ok()) return &s.os_status;
  if ((needs & kNeedDisks) && !s.disks_status.ok()) return &s.disks_status;
  if ((needs & kNeedVios) && !s.vios_status.ok()) return &s.vios_status;
  return nullptr;
}

// The sources check `name` reads that the driver left unread.
std::vector<std::string> UnreadOf(const Snapshot& s, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& key : SourcesOf(name)) {
    const drivers::FactSource* src = drivers::FindFactSource(key);
    if (src == nullptr) throw std::logic_error("check " + name + " reads an unknown fact source: " + key);
    if (drivers::NamesSource(src->site == drivers::FactSite::kHmc ? s.hmc.unread : s.os.unread, key)) {
      out.push_back(key);
    }
  }
  return out;
}

}  // namespace

const char* SectionName(Section s) {
  switch (s) {
    case Section::kInput: return "input";
    case Section::kMirrorVg: return "mirror_vg";
    case Section::kNewRootvg: return "new_rootvg";
    case Section::kPaging: return "paging";
    case Section::kDump: return "dump";
    case Section::kAdapters: return "adapters";
    case Section::kOther: return "other";
    case Section::kInfo: return "info";
  }
  return "?";
}

const std::vector<CheckDef>& AllChecks() {
  // A definition missing from the order (or the reverse) is a bug found by
  // the first preview of any test: Build throws.
  static const std::vector<CheckDef> checks = Build();
  return checks;
}

std::vector<CheckLine> RunChecks(const Snapshot& s) {
  std::vector<CheckLine> lines = FixLines(s);
  for (const auto& d : AllChecks()) {
    CheckLine line;
    line.name = d.name;
    line.section = d.section;
    if (const Status* missing = Missing(s, d.needs)) {
      line.result = journal::CheckOutcome::kFailed;
      line.message = std::string("cannot verify that ") + d.passed + " " + missing->message();
      line.code = d.code;
      lines.push_back(std::move(line));
      continue;
    }
    if (const auto unread = UnreadOf(s, d.name); !unread.empty()) {
      UnreadLine(d.passed, unread, s.settings.checked_by_hand, &line);
      if (line.result == journal::CheckOutcome::kFailed) line.code = d.code;
      lines.push_back(std::move(line));
      continue;
    }
    std::string text;
    switch (d.pred(s, &text)) {
      case Verdict::kSkip: continue;
      case Verdict::kPass:
        line.result = journal::CheckOutcome::kPassed;
        line.message = d.passed;
        break;
      case Verdict::kFail:
        line.result = journal::CheckOutcome::kFailed;
        line.message = text;
        line.code = d.code;
        break;
      case Verdict::kInfo:
        line.result = journal::CheckOutcome::kInfo;
        line.message = text;
        break;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace lvu::actions
