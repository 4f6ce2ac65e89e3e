#include "actions/validation/process_checks.h"

#include <unistd.h>

#include <algorithm>

#include "actions/apps/process_rules.h"
#include "actions/apps/registrations.h"
#include "drivers/fact_sources.h"

namespace lvu::actions {
namespace {

using journal::CheckOutcome;

void Line(std::vector<CheckLine>* lines, const std::string& name, CheckOutcome result, const std::string& text) {
  CheckLine l;
  l.name = name;
  l.section = Section::kOther;
  l.result = result;
  l.message = text;
  lines->push_back(l);
}

void ProcessLines(const drivers::ProcessTable& t, const Registrations& reg, std::vector<CheckLine>* lines) {
  Classification cl = Classify(t, reg.base_procs);
  if (cl.violations.empty()) {
    Line(lines, "processes", CheckOutcome::kPassed,
         "the process tree satisfies the live update rules (" + std::to_string(cl.base) + " base, " +
             std::to_string(cl.mobile) + " mobile, " + std::to_string(cl.exit) + " exit processes).");
    return;
  }
  for (const auto& v : cl.violations)
    Line(lines, "processes." + v.rule + "." + std::to_string(v.pids.front()), CheckOutcome::kFailed, v.message);
}

constexpr const char* kTreePassed = "the process tree satisfies the live update rules.";
constexpr const char* kKextsPassed = "all loaded kernel extensions are Live Update safe.";

// A process source the driver left unread: its line (FAILED, or INFO when
// checked by hand) in place of the check's; false when it was read.
bool UnreadLineOf(const drivers::ProcessTable& t, const char* source, const char* name, const char* passed,
                  const std::vector<std::string>& by_hand, std::vector<CheckLine>* lines) {
  if (!drivers::NamesSource(t.unread, source)) return false;
  CheckLine l;
  l.name = name;
  l.section = Section::kOther;
  UnreadLine(passed, {source}, by_hand, &l);
  lines->push_back(l);
  return true;
}

void PreloadLines(const drivers::ProcessTable& t, const Registrations& reg, std::vector<CheckLine>* lines) {
  for (const auto& r : reg.preload_kexts) {
    bool loaded = std::any_of(t.kexts.begin(), t.kexts.end(), [&](const auto& k) { return k.path == r.path; });
    if (!loaded)
      Line(lines, "kext.preload." + r.path, CheckOutcome::kFailed,
           "kernel extension " + r.path + " is registered to be loaded on the surrogate (lvupdate regke) "
           "but is not loaded on this partition.");
  }
}

void KextLines(const drivers::ProcessTable& t, const Registrations& reg, bool kext_check,
               std::vector<CheckLine>* lines) {
  std::vector<std::string> unsafe;
  for (const auto& k : t.kexts) {
    bool listed = std::find(reg.safe_kexts.begin(), reg.safe_kexts.end(), k.path) != reg.safe_kexts.end();
    if (!k.lu_safe && !listed) unsafe.push_back(k.path);
  }
  if (unsafe.empty()) {
    Line(lines, "kext.safe", CheckOutcome::kPassed, kKextsPassed);
  } else if (!kext_check) {
    std::string names;
    for (const auto& p : unsafe) names += (names.empty() ? "" : ", ") + p;
    Line(lines, "kext.safe", CheckOutcome::kInfo,
         "kext_check = no: kernel extension(s) not known to be Live Update safe are not checked: " + names + ".");
  } else {
    for (const auto& p : unsafe)
      Line(lines, "kext.unsafe." + p, CheckOutcome::kFailed,
           "kernel extension " + p + " is loaded and not Live Update safe: make it safe and list it "
           "(lvupdate safeke -a " + p + "), unload it, or set kext_check = no.");
  }
  PreloadLines(t, reg, lines);
}

void ScriptLines(const Registrations& reg, std::vector<CheckLine>* lines) {
  for (const auto& r : reg.scripts) {
    std::vector<std::string> argv;
    bool ok = SplitCommandLine(r.script, &argv).ok() && !argv.empty() && ::access(argv[0].c_str(), X_OK) == 0;
    if (!ok)
      Line(lines, "scripts." + r.label + "." + r.phase + "." + r.side, CheckOutcome::kFailed,
           r.phase + " script " + r.label + " (" + r.side + "): " + (argv.empty() ? r.script : argv[0]) +
               " is not an executable file.");
  }
}

// What is registered for the surrogate, when the driver cannot start it
// there before the workload arrives: a run would fail at workload.restart.
void SurrogateServiceLines(const drivers::System& sys, const Registrations& reg, std::vector<CheckLine>* lines) {
  if (sys.StartsSurrogateServices() || (reg.inittab.empty() && reg.preload_kexts.empty())) return;
  std::string what;
  for (const auto& e : reg.inittab) what += (what.empty() ? "" : ", ") + ("inittab entry " + e.id);
  for (const auto& k : reg.preload_kexts) what += (what.empty() ? "" : ", ") + ("kernel extension " + k.path);
  Line(lines, "surrogate.services", CheckOutcome::kFailed,
       std::string("the ") + sys.name() + " driver cannot start what is registered for the surrogate before the " +
           "workload arrives (" + what + "): remove it (lvupdate init -r -i ID, lvupdate regke -r PATH) or " +
           "start it by hand after the update (docs/drivers.md).");
}

}  // namespace

void AddCustomizationChecks(drivers::System& sys, const ValidationInput& input, const drivers::ProcessTable& table,
                            const Status& table_status, std::vector<CheckLine>* lines) {
  Registrations reg;
  if (!input.home.empty()) {
    Status s = LoadRegistrations(input.home, &reg);
    if (!s.ok()) {
      Line(lines, "registrations", CheckOutcome::kFailed, "cannot read the registrations: " + s.message() + ".");
      return;
    }
  }
  if (!table_status.ok()) {
    Line(lines, "processes", CheckOutcome::kFailed, "cannot list the processes: " + table_status.message() + ".");
  } else {
    const std::vector<std::string> by_hand = sys.MissingSettings().checked_by_hand;
    if (!UnreadLineOf(table, "procfiles", "processes", kTreePassed, by_hand, lines)) ProcessLines(table, reg, lines);
    if (!UnreadLineOf(table, "kext_safety", "kext.safe", kKextsPassed, by_hand, lines)) {
      KextLines(table, reg, input.data.kext_check, lines);
    } else {
      PreloadLines(table, reg, lines);
    }
  }
  ScriptLines(reg, lines);
  SurrogateServiceLines(sys, reg, lines);
}

}  // namespace lvu::actions
