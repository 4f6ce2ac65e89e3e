// Running a real script: argv, environment, captured output, exit status,
// timeout killing the process group, programs that cannot run.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "actions/apps/script_runner.h"
#include "tests/support/lvu_process.h"

namespace lvu::actions {
namespace {

// A killed process whose parent is gone may wait as a zombie for a
// container's init that does not reap: dead all the same.
bool Zombie(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] == 'Z';
}

std::string Script(const testing::TempHome& home, const std::string& name, const std::string& body) {
  std::string path = home.path() + "/" + name;
  std::ofstream(path) << "#!/bin/sh\n" << body;
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

TEST(ScriptRunnerTest, ArgvEnvironmentOutputAndExitStatus) {
  testing::TempHome home;
  std::string s = Script(home, "s.sh", "echo \"args:$#:$1:$2\"\necho \"$LVUP_PHASE $LVUP_SIDE\"\necho err >&2\nexit 3\n");
  ScriptOutcome o = RunScript({s, "a b", "$HOME;rm"}, {"LVUP_PHASE=LVUP_PRE", "LVUP_SIDE=orig"}, 10);
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.Describe(10), "exit 3");
  // No shell between lvupdate and the script: arguments arrive as given.
  EXPECT_EQ(o.output, "args:2:a b:$HOME;rm\nLVUP_PRE orig\nerr\n");
}

TEST(ScriptRunnerTest, ExitZeroIsOk) {
  testing::TempHome home;
  ScriptOutcome o = RunScript({Script(home, "ok.sh", "exit 0\n")}, {}, 10);
  EXPECT_TRUE(o.ok());
  EXPECT_EQ(o.Describe(10), "exit 0");
}

TEST(ScriptRunnerTest, TimeoutKillsTheWholeProcessGroup) {
  testing::TempHome home;
  std::string pidfile = home.path() + "/child.pid";
  std::string s = Script(home, "hang.sh", "sleep 300 &\necho $! > " + pidfile + "\nwait\n");
  auto start = std::chrono::steady_clock::now();
  ScriptOutcome o = RunScript({s}, {}, 1);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(o.timed_out);
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.Describe(1), "timed out after 1 s");
  EXPECT_LT(took, 10.0);
  std::ifstream in(pidfile);
  int child = 0;
  in >> child;
  ASSERT_GT(child, 0);
  // The background sleep was in the script's group: it is gone too.
  bool gone = false;
  for (int i = 0; i < 50 && !gone; i++) {
    gone = ::kill(child, 0) != 0 || Zombie(child);
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone) << "pid " << child << " survived";
}

TEST(ScriptRunnerTest, ABackgroundChildDoesNotHoldTheRunOpen) {
  testing::TempHome home;
  std::string s = Script(home, "bg.sh", "sleep 3 >/dev/null 2>&1 &\necho started\n");
  auto start = std::chrono::steady_clock::now();
  ScriptOutcome o = RunScript({s}, {}, 30);
  EXPECT_TRUE(o.ok());
  EXPECT_EQ(o.output, "started\n");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.5);
}

TEST(ScriptRunnerTest, ProgramsThatCannotRun) {
  testing::TempHome home;
  ScriptOutcome missing = RunScript({home.path() + "/nope"}, {}, 10);
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.Describe(10), "cannot run: No such file or directory");
  ScriptOutcome relative = RunScript({"true"}, {}, 10);
  EXPECT_EQ(relative.Describe(10), "cannot run: 'true' is not a full path");
  std::string path = home.path() + "/noexec.sh";
  std::ofstream(path) << "#!/bin/sh\nexit 0\n";
  ScriptOutcome noexec = RunScript({path}, {}, 10);
  EXPECT_EQ(noexec.Describe(10), "cannot run: Permission denied");
}

TEST(ScriptRunnerTest, KilledBySignal) {
  testing::TempHome home;
  ScriptOutcome o = RunScript({Script(home, "kill.sh", "kill -9 $$\n")}, {}, 10);
  EXPECT_EQ(o.signal, 9);
  EXPECT_EQ(o.Describe(10), "killed by signal 9");
}

}  // namespace
}  // namespace lvu::actions
