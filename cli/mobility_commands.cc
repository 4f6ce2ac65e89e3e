// setprocs, init, regscript, regke and safeke (mobility_commands.h).
#include "cli/mobility_commands.h"

#include <cstdio>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "actions/apps/notify_scripts.h"
#include "actions/apps/registrations.h"
#include "cli/home.h"

namespace lvu::cli {
namespace {

using nlohmann::json;

int Fail(int code, const Status& s) {
  std::fprintf(stderr, "lvupdate: %s\n", s.message().c_str());
  return code;
}

int Bad(const std::string& what) { return Fail(kExitBadInput, Status::InvalidArgument(what)); }

// 0 when exactly one of the actions is chosen.
int OneOf(const std::string& command, std::initializer_list<std::pair<const char*, bool>> actions) {
  int n = 0;
  std::string names;
  for (const auto& [flag, on] : actions) {
    n += on;
    names += (names.empty() ? "" : ", ") + std::string(flag);
  }
  if (n == 1) return kExitOk;
  return Bad(command + ": give exactly one of " + names);
}

// Loads, changes and saves one list; the change's error is exit 2.
template <typename T, typename Change>
int Update(const GlobalOptions& g, Status (*load)(const std::string&, std::vector<T>*),
           Status (*save)(const std::string&, const std::vector<T>&), Change change, const std::string& done) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::vector<T> v;
  s = load(home, &v);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  s = change(&v);
  if (!s.ok()) return Fail(kExitBadInput, s);
  s = save(home, v);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  std::printf("%s\n", done.c_str());
  return kExitOk;
}

template <typename T>
int List(const GlobalOptions& g, Status (*load)(const std::string&, std::vector<T>*), std::vector<T>* out) {
  std::string home;
  Status s = ResolveHome(g.home, &home);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  s = load(home, out);
  if (!s.ok()) return Fail(kExitCannotRun, s);
  return kExitOk;
}

}  // namespace

int CmdSetProcs(const GlobalOptions& g, const SetProcsOptions& o) {
  if (!o.base) return Bad("setprocs: -b is required (the base process list is the only list)");
  if (int rc = OneOf("setprocs", {{"-a", !o.add.empty()}, {"-r", o.remove}, {"-l", o.list}}); rc != kExitOk) return rc;
  if (o.list) {
    std::vector<actions::BaseProcRegistration> v;
    if (int rc = List(g, actions::LoadBaseProcs, &v); rc != kExitOk) return rc;
    json j = json::array();
    for (const auto& r : v) {
      if (o.json) j.push_back({{"label", r.label}, {"command", r.command}});
      else std::printf("%s = %s\n", r.label.c_str(), r.command.c_str());
    }
    if (o.json) std::printf("%s\n", j.dump(2).c_str());
    else if (v.empty()) std::printf("No base process is registered.\n");
    return kExitOk;
  }
  if (o.remove) {
    return Update<actions::BaseProcRegistration>(
        g, actions::LoadBaseProcs, actions::SaveBaseProcs,
        [&](auto* v) { return actions::RemoveBaseProc(v, o.label); }, "Base process " + o.label + " removed.");
  }
  return Update<actions::BaseProcRegistration>(
      g, actions::LoadBaseProcs, actions::SaveBaseProcs,
      [&](auto* v) { return actions::AddBaseProc(v, o.label, o.add); },
      "Base process " + o.label + " added: " + o.add);
}

