// Signals during an operation (issue: storage faults, finding 3): SIGINT,
// SIGTERM, SIGHUP and SIGQUIT stop the operation at its next safe point
// (after the step in flight; inside the blackout only once the workload runs
// again), journal why (a stopped event), print the next commands and exit 5;
// a second signal repeats where it will stop; a closed standard output never
// interrupts it. After each: the workload runs on exactly one partition, the
// journal verifies, and resume or rollback finish the job.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/support/lvu_process.h"

extern char** environ;

namespace lvu::testing {
namespace {

class SignalsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(home()).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  std::vector<std::string> RunArgs() const { return {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}; }

  // The stopped events of the newest operation, as JSON lines.
  std::vector<nlohmann::json> Stops() {
    ProcResult r = Lvupdate(home(), {"journal", "events", "--kind", "stopped", "--json"});
    std::vector<nlohmann::json> out;
    size_t at = 0;
    while (at < r.out.size()) {
      size_t nl = r.out.find('\n', at);
      std::string line = r.out.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
    return out;
  }
  void ExpectInterruptedAndSafe() {
    EXPECT_EQ(StatusJson(home())["status"], "interrupted");
    nlohmann::json w = World(home());
    EXPECT_EQ(WorkloadRunningOn(w).size(), 1u) << w["lpars"].dump();
    for (const auto& l : w["lpars"]) EXPECT_NE(l["workload"], "frozen") << l.dump();
    ProcResult v = Lvupdate(home(), {"journal", "verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out;
  }
  void ExpectResumeCompletes() {
    ProcResult r = Lvupdate(home(), {"resume"});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(NotUpdated(World(home())), "");
  }

  TempHome home_;
};

TEST_F(SignalsTest, SignalStopsBeforeTheNextStepAndResumeFinishes) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "path.split", "--kind", "signal"}).exit_code, 0);
  ProcResult r = Lvupdate(home(), RunArgs());
  ASSERT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("SIGINT received"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Stopped before step 9 disk.assign at the operator's request (SIGINT)."), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("lvupdate resume"), std::string::npos) << r.out;
  std::vector<nlohmann::json> stops = Stops();
  ASSERT_EQ(stops.size(), 1u);
  EXPECT_EQ(stops[0]["stopped"]["signal"], "SIGINT");
  EXPECT_EQ(stops[0]["stopped"]["where"], "before step 9 disk.assign");
  ExpectInterruptedAndSafe();
  EXPECT_EQ(StatusJson(home())["steps"][8]["state"], "pending");
  // The journal alone reproduces it, the stop included.
  ProcResult rep = Lvupdate(home(), {"replay", "--against-sim"});
  EXPECT_EQ(rep.exit_code, 0) << rep.out;
  ExpectResumeCompletes();
}

// Asked to stop inside the blackout (the workload frozen), the operation goes
// on until the workload runs again on the surrogate: no frozen workload is
// ever left for someone to find.
TEST_F(SignalsTest, InsideTheBlackoutItStopsOnceTheWorkloadRunsAgain) {
  ASSERT_EQ(Lvupdate(home(), {"sim", "fault", "add", "workload.checkpoint", "--kind", "signal"}).exit_code, 0);
  ProcResult r = Lvupdate(home(), RunArgs());
  ASSERT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("once the workload runs again"), std::string::npos) << r.out;
  std::vector<nlohmann::json> stops = Stops();
  ASSERT_EQ(stops.size(), 1u);
  EXPECT_EQ(stops[0]["stopped"]["where"], "before step 15 lpar.shutdown_original");
  ExpectInterruptedAndSafe();
  EXPECT_EQ(WorkloadRunningOn(World(home())), std::vector<int>{98});
  ProcResult rep = Lvupdate(home(), {"replay", "--against-sim"});
  EXPECT_EQ(rep.exit_code, 0) << rep.out;
  ProcResult rb = Lvupdate(home(), {"rollback"});  // past the point of no return: finish, then revert
  ASSERT_EQ(rb.exit_code, 0) << rb.out;
  EXPECT_EQ(NotReverted(World(home())), "");
}

