#include "actions/apps/registrations.h"

#include <algorithm>
#include <nlohmann/json.hpp>

// The simulator's durable-file primitive is generic (atomic replace, fsyncs);
// registrations use it rather than a second copy.
#include "base/file.h"

namespace lvu::actions {
namespace {

using drivers::InittabEntry;
using nlohmann::json;

std::string PathOf(const std::string& home, const char* name) { return RegistrationDir(home) + "/" + name; }

Status ReadJson(const std::string& home, const char* name, json* out) {
  std::string path = PathOf(home, name), text;
  Status s = ReadFileToString(path, &text);
  if (s.IsNotFound()) {
    *out = json::array();
    return Status::OK();
  }
  LVU_RETURN_IF_ERROR(s);
  *out = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (out->is_discarded() || !out->is_array()) return Status::Corruption(path + ": not a JSON array");
  return Status::OK();
}

Status WriteJson(const std::string& home, const char* name, const json& j) {
  LVU_RETURN_IF_ERROR(MakeDirs(RegistrationDir(home)));
  return WriteFileAtomically(PathOf(home, name), j.dump(2) + "\n");
}

// Parses each element with `one`; nlohmann reports a missing or mistyped
// field by throwing, turned here into Corruption naming the file.
template <typename T, typename F>
Status LoadList(const std::string& home, const char* name, std::vector<T>* out, F one) {
  json j;
  LVU_RETURN_IF_ERROR(ReadJson(home, name, &j));
  std::vector<T> v;
  try {
    for (const auto& e : j) v.push_back(one(e));
  } catch (const json::exception& e) {
    return Status::Corruption(PathOf(home, name) + ": " + e.what());
  }
  *out = std::move(v);
  return Status::OK();
}

Status Bad(const std::string& what) { return Status::InvalidArgument(what); }

bool HasBlank(const std::string& s) { return s.find_first_of(" \t\n") != std::string::npos; }

Status CheckLabel(const std::string& flag, const std::string& label) {
  if (label.empty()) return Bad(flag + " label: a label is required");
  if (label.size() > 80) return Bad(flag + " label: at most 80 characters (" + std::to_string(label.size()) + " given)");
  if (HasBlank(label) || label.find(':') != std::string::npos)
    return Bad(flag + " label: '" + label + "' contains a blank or ':'");
  return Status::OK();
}

// A full path of at most 1024 characters in rootvg.
Status CheckPath(const std::string& what, const std::string& path) {
  if (path.empty()) return Bad(what + ": a full path is required");
  if (path.size() > 1024) return Bad(what + ": at most 1024 characters (" + std::to_string(path.size()) + " given)");
  if (path[0] != '/') return Bad(what + ": '" + path + "' is not a full path");
  if (path.rfind("/home/", 0) == 0 || path == "/home")
    return Bad(what + ": '" + path + "' is in /home; it must be in rootvg (/, /usr, /var, /opt or /tmp)");
  return Status::OK();
}

// A command line whose program is a full path.
Status CheckCommand(const std::string& what, const std::string& line) {
  if (line.size() > 1024) return Bad(what + ": at most 1024 characters (" + std::to_string(line.size()) + " given)");
  std::vector<std::string> argv;
  Status s = SplitCommandLine(line, &argv);
  if (!s.ok()) return Bad(what + ": " + s.message());
  if (argv.empty()) return Bad(what + ": a command is required");
  if (argv[0][0] != '/') return Bad(what + ": the program '" + argv[0] + "' is not a full path");
  return Status::OK();
}

bool KnownPhase(const std::string& p) {
  return std::any_of(std::begin(kPhases), std::end(kPhases), [&](const char* x) { return p == x; });
}

}  // namespace

std::string RegistrationDir(const std::string& home) { return home + "/liveupdate"; }

Status LoadBaseProcs(const std::string& home, std::vector<BaseProcRegistration>* out) {
  return LoadList(home, "lvup_BaseProcs.json", out, [](const json& e) {
    return BaseProcRegistration{e.at("label").get<std::string>(), e.at("command").get<std::string>()};
  });
}

Status SaveBaseProcs(const std::string& home, const std::vector<BaseProcRegistration>& v) {
  json j = json::array();
  for (const auto& r : v) j.push_back({{"label", r.label}, {"command", r.command}});
  return WriteJson(home, "lvup_BaseProcs.json", j);
}

Status LoadInittab(const std::string& home, std::vector<InittabEntry>* out) {
  return LoadList(home, "lvup_inittab.json", out, [](const json& e) {
    return InittabEntry{e.at("id").get<std::string>(), e.at("runlevel").get<std::string>(),
                        e.at("action").get<std::string>(), e.at("command").get<std::string>()};
  });
}

Status SaveInittab(const std::string& home, const std::vector<InittabEntry>& v) {
  json j = json::array();
  for (const auto& e : v)
    j.push_back({{"id", e.id}, {"runlevel", e.runlevel}, {"action", e.action}, {"command", e.command}});
  return WriteJson(home, "lvup_inittab.json", j);
}

Status LoadScripts(const std::string& home, std::vector<ScriptRegistration>* out) {
  return LoadList(home, "lvup_script.json", out, [](const json& e) {
    ScriptRegistration r;
    r.label = e.at("label").get<std::string>();
    r.script = e.at("script").get<std::string>();
    r.side = e.at("side").get<std::string>();
    r.phase = e.at("phase").get<std::string>();
    r.priority = e.at("priority").get<int>();
    r.timeout_s = e.at("timeout_s").get<int>();
    r.rerunnable = e.at("rerunnable").get<bool>();
    return r;
  });
}

Status SaveScripts(const std::string& home, const std::vector<ScriptRegistration>& v) {
  json j = json::array();
  for (const auto& r : v)
    j.push_back({{"label", r.label}, {"script", r.script}, {"side", r.side}, {"phase", r.phase},
                 {"priority", r.priority}, {"timeout_s", r.timeout_s}, {"rerunnable", r.rerunnable}});
  return WriteJson(home, "lvup_script.json", j);
}

Status LoadPreloadKexts(const std::string& home, std::vector<KextRegistration>* out) {
  return LoadList(home, "lvup_preload_KE.json", out, [](const json& e) {
    return KextRegistration{e.at("path").get<std::string>(), e.at("command").get<std::string>()};
  });
}

Status SavePreloadKexts(const std::string& home, const std::vector<KextRegistration>& v) {
  json j = json::array();
  for (const auto& r : v) j.push_back({{"path", r.path}, {"command", r.command}});
  return WriteJson(home, "lvup_preload_KE.json", j);
}

Status LoadSafeKexts(const std::string& home, std::vector<std::string>* out) {
  return LoadList(home, "lvup_safe_KE.json", out, [](const json& e) { return e.at("path").get<std::string>(); });
}

Status SaveSafeKexts(const std::string& home, const std::vector<std::string>& v) {
  json j = json::array();
  for (const auto& p : v) j.push_back({{"path", p}});
  return WriteJson(home, "lvup_safe_KE.json", j);
}

Status LoadRegistrations(const std::string& home, Registrations* out) {
  Registrations r;
  LVU_RETURN_IF_ERROR(LoadBaseProcs(home, &r.base_procs));
  LVU_RETURN_IF_ERROR(LoadInittab(home, &r.inittab));
  LVU_RETURN_IF_ERROR(LoadScripts(home, &r.scripts));
  LVU_RETURN_IF_ERROR(LoadPreloadKexts(home, &r.preload_kexts));
  LVU_RETURN_IF_ERROR(LoadSafeKexts(home, &r.safe_kexts));
  *out = std::move(r);
  return Status::OK();
}

Status AddBaseProc(std::vector<BaseProcRegistration>* v, const std::string& label, const std::string& command) {
  LVU_RETURN_IF_ERROR(CheckLabel("-n", label));
  if (command.size() > 1024)
    return Bad("-a command: at most 1024 characters (" + std::to_string(command.size()) + " given)");
  if (command.empty() || command[0] != '/') return Bad("-a command: '" + command + "' is not a full path");
  for (const auto& r : *v)
    if (r.label == label) return Bad("-n label: '" + label + "' is already registered (" + r.command + ")");
  v->push_back({label, command});
  return Status::OK();
}

Status RemoveBaseProc(std::vector<BaseProcRegistration>* v, const std::string& label) {
  LVU_RETURN_IF_ERROR(CheckLabel("-n", label));
  auto n = std::erase_if(*v, [&](const BaseProcRegistration& r) { return r.label == label; });
  if (n == 0) return Bad("-n label: no base process is registered as '" + label + "'");
  return Status::OK();
}

Status ParseInittabEntry(const std::string& text, const std::string& id_flag, InittabEntry* out) {
  InittabEntry e;
  size_t a = text.find(':');
  size_t b = a == std::string::npos ? a : text.find(':', a + 1);
  size_t c = b == std::string::npos ? b : text.find(':', b + 1);
  if (c == std::string::npos)
    return Bad("-a entry: '" + text + "' is not Identifier:RunLevel:Action:Command");
  e.id = text.substr(0, a);
  e.runlevel = text.substr(a + 1, b - a - 1);
  e.action = text.substr(b + 1, c - b - 1);
  e.command = text.substr(c + 1);
  if (!id_flag.empty()) {
    if (!e.id.empty() && e.id != id_flag)
      return Bad("-i Identifier: '" + id_flag + "' differs from the entry's identifier '" + e.id + "'");
    e.id = id_flag;
  }
  if (e.id.empty()) return Bad("Identifier: an identifier is required (in the entry or with -i)");
  if (e.id.size() > 14) return Bad("Identifier: at most 14 characters ('" + e.id + "' has " + std::to_string(e.id.size()) + ")");
  if (HasBlank(e.id)) return Bad("Identifier: '" + e.id + "' contains a blank");
  if (e.runlevel.size() > 20) return Bad("RunLevel: at most 20 characters (" + std::to_string(e.runlevel.size()) + " given)");
  for (char ch : e.runlevel)
    if (!((ch >= '0' && ch <= '9') || ch == 'a' || ch == 'b' || ch == 'c' || ch == 'h' || ch == 's' || ch == 'S'))
      return Bad("RunLevel: '" + e.runlevel + "' is not made of run levels 0-9, a, b, c, h, s, S");
  if (e.action.size() > 20) return Bad("Action: at most 20 characters (" + std::to_string(e.action.size()) + " given)");
  static const char* kActions[] = {"respawn", "wait", "once", "boot", "bootwait", "powerfail", "powerwait",
                                   "off", "hold", "ondemand", "initdefault", "sysinit"};
  if (std::none_of(std::begin(kActions), std::end(kActions), [&](const char* x) { return e.action == x; }))
    return Bad("Action: '" + e.action + "' is not an init action (respawn, wait, once, boot, bootwait, "
               "powerfail, powerwait, off, hold, ondemand, initdefault, sysinit)");
  if (e.command.size() > 1024) return Bad("Command: at most 1024 characters (" + std::to_string(e.command.size()) + " given)");
  if (e.command.empty() && e.action != "initdefault") return Bad("Command: a command is required");
  *out = e;
  return Status::OK();
}

Status AddInittab(std::vector<InittabEntry>* v, const InittabEntry& e) {
  for (const auto& x : *v)
    if (x.id == e.id) return Bad("Identifier: '" + e.id + "' is already registered; identifiers must be unique");
  v->push_back(e);
  return Status::OK();
}

Status RemoveInittab(std::vector<InittabEntry>* v, const std::string& id) {
  if (id.empty()) return Bad("-i Identifier: an identifier is required");
  auto n = std::erase_if(*v, [&](const InittabEntry& x) { return x.id == id; });
  if (n == 0) return Bad("-i Identifier: no entry '" + id + "' is registered");
  return Status::OK();
}

Status AddScript(std::vector<ScriptRegistration>* v, const ScriptRegistration& r) {
  LVU_RETURN_IF_ERROR(CheckLabel("-n", r.label));
  LVU_RETURN_IF_ERROR(CheckCommand("-s script", r.script));
  if (r.side != "orig" && r.side != "surr") return Bad("-d side: '" + r.side + "' is neither orig nor surr");
  if (!KnownPhase(r.phase))
    return Bad("-P phase: '" + r.phase +
               "' is not LVUP_CHECK, LVUP_PRE, LVUP_PRE_KERNEL, LVUP_POST, LVUP_COMPLETE or LVUP_ERROR");
  bool orig_only = r.phase == "LVUP_CHECK" || r.phase == "LVUP_PRE";
  bool surr_only = r.phase == "LVUP_POST" || r.phase == "LVUP_COMPLETE";
  if (orig_only && r.side != "orig") return Bad("-d side: " + r.phase + " runs on the original partition only (orig)");
  if (surr_only && r.side != "surr") return Bad("-d side: " + r.phase + " runs on the surrogate partition only (surr)");
  if (r.priority < 1 || r.priority > 10) return Bad("-p priority: " + std::to_string(r.priority) + " is not 1 to 10");
  if (r.timeout_s < 1 || r.timeout_s > 86400)
    return Bad("-t timeout: " + std::to_string(r.timeout_s) + " is not 1 to 86400 seconds");
  for (const auto& x : *v)
    if (x.label == r.label && x.side == r.side && x.phase == r.phase)
      return Bad("-n label: '" + r.label + "' is already registered for " + r.side + " " + r.phase);
  v->push_back(r);
  return Status::OK();
}

Status RemoveScript(std::vector<ScriptRegistration>* v, const std::string& label, const std::string& side,
                    const std::string& phase, int priority) {
  LVU_RETURN_IF_ERROR(CheckLabel("-n", label));
  if (side != "orig" && side != "surr") return Bad("-d side: '" + side + "' is neither orig nor surr");
  if (!KnownPhase(phase)) return Bad("-P phase: '" + phase + "' is not a live update phase");
  auto n = std::erase_if(*v, [&](const ScriptRegistration& x) {
    return x.label == label && x.side == side && x.phase == phase && (priority == 0 || x.priority == priority);
  });
  if (n == 0) return Bad("-n label: no script '" + label + "' is registered for " + side + " " + phase);
  return Status::OK();
}

Status AddPreloadKext(std::vector<KextRegistration>* v, const std::string& path, const std::string& command) {
  LVU_RETURN_IF_ERROR(CheckPath("-a kext_path", path));
  LVU_RETURN_IF_ERROR(CheckCommand("-c command", command));
  std::vector<std::string> argv;
  LVU_RETURN_IF_ERROR(SplitCommandLine(command, &argv));
  LVU_RETURN_IF_ERROR(CheckPath("-c command", argv[0]));
  for (const auto& r : *v)
    if (r.path == path) return Bad("-a kext_path: '" + path + "' is already registered");
  v->push_back({path, command});
  return Status::OK();
}

Status RemovePreloadKext(std::vector<KextRegistration>* v, const std::string& path) {
  LVU_RETURN_IF_ERROR(CheckPath("-r kext_path", path));
  auto n = std::erase_if(*v, [&](const KextRegistration& r) { return r.path == path; });
  if (n == 0) return Bad("-r kext_path: '" + path + "' is not registered");
  return Status::OK();
}

Status AddSafeKext(std::vector<std::string>* v, const std::string& path) {
  LVU_RETURN_IF_ERROR(CheckPath("-a kext_path", path));
  if (std::find(v->begin(), v->end(), path) != v->end())
    return Bad("-a kext_path: '" + path + "' is already in the safe list");
  v->push_back(path);
  return Status::OK();
}

Status RemoveSafeKext(std::vector<std::string>* v, const std::string& path) {
  LVU_RETURN_IF_ERROR(CheckPath("-r kext_path", path));
  auto n = std::erase(*v, path);
  if (n == 0) return Bad("-r kext_path: '" + path + "' is not in the safe list");
  return Status::OK();
}

}  // namespace lvu::actions
