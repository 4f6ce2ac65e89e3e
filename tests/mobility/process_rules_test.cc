// Classification by the seed's rules: the lab as it is, and one violating
// process tree per rule.
#include <gtest/gtest.h>

#include <algorithm>

#include "actions/apps/process_rules.h"
#include "drivers/sim/lab_processes.h"

namespace lvu::actions {
namespace {

using drivers::Process;
using drivers::ProcessTable;

std::string ClassOf(const Classification& c, int pid) {
  for (const auto& x : c.classes)
    if (x.pid == pid) return x.cls;
  return "(none)";
}

Process P(int pid, int ppid, const std::string& command) {
  Process p;
  p.pid = pid;
  p.ppid = ppid;
  p.command = command;
  p.tty = "-";
  p.state = "running";
  return p;
}

// swapper, a kproc, init, and `extra`.
ProcessTable Tree(std::vector<Process> extra) {
  ProcessTable t;
  Process swapper = P(0, 0, "swapper");
  swapper.kproc = true;
  Process lrud = P(196614, 0, "lrud");
  lrud.kproc = true;
  t.procs = {swapper, lrud, P(1, 0, "/etc/init")};
  for (auto& p : extra) t.procs.push_back(p);
  return t;
}

std::vector<std::string> Rules(const Classification& c) {
  std::vector<std::string> v;
  for (const auto& x : c.violations) v.push_back(x.rule);
  return v;
}

TEST(ProcessRulesTest, TheLabSatisfiesTheRules) {
  Classification c = Classify(drivers::sim::LabProcesses(), {});
  EXPECT_TRUE(c.violations.empty()) << c.violations.front().message;
  EXPECT_EQ(c.base, 13);  // swapper, 10 kprocs, init, getty on the console
  EXPECT_EQ(c.mobile, 14);
  EXPECT_EQ(c.exit, 0);
  EXPECT_EQ(ClassOf(c, 0), "base");
  EXPECT_EQ(ClassOf(c, 1), "base");
  EXPECT_EQ(ClassOf(c, 65538), "base");    // wait, a kproc
  EXPECT_EQ(ClassOf(c, 3866860), "base");  // getty /dev/console
  EXPECT_EQ(ClassOf(c, 4063468), "mobile");  // java
  EXPECT_EQ(ClassOf(c, 4718838), "mobile");  // topas
  EXPECT_EQ(c.classes.size(), drivers::sim::LabProcesses().procs.size());
}

TEST(ProcessRulesTest, RegisteredBaseProcessTakesItsChildrenWithIt) {
  ProcessTable t = Tree({P(100, 1, "/usr/sbin/myservice -f x"), P(101, 100, "/usr/sbin/myworker"),
                         P(102, 101, "/usr/bin/helper"), P(200, 1, "/usr/bin/app")});
  Classification c = Classify(t, {{"myserv", "/usr/sbin/myservice"}});
  EXPECT_TRUE(c.violations.empty());
  EXPECT_EQ(ClassOf(c, 100), "base");
  EXPECT_EQ(ClassOf(c, 101), "base");
  EXPECT_EQ(ClassOf(c, 102), "base");
  EXPECT_EQ(ClassOf(c, 200), "mobile");
  auto it = std::find_if(c.classes.begin(), c.classes.end(), [](const auto& x) { return x.pid == 100; });
  EXPECT_EQ(c.reasons[static_cast<size_t>(it - c.classes.begin())], "setprocs myserv");
}

TEST(ProcessRulesTest, InitsChildrenAreNotBaseBecauseInitIs) {
  Classification c = Classify(Tree({P(100, 1, "/usr/sbin/cron"), P(101, 100, "/bin/sh job")}), {});
  EXPECT_EQ(ClassOf(c, 100), "mobile");
  EXPECT_EQ(ClassOf(c, 101), "mobile");
}

TEST(ProcessRulesTest, ExitRegistrationMakesAnExitProcess) {
  Process p = P(100, 1, "/usr/bin/xmwlm -L");
  p.mobility = "exit";
  Classification c = Classify(Tree({p}), {});
  EXPECT_TRUE(c.violations.empty());
  EXPECT_EQ(ClassOf(c, 100), "exit");
  EXPECT_EQ(c.exit, 1);
}

TEST(ProcessRulesTest, Rule1AKprocIsBase) {
  ProcessTable t = Tree({});
  t.procs[1].mobility = "exit";  // lrud
  Classification c = Classify(t, {});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"kproc"});
  EXPECT_EQ(c.violations[0].pids, std::vector<int>{196614});
  EXPECT_NE(c.violations[0].message.find("kproc 196614 (lrud)"), std::string::npos) << c.violations[0].message;
  EXPECT_NE(c.violations[0].message.find("rule 1"), std::string::npos);
  EXPECT_EQ(ClassOf(c, 196614), "base");
}

TEST(ProcessRulesTest, Rule2InitIsBase) {
  ProcessTable t = Tree({});
  t.procs[2].mobility = "exit";
  Classification c = Classify(t, {});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"init"});
  EXPECT_EQ(c.violations[0].pids, std::vector<int>{1});
  EXPECT_NE(c.violations[0].message.find("rule 2"), std::string::npos);
}