int CmdInit(const GlobalOptions& g, const InitOptions& o) {
  if (int rc = OneOf("init", {{"-a", o.add}, {"-r", o.remove}, {"-l", o.list}}); rc != kExitOk) return rc;
  if (o.list) {
    std::vector<drivers::InittabEntry> v;
    if (int rc = List(g, actions::LoadInittab, &v); rc != kExitOk) return rc;
    json j = json::array();
    for (const auto& e : v) {
      if (o.json) j.push_back({{"id", e.id}, {"runlevel", e.runlevel}, {"action", e.action}, {"command", e.command}});
      else std::printf("%s:%s:%s:%s\n", e.id.c_str(), e.runlevel.c_str(), e.action.c_str(), e.command.c_str());
    }
    if (o.json) std::printf("%s\n", j.dump(2).c_str());
    else if (v.empty()) std::printf("No inittab entry is registered for the surrogate.\n");
    return kExitOk;
  }
  if (o.remove) {
    return Update<drivers::InittabEntry>(
        g, actions::LoadInittab, actions::SaveInittab, [&](auto* v) { return actions::RemoveInittab(v, o.id); },
        "Inittab entry " + o.id + " removed.");
  }
  drivers::InittabEntry e;
  Status s = actions::ParseInittabEntry(o.entry, o.id, &e);
  if (!s.ok()) return Fail(kExitBadInput, s);
  return Update<drivers::InittabEntry>(
      g, actions::LoadInittab, actions::SaveInittab, [&](auto* v) { return actions::AddInittab(v, e); },
      "Inittab entry added for the surrogate: " + e.id + ":" + e.runlevel + ":" + e.action + ":" + e.command);
}

int CmdRegScript(const GlobalOptions& g, const RegScriptOptions& o) {
  if (int rc = OneOf("regscript", {{"-a", o.add}, {"-r", o.remove}, {"-l", o.list}}); rc != kExitOk) return rc;
  if (o.list) {
    std::vector<actions::ScriptRegistration> v;
    if (int rc = List(g, actions::LoadScripts, &v); rc != kExitOk) return rc;
    if (o.json) {
      json j = json::array();
      for (const auto& r : v)
        j.push_back({{"label", r.label}, {"script", r.script}, {"side", r.side}, {"phase", r.phase},
                     {"priority", r.priority}, {"timeout_s", r.timeout_s}, {"rerunnable", r.rerunnable}});
      std::printf("%s\n", j.dump(2).c_str());
      return kExitOk;
    }
    if (v.empty()) {
      std::printf("No notification script is registered.\n");
      return kExitOk;
    }
    // As lvupdateRegScript -l: one stanza per side, phase and priority, in
    // the order the phases run.
    for (const char* phase : actions::kPhases)
      for (const char* side : {"orig", "surr"})
        for (int p = 1; p <= 10; p++) {
          bool header = false;
          for (const auto& r : v) {
            if (r.phase != phase || r.side != side || r.priority != p) continue;
            if (!header) std::printf("%s,%s,%d:\n", side, phase, p);
            header = true;
            std::string extra;
            if (r.timeout_s != 120) extra += "timeout " + std::to_string(r.timeout_s) + " s";
            if (r.rerunnable) extra += std::string(extra.empty() ? "" : ", ") + "re-runnable";
            std::printf("        %s = %s%s\n", r.label.c_str(), r.script.c_str(),
                        extra.empty() ? "" : ("    [" + extra + "]").c_str());
          }
        }
    return kExitOk;
  }
  if (o.remove) {
    return Update<actions::ScriptRegistration>(
        g, actions::LoadScripts, actions::SaveScripts,
        [&](auto* v) { return actions::RemoveScript(v, o.label, o.side, o.phase, o.priority); },
        "Script " + o.label + " unregistered from " + o.side + " " + o.phase + ".");
  }
  if (o.priority == 0) return Bad("regscript: -p priority: a priority (1 to 10) is required");
  actions::ScriptRegistration r;
  r.label = o.label;
  r.script = o.script;
  r.side = o.side;
  r.phase = o.phase;
  r.priority = o.priority;
  r.timeout_s = o.timeout_s;
  r.rerunnable = o.rerunnable;
  return Update<actions::ScriptRegistration>(
      g, actions::LoadScripts, actions::SaveScripts, [&](auto* v) { return actions::AddScript(v, r); },
      "Script " + r.label + " registered: " + r.side + " " + r.phase + " priority " + std::to_string(r.priority) +
          ": " + r.script);
}

