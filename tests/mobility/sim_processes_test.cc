// The simulated kernel's side of mobility (drivers/sim/process_table.h):
// freeze and thaw, the move to the surrogate (same pids, respawned exit
// processes, TCP connections), the surrogate's base set, the blackout cost,
// inittab entries, kernel extensions, the mobility system calls.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "drivers/sim/lab.h"
#include "drivers/sim/lab_processes.h"
#include "drivers/sim/process_json.h"
#include "drivers/sim/process_table.h"
#include "drivers/sim/world.h"

namespace lvu::drivers::sim {
namespace {

std::string Text(const ProcessTable& t) { return ProcessTableToJson(t).dump(); }

std::vector<ProcessClass> Classes(const ProcessTable& t, std::map<int, std::string> overrides = {}) {
  std::vector<ProcessClass> v;
  for (const auto& p : t.procs) {
    std::string c = p.kproc || p.pid == 1 || p.tty == "console" ? kClassBase : kClassMobile;
    if (overrides.count(p.pid)) c = overrides[p.pid];
    v.push_back({p.pid, c});
  }
  return v;
}

// The lab with a running surrogate 98 booted from the clone.
World LabWithSurrogate() {
  World w = SeedLab();
  WorldLpar s = w.lpars[0];
  s.id = 98;
  s.workload = "";
  WorldDisk clone = *w.FindDisk("hdisk2");
  clone.vg = "lvup_rootvg";
  s.processes = BootTable(w, clone);
  w.lpars.push_back(s);
  w.Normalize();
  return w;
}

std::set<int> Pids(const ProcessTable& t) {
  std::set<int> s;
  for (const auto& p : t.procs) s.insert(p.pid);
  return s;
}

TEST(SimProcessesTest, TheLabIsDeterministicAndRealistic) {
  ProcessTable t = LabProcesses();
  EXPECT_EQ(Text(t), Text(LabProcesses()));
  ASSERT_NE(t.Find(1), nullptr);
  EXPECT_EQ(t.Find(1)->command, "/etc/init");
  EXPECT_EQ(std::count_if(t.procs.begin(), t.procs.end(), [](const Process& p) { return p.kproc; }), 11);
  EXPECT_EQ(t.Find(3866860)->tty, "console");
  EXPECT_EQ(t.Find(3342570)->ppid, 3080370);  // syslogd under srcmstr
  EXPECT_EQ(t.Find(4063468)->sockets.size(), 4u);
  EXPECT_EQ(t.Find(4063468)->tids.size(), 6u);
}

TEST(SimProcessesTest, FreezeAndThawGiveBackTheSameTable) {
  ProcessTable t = LabProcesses();
  ProcessTable before = t;
  ASSERT_TRUE(FreezeTable(Classes(t, {{4128984, kClassExit}}), &t).ok());
  EXPECT_EQ(t.Find(4063468)->state, "frozen");
  EXPECT_EQ(t.Find(4128984)->state, "frozen-exit");
  EXPECT_EQ(t.Find(3866860)->state, "running");  // base
  EXPECT_EQ(t.Find(1)->state, "running");
  ThawTable(&t);
  EXPECT_EQ(Text(t), Text(before));
}

TEST(SimProcessesTest, FreezeRefusesAnIncompleteOrImpossibleClassification) {
  ProcessTable t = LabProcesses();
  std::vector<ProcessClass> c = Classes(t);
  c.pop_back();
  Status s = FreezeTable(c, &t);
  EXPECT_NE(s.message().find("is not classified"), std::string::npos) << s.ToString();
  s = FreezeTable(Classes(t, {{1, kClassMobile}}), &t);
  EXPECT_NE(s.message().find("(/etc/init) is init: it cannot be mobile"), std::string::npos) << s.ToString();
  s = FreezeTable(Classes(t, {{196614, kClassExit}}), &t);
  EXPECT_NE(s.message().find("is a kproc"), std::string::npos) << s.ToString();
  c = Classes(t);
  c.push_back({42, kClassMobile});
  EXPECT_NE(FreezeTable(c, &t).message().find("no process 42"), std::string::npos);
  EXPECT_EQ(Text(t), Text(LabProcesses()));  // unchanged
}

TEST(SimProcessesTest, BlackoutGrowsWithMemoryAndProcessCount) {
  ProcessTable t = LabProcesses();
  ASSERT_TRUE(FreezeTable(Classes(t), &t).ok());
  EXPECT_EQ(CheckpointSeconds(t), 12);  // the article's 27 s blackout with the restart
  EXPECT_EQ(RestartSeconds(t), 15);
  ProcessTable bigger = LabProcesses();
  bigger.Find(4063468)->mem_mb = 6200;
  ASSERT_TRUE(FreezeTable(Classes(bigger), &bigger).ok());
  EXPECT_GT(CheckpointSeconds(bigger), 80);
  ProcessTable more = LabProcesses();
  for (int i = 0; i < 30; i++) {
    Process p = *more.Find(3997932);
    p.pid = 9000000 + i;
    more.procs.push_back(p);
  }
  ASSERT_TRUE(FreezeTable(Classes(more), &more).ok());
  EXPECT_EQ(CheckpointSeconds(more), 12 + 3);
}

TEST(SimProcessesTest, TheSurrogateBootsItsBaseSetFromTheMinimalInittab) {
  World w = LabWithSurrogate();
  const ProcessTable& s = w.FindLpar(98)->processes;
  std::vector<std::string> commands;
  for (const auto& p : s.procs)
    if (!p.kproc) commands.push_back(p.command);
  std::sort(commands.begin(), commands.end());
  EXPECT_EQ(commands, (std::vector<std::string>{"/etc/init", "/usr/sbin/getty /dev/console", "/usr/sbin/slvupdate",
                                                "/usr/sbin/syslogd"}));
  for (const auto& p : s.procs) {
    if (!p.kproc && p.pid != 1) {
      EXPECT_EQ(p.mobility, "base") << p.command;
    }
  }
  // No pid of the surrogate but 0 and 1 is one the original uses.
  for (int pid : Pids(s)) {
    if (pid > 1) {
      EXPECT_EQ(w.FindLpar(99)->processes.Find(pid), nullptr) << pid;
    }
  }
}

TEST(SimProcessesTest, MobileKeepPidsAndConnectionsExitRespawnBaseStays) {
  World w = LabWithSurrogate();
  ProcessTable orig = w.FindLpar(99)->processes;
  std::set<int> surrogate_base = Pids(w.FindLpar(98)->processes);
  // cron (watched by init) and syslogd (by srcmstr) are exit processes;
  // errdemon too, but nobody watches it.
  ASSERT_TRUE(FreezeTable(Classes(orig, {{3801324, kClassExit}, {3342570, kClassExit}, {3932396, kClassExit}}),
                          &w.FindLpar(99)->processes)
                  .ok());
  MoveWorkload(&w, 99, 98);
  const ProcessTable& left = w.FindLpar(99)->processes;
  const ProcessTable& moved = w.FindLpar(98)->processes;
  // Base processes stay, and only they.
  for (const auto& p : left.procs) EXPECT_TRUE(p.kproc || p.pid == 1 || p.tty == "console") << p.command;
  EXPECT_EQ(left.procs.size(), 13u);
  // Mobile processes: same pid, tids, parent, connections.
  for (const auto& p : orig.procs) {
    if (p.kproc || p.pid == 1 || p.tty == "console" || p.pid == 3801324 || p.pid == 3342570 || p.pid == 3932396)
      continue;
    const Process* m = moved.Find(p.pid);
    ASSERT_NE(m, nullptr) << p.command;
    EXPECT_EQ(m->command, p.command);
    EXPECT_EQ(m->tids, p.tids);
    EXPECT_EQ(m->ppid, p.ppid);
    EXPECT_EQ(m->mem_mb, p.mem_mb);
    EXPECT_EQ(m->cls, "mobile");
    EXPECT_EQ(m->state, "running");
    ASSERT_EQ(m->sockets.size(), p.sockets.size());
    for (size_t i = 0; i < p.sockets.size(); i++) {
      EXPECT_EQ(m->sockets[i].remote, p.sockets[i].remote);
      EXPECT_EQ(m->sockets[i].state, p.sockets[i].state);
    }
  }
  // Exit processes: gone; cron again under init, syslogd again under the
  // srcmstr that moved; errdemon not at all.
  for (int pid : {3801324, 3342570, 3932396}) EXPECT_EQ(moved.Find(pid), nullptr) << pid;
  std::vector<const Process*> cron, syslogd, errdemon;
  for (const auto& p : moved.procs) {
    if (p.command == "/usr/sbin/cron") cron.push_back(&p);
    if (p.command == "/usr/sbin/syslogd" && !surrogate_base.count(p.pid)) syslogd.push_back(&p);
    if (p.command == "/usr/lib/errdemon") errdemon.push_back(&p);
  }
  ASSERT_EQ(cron.size(), 1u);
  EXPECT_EQ(cron[0]->ppid, 1);
  EXPECT_EQ(cron[0]->cls, "");
  ASSERT_EQ(syslogd.size(), 1u);
  EXPECT_EQ(syslogd[0]->ppid, 3080370);
  EXPECT_TRUE(errdemon.empty());
  // The surrogate's own processes are still there, as base.
  for (int pid : surrogate_base) {
    ASSERT_NE(moved.Find(pid), nullptr) << pid;
    EXPECT_EQ(moved.Find(pid)->cls, "base");
  }
  // Exactly: mobile (same pids) + respawned + the surrogate's base set.
  EXPECT_EQ(moved.procs.size(), (orig.procs.size() - 13 - 3) + 2 + surrogate_base.size());
}

TEST(SimProcessesTest, InittabEntriesStartAsBaseOnce) {
  ProcessTable t = SurrogateBootProcesses(8000002);
  std::vector<InittabEntry> entries = {{"mysrv", "2", "respawn", "/opt/my/bin/mysrv -d >/dev/console 2>&1"},
                                       {"setup", "2", "wait", "/opt/my/bin/setup"},
                                       {"other", "3", "once", "/opt/my/bin/other"},
                                       {"off", "2", "off", "/opt/my/bin/off"}};
  int started = 0;
  StartInittabEntries(entries, 9000002, &t, &started);
  EXPECT_EQ(started, 1);
  const Process* p = t.Find(9000002);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->command, "/opt/my/bin/mysrv -d");
  EXPECT_EQ(p->ppid, 1);
  EXPECT_EQ(p->mobility, "base");
  EXPECT_EQ(p->watcher, "init");
  EXPECT_EQ(p->inittab_id, "mysrv");
  StartInittabEntries(entries, 9100002, &t, &started);
  EXPECT_EQ(started, 0);
}

TEST(SimProcessesTest, MobilityCalls) {
  ProcessTable t = LabProcesses();
  std::string err;
  EXPECT_FALSE(SetMobility(4063468, "base", &t, &err));
  EXPECT_EQ(err, "EAGAIN");
  t.live_update = true;
  EXPECT_FALSE(SetMobility(42, "base", &t, &err));
  EXPECT_EQ(err, "ESRCH");
  EXPECT_FALSE(SetMobility(3342570, "base", &t, &err));  // under srcmstr
  EXPECT_EQ(err, "EINVAL");
  EXPECT_FALSE(SetMobility(1, "exit", &t, &err));
  EXPECT_EQ(err, "EINVAL");
  // sshd's session: its existing children become base too.
  ProcessTable u = t;
  u.Find(3539180)->mobility = "base";  // sshd, as if registered
  EXPECT_TRUE(SetMobility(4587762, "base", &u, &err)) << err;
  EXPECT_EQ(u.Find(4653300)->mobility, "base");  // -ksh
  EXPECT_EQ(u.Find(4718838)->mobility, "base");  // topas
  EXPECT_TRUE(SetMobility(4128984, "exit", &t, &err));
  EXPECT_EQ(t.Find(4128984)->mobility, "exit");
  EXPECT_FALSE(SetMobility(4128984, "exit", &t, &err));  // already so: no change
  EXPECT_EQ(err, "");
  EXPECT_TRUE(SetMobility(4128984, "", &t, &err));
  EXPECT_EQ(t.Find(4128984)->mobility, "");
}

}  // namespace
}  // namespace lvu::drivers::sim
