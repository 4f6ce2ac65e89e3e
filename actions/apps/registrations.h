// Registrations: how applications customize a live update (seed 000). AIX
// keeps them in /etc/liveupdate; lvupdate keeps them under
// <home>/liveupdate, one JSON file per list:
//
//   lvup_BaseProcs.json   lvupdate setprocs (lvupdateSetProcs): base process commands
//   lvup_inittab.json     lvupdate init (lvupdateInit): inittab entries of the surrogate
//   lvup_script.json      lvupdate regscript (lvupdateRegScript): notification scripts
//   lvup_preload_KE.json  lvupdate regke (lvupdateRegKE): kernel extensions to load on the surrogate
//   lvup_safe_KE.json     lvupdate safeke (lvupdateSafeKE): kernel extensions known to be LU safe
//
// Contracts:
// - Load* of a missing file is an empty list; a file that does not parse is
//   Corruption naming it. Save* replaces the file atomically and durably
//   (write a temporary, fdatasync, rename, fsync the directory).
// - Add* and Remove* validate their arguments against AIX's limits and
//   return InvalidArgument naming the flag and field ("-n label: ..."); they
//   change nothing when they fail. Lists keep registration order.
#pragma once

#include <string>
#include <vector>

#include "actions/apps/process_rules.h"
#include "base/command_line.h"
#include "base/status.h"
#include "drivers/processes.h"

namespace lvu::actions {

// The notification phases, in the order a live update reaches them.
inline constexpr const char* kPhases[] = {"LVUP_CHECK", "LVUP_PRE", "LVUP_PRE_KERNEL",
                                          "LVUP_POST", "LVUP_COMPLETE", "LVUP_ERROR"};

struct ScriptRegistration {
  std::string label;
  std::string script;        // the command line: program (full path) and arguments
  std::string side;          // "orig" or "surr"
  std::string phase;         // one of kPhases
  int priority = 1;          // 1..10
  int timeout_s = 120;       // killed (with its process group) after this long
  bool rerunnable = false;   // may run again after a crash interrupted it
};

struct KextRegistration {
  std::string path;          // full path of the kernel extension
  std::string command;       // command line that loads it on the surrogate
};

struct Registrations {
  std::vector<BaseProcRegistration> base_procs;
  std::vector<drivers::InittabEntry> inittab;
  std::vector<ScriptRegistration> scripts;
  std::vector<KextRegistration> preload_kexts;
  std::vector<std::string> safe_kexts;
};

std::string RegistrationDir(const std::string& home);  // <home>/liveupdate

// Every list at once (what a live update reads).
Status LoadRegistrations(const std::string& home, Registrations* out);

Status LoadBaseProcs(const std::string& home, std::vector<BaseProcRegistration>* out);
Status SaveBaseProcs(const std::string& home, const std::vector<BaseProcRegistration>& v);
Status LoadInittab(const std::string& home, std::vector<drivers::InittabEntry>* out);
Status SaveInittab(const std::string& home, const std::vector<drivers::InittabEntry>& v);
Status LoadScripts(const std::string& home, std::vector<ScriptRegistration>* out);
Status SaveScripts(const std::string& home, const std::vector<ScriptRegistration>& v);
Status LoadPreloadKexts(const std::string& home, std::vector<KextRegistration>* out);
Status SavePreloadKexts(const std::string& home, const std::vector<KextRegistration>& v);
Status LoadSafeKexts(const std::string& home, std::vector<std::string>* out);
Status SaveSafeKexts(const std::string& home, const std::vector<std::string>& v);

// setprocs -b -n label -a command / -b -n label -r. Label: 1 to 80
// characters, no blank or ':'; command: a full path, at most 1024 characters.
Status AddBaseProc(std::vector<BaseProcRegistration>* v, const std::string& label, const std::string& command);
Status RemoveBaseProc(std::vector<BaseProcRegistration>* v, const std::string& label);

// init -a [-i Id] Id:RunLevel:Action:Command. Fields at most 14, 20, 20 and
// 1024 characters; -i gives the identifier when the entry's is empty (or
// must equal it); the identifier is required and unique; the action is one
// of init's; run levels are 0-9, a, b, c, h, s or S.
Status ParseInittabEntry(const std::string& text, const std::string& id_flag, drivers::InittabEntry* out);
Status AddInittab(std::vector<drivers::InittabEntry>* v, const drivers::InittabEntry& e);
Status RemoveInittab(std::vector<drivers::InittabEntry>* v, const std::string& id);

// regscript -a: label, script (program as a full path), side orig|surr,
// phase, priority 1..10, timeout 1..86400 s. LVUP_CHECK and LVUP_PRE run on
// the original only, LVUP_POST and LVUP_COMPLETE on the surrogate only;
// LVUP_PRE_KERNEL and LVUP_ERROR on either. (label, side, phase) is unique.
Status AddScript(std::vector<ScriptRegistration>* v, const ScriptRegistration& r);
// regscript -r -n label -d side -P phase [-p priority] (priority 0: any).
Status RemoveScript(std::vector<ScriptRegistration>* v, const std::string& label, const std::string& side,
                    const std::string& phase, int priority);

// regke -a kext_path -c command / -r kext_path; safeke -a / -r kext_path.
// Paths and the command's program are full paths of at most 1024
// characters, outside /home (they must be in rootvg: /, /usr, /var, /opt, /tmp).
Status AddPreloadKext(std::vector<KextRegistration>* v, const std::string& path, const std::string& command);
Status RemovePreloadKext(std::vector<KextRegistration>* v, const std::string& path);
Status AddSafeKext(std::vector<std::string>* v, const std::string& path);
Status RemoveSafeKext(std::vector<std::string>* v, const std::string& path);

// Moved to base/command_line.h; the name stays usable here.
using ::lvu::SplitCommandLine;

}  // namespace lvu::actions