TEST(ProcessRulesTest, Rule3AChildOfInitIsBaseOrMobileNotBoth) {
  Process p = P(100, 1, "/usr/sbin/myservice");
  p.mobility = "exit";
  Classification c = Classify(Tree({p}), {{"myserv", "/usr/sbin/myservice"}});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"init_child"});
  EXPECT_EQ(c.violations[0].pids, std::vector<int>{100});
  EXPECT_NE(c.violations[0].message.find("setprocs myserv"), std::string::npos) << c.violations[0].message;
  EXPECT_NE(c.violations[0].message.find("rule 3"), std::string::npos);
}

TEST(ProcessRulesTest, Rule4ChildrenOfABaseProcessAreBase) {
  Process child = P(101, 100, "/usr/bin/worker");
  child.mobility = "exit";
  Classification c = Classify(Tree({P(100, 1, "/usr/sbin/myservice"), child}), {{"myserv", "/usr/sbin/myservice"}});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"base_children"});
  EXPECT_EQ(c.violations[0].pids, (std::vector<int>{101, 100}));
  EXPECT_NE(c.violations[0].message.find("rule 4"), std::string::npos);
}

TEST(ProcessRulesTest, Rule5ABaseProcessIsAChildOfInitOrOfABaseProcess) {
  // The seed lab's syslogd runs under srcmstr, which is mobile.
  Classification c = Classify(drivers::sim::LabProcesses(), {{"syslog", "/usr/sbin/syslogd"}});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"base_parent"});
  EXPECT_EQ(c.violations[0].pids, (std::vector<int>{3342570, 3080370}));
  EXPECT_EQ(c.violations[0].message,
            "process 3342570 (/usr/sbin/syslogd) is a base process (setprocs syslog), but its parent 3080370 "
            "(/usr/sbin/srcmstr) is not a base process: rule 5 (a base process is a direct child of init or of "
            "another base process).");
}

TEST(ProcessRulesTest, Rule6BaseProcessesShareNoResourceWithOthers) {
  Process base = P(100, 1, "/usr/sbin/myservice");
  base.shm = {"0x4d000006"};
  Process app = P(200, 1, "/usr/bin/app");
  app.shm = {"0x4d000006"};
  Process other = P(300, 1, "/usr/bin/other");
  other.pipes = {"pipe:7"};
  Classification c = Classify(Tree({base, app, other}), {{"myserv", "/usr/sbin/myservice"}});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"shared_resources"});
  EXPECT_EQ(c.violations[0].pids, (std::vector<int>{100, 200}));
  EXPECT_NE(c.violations[0].message.find("shares shared memory 0x4d000006 with non-base process 200 (/usr/bin/app)"),
            std::string::npos)
      << c.violations[0].message;
  EXPECT_NE(c.violations[0].message.find("rule 6"), std::string::npos);
}

TEST(ProcessRulesTest, Rule6CountsSocketsAndFilesToo) {
  Process base = P(100, 1, "/usr/sbin/myservice");
  base.sockets = {{"10.1.50.34.22", "10.1.50.11.53112", "ESTABLISHED"}};
  base.files = {"/var/adm/x.log"};
  Process app = P(200, 1, "/usr/bin/app");
  app.sockets = base.sockets;
  app.files = base.files;
  Classification c = Classify(Tree({base, app}), {{"myserv", "/usr/sbin/myservice"}});
  EXPECT_EQ(Rules(c), (std::vector<std::string>{"shared_resources", "shared_resources"}));
}

TEST(ProcessRulesTest, ConsoleProcessesAreBase) {
  // A shell on the console started from a mobile process.
  Process daemon = P(100, 1, "/usr/bin/app");
  Process sh = P(101, 100, "/usr/bin/ksh");
  sh.tty = "console";
  Classification c = Classify(Tree({daemon, sh}), {});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"console"});
  EXPECT_EQ(ClassOf(c, 101), "base");
  EXPECT_EQ(c.violations[0].pids, (std::vector<int>{101, 100}));
  EXPECT_NE(c.violations[0].message.find("is attached to the console"), std::string::npos);
  EXPECT_NE(c.violations[0].message.find("the console rule"), std::string::npos);
}

TEST(ProcessRulesTest, AConsoleProcessCannotBeAnExitProcess) {
  Process getty = P(100, 1, "/usr/sbin/getty /dev/console");
  getty.tty = "console";
  getty.mobility = "exit";
  Classification c = Classify(Tree({getty}), {});
  ASSERT_EQ(Rules(c), std::vector<std::string>{"console"});
  EXPECT_EQ(ClassOf(c, 100), "base");
}

TEST(ProcessRulesTest, CommandMatchesTheTextOrTheProgram) {
  EXPECT_TRUE(CommandMatches("/usr/sbin/syncd 60", "/usr/sbin/syncd"));
  EXPECT_TRUE(CommandMatches("/usr/sbin/syncd 60", "/usr/sbin/syncd 60"));
  EXPECT_FALSE(CommandMatches("/usr/sbin/syncd 60", "/usr/sbin/sync"));
  EXPECT_FALSE(CommandMatches("/usr/sbin/syncd 60", ""));
}

}  // namespace
}  // namespace lvu::actions
