#include "drivers/sim/process_table.h"

#include <algorithm>
#include <map>
#include <set>

#include "drivers/sim/lab_processes.h"
#include "drivers/sim/process_json.h"

namespace lvu::drivers::sim {
namespace {

bool Frozen(const Process& p) { return p.state == "frozen" || p.state == "frozen-exit"; }

int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

int64_t TransferSeconds(const ProcessTable& t) {
  int64_t mem = 0, count = 0;
  for (const auto& p : t.procs) {
    if (!Frozen(p)) continue;
    count++;
    if (p.state == "frozen") mem += p.mem_mb;  // exit processes are not checkpointed
  }
  return CeilDiv(mem, 80) + CeilDiv(count, 10);
}

// A new instance of exit process `p` started by its watcher.
Process Respawned(const Process& p, int pid, int ppid) {
  Process n;
  n.pid = pid;
  n.ppid = ppid;
  n.tids = {pid + 1};
  n.command = p.command;
  n.tty = p.tty;
  n.mem_mb = p.mem_mb;
  n.files = p.files;
  for (const auto& s : p.sockets)
    if (s.state == "LISTEN") n.sockets.push_back(s);
  n.watcher = p.watcher;
  n.inittab_id = p.inittab_id;
  n.state = "running";
  return n;
}

}  // namespace

int NextPid(const World& w) {
  int max = 1;
  for (const auto& l : w.lpars)
    for (const auto& p : l.processes.procs) max = std::max(max, p.pid);
  return (max / kPidStep + 1) * kPidStep + 2;
}

ProcessTable BootTable(const World& w, const WorldDisk& boot_disk) {
  ProcessTable t = boot_disk.vg == "lvup_rootvg" ? SurrogateBootProcesses(NextPid(w)) : LabProcesses();
  NormalizeProcessTable(&t);  // as the world keeps it, so that a second boot compares equal
  return t;
}

Status FreezeTable(const std::vector<ProcessClass>& classes, ProcessTable* t) {
  std::map<int, std::string> cls;
  for (const auto& c : classes) {
    if (t->Find(c.pid) == nullptr)
      return Status::Failed("1430-107 checkpoint: no process " + std::to_string(c.pid));
    if (c.cls != kClassBase && c.cls != kClassMobile && c.cls != kClassExit)
      return Status::Failed("1430-108 checkpoint: unknown class '" + c.cls + "' for process " +
                            std::to_string(c.pid));
    if (!cls.emplace(c.pid, c.cls).second)
      return Status::Failed("1430-109 checkpoint: process " + std::to_string(c.pid) + " classified twice");
  }
  for (const auto& p : t->procs) {
    auto it = cls.find(p.pid);
    if (it == cls.end())
      return Status::Failed("1430-110 checkpoint: process " + std::to_string(p.pid) + " (" + p.command +
                            ") is not classified");
    if ((p.kproc || p.pid == 1) && it->second != kClassBase)
      return Status::Failed("1430-111 checkpoint: process " + std::to_string(p.pid) + " (" + p.command +
                            ") is " + (p.kproc ? "a kproc" : "init") + ": it cannot be " + it->second);
  }
  for (auto& p : t->procs) {
    const std::string& c = cls[p.pid];
    if (c == kClassMobile) p.state = "frozen";
    else if (c == kClassExit) p.state = "frozen-exit";
  }
  return Status::OK();
}

void ThawTable(ProcessTable* t) {
  for (auto& p : t->procs)
    if (Frozen(p)) p.state = "running";
}

int64_t CheckpointSeconds(const ProcessTable& frozen) { return 1 + TransferSeconds(frozen); }
int64_t RestartSeconds(const ProcessTable& frozen) { return 4 + TransferSeconds(frozen); }

void MoveWorkload(World* w, int from, int to) {
  WorldLpar* f = w->FindLpar(from);
  WorldLpar* t = w->FindLpar(to);
  std::vector<Process> stay, moving, exiting;
  for (auto& p : f->processes.procs) {
    if (p.state == "frozen") moving.push_back(p);
    else if (p.state == "frozen-exit") exiting.push_back(p);
    else stay.push_back(p);
  }
  for (auto& p : stay) p.cls = kClassBase;
  f->processes.procs = std::move(stay);
  // The surrogate's own processes are its base set in this live update.
  for (auto& p : t->processes.procs) p.cls = kClassBase;
  std::set<int> arriving;
  for (const auto& p : moving) arriving.insert(p.pid);
  for (auto& p : moving) {
    p.state = "running";
    p.cls = kClassMobile;
    bool parent_here = p.ppid == 1 || arriving.count(p.ppid) > 0;
    if (!parent_here) p.ppid = 1;  // reparented, as to any orphan
    t->processes.procs.push_back(p);
  }
  t->processes.live_update = f->processes.live_update;
  // Exit processes exit on the surrogate; their watchers start new ones.
  int pid = NextPid(*w);
  for (const auto& p : exiting) {
    int ppid = 0;
    if (p.watcher == "init") {
      ppid = 1;
    } else if (p.watcher == "srcmstr") {
      for (const auto& q : t->processes.procs)
        if (q.command == "/usr/sbin/srcmstr") ppid = q.pid;
    }
    if (ppid == 0) continue;
    t->processes.procs.push_back(Respawned(p, pid, ppid));
    pid += kPidStep;
  }
  // Children of an exit process are orphans now.
  std::set<int> present;
  for (const auto& p : t->processes.procs) present.insert(p.pid);
  for (auto& p : t->processes.procs)
    if (p.ppid > 1 && !present.count(p.ppid)) p.ppid = 1;
}

std::string InittabProgram(const std::string& command) {
  size_t end = command.size();
  for (const char* stop : {" >", " 2>", " <", " #", ">"}) {
    size_t at = command.find(stop);
    if (at != std::string::npos) end = std::min(end, at);
  }
  std::string s = command.substr(0, end);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

void StartInittabEntries(const std::vector<InittabEntry>& entries, int first_pid, ProcessTable* t,
                         int* started) {
  *started = 0;
  int pid = first_pid;
  for (const auto& e : entries) {
    bool stays = e.action == "respawn" || e.action == "once" || e.action == "boot";
    bool level2 = e.runlevel.empty() || e.runlevel.find('2') != std::string::npos;
    if (!stays || !level2 || InittabProgram(e.command).empty()) continue;
    bool running = std::any_of(t->procs.begin(), t->procs.end(),
                               [&](const Process& p) { return p.inittab_id == e.id; });
    if (running) continue;
    Process p;
    p.pid = pid;
    p.ppid = 1;
    p.tids = {pid + 1};
    p.command = InittabProgram(e.command);
    p.tty = "-";
    p.mem_mb = 4;
    p.watcher = e.action == "respawn" ? "init" : "";
    p.inittab_id = e.id;
    p.mobility = kClassBase;
    p.state = "running";
    t->procs.push_back(p);
    pid += kPidStep;
    ++*started;
  }
}

bool SetMobility(int pid, const std::string& attr, ProcessTable* t, std::string* err) {
  err->clear();
  Process* p = t->Find(pid);
  if (p == nullptr) {
    *err = "ESRCH";
    return false;
  }
  if (!t->live_update) {
    *err = "EAGAIN";
    return false;
  }
  if (attr == kClassBase) {
    const Process* parent = t->Find(p->ppid);
    bool parent_ok = p->ppid == 1 || (parent != nullptr && parent->mobility == kClassBase);
    if (p->kproc || p->pid == 1 || !parent_ok) {
      *err = "EINVAL";
      return false;
    }
  } else if (attr == kClassExit) {
    if (p->kproc || p->pid == 1) {
      *err = "EINVAL";
      return false;
    }
  } else if (!attr.empty()) {
    *err = "EINVAL";
    return false;
  }
  bool changed = p->mobility != attr;
  p->mobility = attr;
  if (attr == kClassBase) {
    // Existing descendants become base too.
    std::set<int> marked = {pid};
    for (bool grew = true; grew;) {
      grew = false;
      for (auto& q : t->procs) {
        if (marked.count(q.pid) || !marked.count(q.ppid)) continue;
        marked.insert(q.pid);
        grew = true;
        if (q.mobility != kClassBase) {
          q.mobility = kClassBase;
          changed = true;
        }
      }
    }
  }
  return changed;
}

}  // namespace lvu::drivers::sim