// A real Ctrl-C inside the blackout: a LVUP_PRE_KERNEL script (it runs while
// the workload is frozen) sends SIGINT to lvupdate.
TEST_F(SignalsTest, RealSigintFromInsideTheBlackout) {
  const std::string script = home() + "/ctrl_c.sh";
  WriteFile(script, "#!/bin/sh\nkill -INT $PPID\nexit 0\n");
  ASSERT_EQ(::chmod(script.c_str(), 0755), 0);
  ProcResult reg = Lvupdate(home(), {"regscript", "-a", "-n", "ctrlc", "-s", script, "-d", "orig", "-P",
                                     "LVUP_PRE_KERNEL", "-p", "5"});
  ASSERT_EQ(reg.exit_code, 0) << reg.out;
  ProcResult r = Lvupdate(home(), RunArgs());
  ASSERT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("SIGINT received"), std::string::npos) << r.out;
  std::vector<nlohmann::json> stops = Stops();
  ASSERT_EQ(stops.size(), 1u);
  EXPECT_EQ(stops[0]["stopped"]["where"], "before step 15 lpar.shutdown_original");
  ExpectInterruptedAndSafe();
  ExpectResumeCompletes();
}

// Each of the four signals, sent by another process while the run goes.
class EverySignalTest : public SignalsTest, public ::testing::WithParamInterface<int> {};

TEST_P(EverySignalTest, StopsAtASafePointWithExit5) {
  const std::string out = home() + "/run.out";
  std::vector<std::string> args = {"--speed", "100"};
  for (const auto& a : RunArgs()) args.push_back(a);
  int pid = SpawnLvupdate(home(), args, out);
  ASSERT_GT(pid, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ASSERT_EQ(::kill(pid, GetParam()), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(pid, GetParam());  // a second signal: said again, nothing else
  int code = WaitExit(pid);
  std::string text = ReadFile(out);
  ASSERT_EQ(code, 5) << text;
  EXPECT_NE(text.find(" received: the operation stops "), std::string::npos) << text;
  EXPECT_NE(text.find(" received again: the operation stops "), std::string::npos) << text;
  EXPECT_NE(text.find("at the operator's request"), std::string::npos) << text;
  ExpectInterruptedAndSafe();
  ExpectResumeCompletes();
}

INSTANTIATE_TEST_SUITE_P(Signals, EverySignalTest, ::testing::Values(SIGINT, SIGTERM, SIGHUP, SIGQUIT),
                         [](const ::testing::TestParamInfo<int>& i) { return std::string(sigabbrev_np(i.param)); });

// `lvupdate run ... | head -3`: the reader goes away; the update does not.
// Here the pipe's read end is closed before lvupdate writes a line, and
// standard output is closed altogether in the second run.
int SpawnWithStdout(const std::string& home, const std::vector<std::string>& args, int stdout_fd,
                    const std::string& err_file) {
  std::vector<std::string> argv = {LVU_BINARY, "--home", home, "--speed", "max"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&fa, stdout_fd, 1);
  } else {
    posix_spawn_file_actions_addclose(&fa, 1);
  }
  posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, cargv[0], &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

TEST_F(SignalsTest, ClosedPipeNeverInterruptsTheUpdate) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);  // nobody reads: every write gets EPIPE (and SIGPIPE)
  int pid = SpawnWithStdout(home(), RunArgs(), fds[1], home() + "/err");
  ::close(fds[1]);
  ASSERT_GT(pid, 0);
  EXPECT_EQ(WaitExit(pid), 0) << ReadFile(home() + "/err");
  EXPECT_EQ(NotUpdated(World(home())), "");
  EXPECT_EQ(StatusJson(home())["status"], "completed");
}

TEST_F(SignalsTest, ClosedStdoutNeverInterruptsNorCorruptsTheJournal) {
  int pid = SpawnWithStdout(home(), RunArgs(), -1, home() + "/err");
  ASSERT_GT(pid, 0);
  EXPECT_EQ(WaitExit(pid), 0) << ReadFile(home() + "/err");
  EXPECT_EQ(NotUpdated(World(home())), "");
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

}  // namespace
}  // namespace lvu::testing
