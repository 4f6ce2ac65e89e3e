#include "actions/apps/process_rules.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace lvu::actions {
namespace {

using drivers::kClassBase;
using drivers::kClassExit;
using drivers::kClassMobile;
using drivers::Process;

std::string FirstWord(const std::string& s) {
  size_t end = s.find(' ');
  return end == std::string::npos ? s : s.substr(0, end);
}

bool OnConsole(const Process& p) { return p.tty == "console" || p.tty == "vty0"; }

std::string Name(const Process& p) { return std::to_string(p.pid) + " (" + p.command + ")"; }

// Every resource a process holds, as "kind id" strings.
std::vector<std::string> Resources(const Process& p) {
  std::vector<std::string> r;
  for (const auto& s : p.shm) r.push_back("shared memory " + s);
  for (const auto& s : p.pipes) r.push_back("pipe " + s);
  for (const auto& s : p.files) r.push_back("file " + s);
  for (const auto& s : p.sockets) r.push_back("socket " + s.local + " " + s.remote);
  return r;
}

}  // namespace

bool CommandMatches(const std::string& command, const std::string& registered) {
  return !registered.empty() && (command == registered || FirstWord(command) == registered);
}

std::string RuleText(const std::string& rule) {
  static const std::map<std::string, std::string> texts = {
      {"kproc", "rule 1 (a kproc is a base process)"},
      {"init", "rule 2 (the init process is a base process)"},
      {"init_child", "rule 3 (a direct child of init is either a base or a mobile process)"},
      {"base_children", "rule 4 (children of a base process other than init are base processes)"},
      {"base_parent", "rule 5 (a base process is a direct child of init or of another base process)"},
      {"shared_resources", "rule 6 (base processes do not share resources with non-base processes)"},
      {"console", "the console rule (processes attached to the console are base processes)"},
  };
  auto it = texts.find(rule);
  return it == texts.end() ? rule : it->second;
}

Classification Classify(const drivers::ProcessTable& table, const std::vector<BaseProcRegistration>& base_procs) {
  std::vector<Process> procs = table.procs;
  std::sort(procs.begin(), procs.end(), [](const Process& a, const Process& b) { return a.pid < b.pid; });
  std::map<int, const Process*> by_pid;
  std::map<int, std::vector<int>> children;
  for (const auto& p : procs) by_pid[p.pid] = &p;
  for (const auto& p : procs)
    if (p.pid != p.ppid) children[p.ppid].push_back(p.pid);

  // Base by a reason of its own.
  std::map<int, std::string> reason;
  std::map<int, std::string> registered;  // pid -> setprocs label
  for (const auto& p : procs) {
    for (const auto& r : base_procs)
      if (registered.count(p.pid) == 0 && CommandMatches(p.command, r.command)) registered[p.pid] = r.label;
    if (p.kproc) reason[p.pid] = "kproc";
    else if (p.pid == 1) reason[p.pid] = "init";
    else if (OnConsole(p)) reason[p.pid] = "console";
    else if (p.mobility == kClassBase) reason[p.pid] = "registered base";
    else if (registered.count(p.pid)) reason[p.pid] = "setprocs " + registered[p.pid];
  }
  // Descendants of a base process other than init are base.
  std::map<int, int> inherited_from;  // pid -> the base ancestor it inherits from
  std::deque<int> queue;
  for (const auto& [pid, why] : reason)
    if (pid != 1) queue.push_back(pid);
  while (!queue.empty()) {
    int parent = queue.front();
    queue.pop_front();
    for (int child : children[parent]) {
      if (child == 1 || reason.count(child) || inherited_from.count(child)) continue;
      inherited_from[child] = parent;
      queue.push_back(child);
    }
  }
  auto is_base = [&](int pid) { return reason.count(pid) > 0 || inherited_from.count(pid) > 0; };

  Classification out;
  for (const auto& p : procs) {
    std::string cls, why;
    if (reason.count(p.pid)) {
      cls = kClassBase;
      why = reason[p.pid];
    } else if (inherited_from.count(p.pid)) {
      cls = kClassBase;
      why = "child of base " + std::to_string(inherited_from[p.pid]);
    } else if (p.mobility == kClassExit) {
      cls = kClassExit;
      why = "registered exit";
    } else {
      cls = kClassMobile;
      why = "";
    }
    out.classes.push_back({p.pid, cls});
    out.reasons.push_back(why);
    (cls == kClassBase ? out.base : cls == kClassExit ? out.exit : out.mobile)++;
  }

  auto add = [&](const std::string& rule, std::vector<int> pids, const std::string& text) {
    out.violations.push_back({rule, std::move(pids), text + ": " + RuleText(rule) + "."});
  };
  auto parent_text = [&](const Process& p) {
    auto it = by_pid.find(p.ppid);
    return it == by_pid.end() ? std::to_string(p.ppid) + " (gone)" : Name(*it->second);
  };

  // 1 and 2.
  for (const auto& p : procs)
    if (p.kproc && p.mobility == kClassExit)
      add("kproc", {p.pid}, "kproc " + Name(p) + " is registered as an exit process");
  for (const auto& p : procs)
    if (p.pid == 1 && p.mobility == kClassExit)
      add("init", {p.pid}, "init " + Name(p) + " is registered as an exit process");
  // 3: registered base by lvupdate setprocs and exit by the kernel.
  for (const auto& p : procs)
    if (p.ppid == 1 && !p.kproc && p.mobility == kClassExit && registered.count(p.pid))
      add("init_child", {p.pid},
          "process " + Name(p) + " is registered both as a base process (setprocs " + registered[p.pid] +
              ") and as an exit process");
  // 4: an exit process below a base process.
  for (const auto& p : procs)
    if (inherited_from.count(p.pid) && p.mobility == kClassExit)
      add("base_children", {p.pid, inherited_from[p.pid]},
          "process " + Name(p) + " is registered as an exit process, but it descends from base process " +
              Name(*by_pid[inherited_from[p.pid]]));
  // 5 and the console rule: base by its own reason, under a process that is not.
  for (const auto& p : procs) {
    auto it = reason.find(p.pid);
    if (it == reason.end() || p.kproc || p.pid == 1) continue;
    if (p.ppid == 1 || is_base(p.ppid)) continue;
    std::string why = it->second == "console" ? "is attached to the console" : "is a base process (" + it->second + ")";
    add(it->second == "console" ? "console" : "base_parent", {p.pid, p.ppid},
        "process " + Name(p) + " " + why + ", but its parent " + parent_text(p) + " is not a base process");
  }
  // The console rule: a console process cannot be an exit process.
  for (const auto& p : procs)
    if (OnConsole(p) && !p.kproc && p.pid != 1 && p.mobility == kClassExit)
      add("console", {p.pid}, "process " + Name(p) + " is attached to the console but registered as an exit process");
  // 6.
  std::map<std::string, std::set<int>> holders;
  for (const auto& p : procs)
    for (const auto& r : Resources(p)) holders[r].insert(p.pid);
  for (const auto& [res, pids] : holders) {
    std::vector<int> base, other;
    for (int pid : pids) (is_base(pid) ? base : other).push_back(pid);
    if (base.empty() || other.empty()) continue;
    std::vector<int> all = base;
    all.insert(all.end(), other.begin(), other.end());
    std::string b, o;
    for (int pid : base) b += (b.empty() ? "" : ", ") + Name(*by_pid[pid]);
    for (int pid : other) o += (o.empty() ? "" : ", ") + Name(*by_pid[pid]);
    add("shared_resources", all, "base process " + b + " shares " + res + " with non-base process " + o);
  }
  return out;
}

}  // namespace lvu::actions