int CmdRegKe(const GlobalOptions& g, const KextOptions& o) {
  if (int rc = OneOf("regke", {{"-a", !o.add.empty()}, {"-r", !o.remove.empty()}, {"-l", o.list}}); rc != kExitOk)
    return rc;
  if (o.list) {
    std::vector<actions::KextRegistration> v;
    if (int rc = List(g, actions::LoadPreloadKexts, &v); rc != kExitOk) return rc;
    json j = json::array();
    for (const auto& r : v) {
      if (o.json) j.push_back({{"path", r.path}, {"command", r.command}});
      else std::printf("%s:\n        command = %s\n", r.path.c_str(), r.command.c_str());
    }
    if (o.json) std::printf("%s\n", j.dump(2).c_str());
    else if (v.empty()) std::printf("No kernel extension is registered to be loaded on the surrogate.\n");
    return kExitOk;
  }
  if (!o.remove.empty()) {
    return Update<actions::KextRegistration>(
        g, actions::LoadPreloadKexts, actions::SavePreloadKexts,
        [&](auto* v) { return actions::RemovePreloadKext(v, o.remove); }, "Kernel extension " + o.remove + " removed.");
  }
  if (o.command.empty()) return Bad("regke: -c command: -a needs the command that loads the kernel extension");
  return Update<actions::KextRegistration>(
      g, actions::LoadPreloadKexts, actions::SavePreloadKexts,
      [&](auto* v) { return actions::AddPreloadKext(v, o.add, o.command); },
      "Kernel extension " + o.add + " will be loaded on the surrogate by: " + o.command);
}

int CmdSafeKe(const GlobalOptions& g, const KextOptions& o) {
  if (int rc = OneOf("safeke", {{"-a", !o.add.empty()}, {"-r", !o.remove.empty()}, {"-l", o.list}}); rc != kExitOk)
    return rc;
  if (o.list) {
    std::vector<std::string> v;
    if (int rc = List(g, actions::LoadSafeKexts, &v); rc != kExitOk) return rc;
    if (o.json) std::printf("%s\n", json(v).dump(2).c_str());
    else if (v.empty()) std::printf("No kernel extension is in the safe list.\n");
    else for (const auto& p : v) std::printf("%s\n", p.c_str());
    return kExitOk;
  }
  if (!o.remove.empty()) {
    return Update<std::string>(
        g, actions::LoadSafeKexts, actions::SaveSafeKexts,
        [&](auto* v) { return actions::RemoveSafeKext(v, o.remove); }, o.remove + " removed from the safe list.");
  }
  return Update<std::string>(
      g, actions::LoadSafeKexts, actions::SaveSafeKexts, [&](auto* v) { return actions::AddSafeKext(v, o.add); },
      o.add + " added to the safe list.");
}

bool RewriteAixAlias(int argc, char** argv, std::vector<std::string>* out) {
  static const std::map<std::string, std::string> aliases = {
      {"lvupdateSetProcs", "setprocs"}, {"lvupdateInit", "init"},     {"lvupdateRegScript", "regscript"},
      {"lvupdateRegKE", "regke"},       {"lvupdateSafeKE", "safeke"},
  };
  if (argc < 1 || argv[0] == nullptr) return false;
  std::string base = argv[0];
  base = base.substr(base.find_last_of('/') + 1);
  auto it = aliases.find(base);
  if (it == aliases.end()) return false;
  std::vector<std::string> globals, rest;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    bool global = a == "--home" || a == "--speed";
    if (global && i + 1 < argc) {
      globals.push_back(a);
      globals.push_back(argv[++i]);
    } else if (a.rfind("--home=", 0) == 0 || a.rfind("--speed=", 0) == 0 || a == "-v" || a == "--verbose") {
      globals.push_back(a);
    } else {
      rest.push_back(a);
    }
  }
  *out = {argv[0]};
  out->insert(out->end(), globals.begin(), globals.end());
  out->push_back(it->second);
  out->insert(out->end(), rest.begin(), rest.end());
  return true;
}

}  // namespace lvu::cli
