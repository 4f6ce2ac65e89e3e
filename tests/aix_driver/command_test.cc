// The aix driver's command runner (drivers/aix/command.h), with real processes.
#include "drivers/aix/command.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace lvu::drivers::aix {
namespace {

Status RunArgv(const std::vector<std::string>& argv, CommandResult* r, int timeout_ms = 10000,
               const std::string& input = "") {
  ProcessRunner runner;
  Command c;
  c.argv = argv;
  c.timeout_ms = timeout_ms;
  c.input = input;
  return runner.Run(c, r);
}

TEST(CommandLineTest, QuotesOnlyTheWordsThatNeedIt) {
  EXPECT_EQ(CommandLine({"lspv"}), "lspv");
  EXPECT_EQ(CommandLine({"viosvrcmd", "-m", "sys-1", "-c", "lsmap -all"}), "viosvrcmd -m sys-1 -c 'lsmap -all'");
  EXPECT_EQ(CommandLine({"echo", "it's"}), "echo 'it'\\''s'");
  EXPECT_EQ(CommandLine({"echo", ""}), "echo ''");
  EXPECT_EQ(CommandLine({"chsyscfg", "-i", "name=a,new_name=b"}), "chsyscfg -i name=a,new_name=b");
}

TEST(ProcessRunnerTest, ArgvIsPassedAsIsWithoutAShell) {
  CommandResult r;
  ASSERT_TRUE(RunArgv({"printf", "%s|", "a b", "$HOME", "'q'", ";ls"}, &r).ok());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "a b|$HOME|'q'|;ls|");
}

TEST(ProcessRunnerTest, ANonZeroExitIsAResultAndDescribeNamesCommandExitAndMessage) {
  CommandResult r;
  Status s = RunArgv({"sh", "-c", "echo out; echo '0516-010 lsvg: Volume group must be varied on.' >&2; exit 1"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "out\n");
  Command c;
  c.argv = {"lsvg", "datavg"};
  EXPECT_EQ(Describe(c, r), "`lsvg datavg` exited 1: 0516-010 lsvg: Volume group must be varied on.");
}

TEST(ProcessRunnerTest, RunsWithLangC) {
  setenv("LANG", "pl_PL.UTF-8", 1);
  setenv("LC_NUMERIC", "pl_PL.UTF-8", 1);
  CommandResult r;
  ASSERT_TRUE(RunArgv({"sh", "-c", "echo \"$LANG $LC_ALL ${LC_NUMERIC:-unset}\""}, &r).ok());
  unsetenv("LC_NUMERIC");
  unsetenv("LANG");
  EXPECT_EQ(r.out, "C C unset\n");
}

TEST(ProcessRunnerTest, StandardInputLargerThanAPipeIsWrittenWhole) {
  std::string input(1 << 20, 'x');
  input += "end";
  CommandResult r;
  ASSERT_TRUE(RunArgv({"cat"}, &r, 10000, input).ok());
  EXPECT_EQ(r.out, input);
}

TEST(ProcessRunnerTest, ACommandNotOnPathIsNotFound) {
  CommandResult r;
  Status s = RunArgv({"lvupdate-no-such-command"}, &r);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("lvupdate-no-such-command: not found on PATH"), std::string::npos);
}

TEST(ProcessRunnerTest, ATimeoutKillsTheWholeProcessGroup) {
  char dir[] = "/tmp/lvu-cmd-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string pidfile = std::string(dir) + "/child";
  CommandResult r;
  Status s = RunArgv({"sh", "-c", "sleep 30 & echo $! > " + pidfile + "; wait"}, &r, 300);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
  EXPECT_NE(s.message().find("timed out"), std::string::npos);
  pid_t child = 0;
  std::ifstream(pidfile) >> child;
  ASSERT_GT(child, 0);
  // The grandchild was in the group: killed too (reaped by init, or a zombie briefly).
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {
    std::ifstream stat("/proc/" + std::to_string(child) + "/stat");
    std::string pid, comm, state;
    gone = !(stat >> pid >> comm >> state) || state == "Z";
    if (!gone) usleep(10000);
  }
  EXPECT_TRUE(gone);
  std::remove(pidfile.c_str());
  rmdir(dir);
}

TEST(ProcessRunnerTest, ACommandThatClosesItsOutputAndHangsStillTimesOut) {
  CommandResult r;
  Status s = RunArgv({"sh", "-c", "exec >&- 2>&-; sleep 30"}, &r, 300);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
}

TEST(ProcessRunnerTest, EndlessOutputIsCutAtTheLimit) {
  CommandResult r;
  ASSERT_TRUE(RunArgv({"head", "-c", std::to_string(kMaxCommandOutputBytes + 4096), "/dev/zero"}, &r).ok());
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.out.size(), kMaxCommandOutputBytes);
}

TEST(ProcessRunnerTest, TheCommandDoesNotInheritBlockedSignals) {
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  CommandResult r;
  Status s = RunArgv({"sh", "-c", "kill -TERM $$; sleep 5"}, &r);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.signal, SIGTERM);
}

TEST(ObservedRunnerTest, TheObserverSeesEveryCommandAndItsResult) {
  ProcessRunner inner;
  std::vector<std::string> seen;
  ObservedRunner runner(&inner, [&](const Command& c, const CommandResult& r, const Status& s) {
    seen.push_back(CommandLine(c.argv) + " -> " + (s.ok() ? std::to_string(r.exit_code) : s.ToString()));
  });
  Command a;
  a.argv = {"true"};
  Command b;
  b.argv = {"lvupdate-no-such-command", "x y"};
  CommandResult r;
  EXPECT_TRUE(runner.Run(a, &r).ok());
  EXPECT_FALSE(runner.Run(b, &r).ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], "true -> 0");
  EXPECT_EQ(seen[1], "lvupdate-no-such-command 'x y' -> Not found: lvupdate-no-such-command: not found on PATH");
}

}  // namespace
}  // namespace lvu::drivers::aix
