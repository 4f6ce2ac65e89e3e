// Fault injection: fail and transient statuses, crash faults ending the
// process, and counts decremented durably before a fault takes effect.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/sim/fault_store.h"
#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::InitSim;
using testing::OpenSim;
using testing::ReadAll;
using testing::TempHome;

using Phase = FaultPoint::Phase;
using When = FaultPoint::When;

TEST(FaultTest, FailFiresBeforeTheStepTimesTimes) {
  TempHome home;
  auto sim = InitSim(home.path());
  ASSERT_TRUE(sim->AddFault({"disk.assign", FaultKind::kFail, Phase::kApply, 2}).ok());
  FaultPoint& fp = sim->faults();
  EXPECT_TRUE(fp.Hit("disk.assign", Phase::kApply, When::kAfter).ok());        // wrong moment
  EXPECT_TRUE(fp.Hit("disk.assign", Phase::kCompensate, When::kBefore).ok());  // wrong phase
  EXPECT_TRUE(fp.Hit("path.split", Phase::kApply, When::kBefore).ok());        // wrong step
  Status s = fp.Hit("disk.assign", Phase::kApply, When::kBefore);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_EQ(s.message(), "injected failure at disk.assign");
  std::vector<Fault> faults;
  ASSERT_TRUE(sim->ListFaults(&faults).ok());
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].times, 1);
  EXPECT_EQ(fp.Hit("disk.assign", Phase::kApply, When::kBefore).code(), Status::Code::kFailed);
  EXPECT_TRUE(fp.Hit("disk.assign", Phase::kApply, When::kBefore).ok());  // spent
  ASSERT_TRUE(sim->ListFaults(&faults).ok());
  EXPECT_TRUE(faults.empty());
}

TEST(FaultTest, TransientIsRetryable) {
  TempHome home;
  auto sim = InitSim(home.path());
  ASSERT_TRUE(sim->AddFault({"hmc.reserve", FaultKind::kTransient, Phase::kApply, 1}).ok());
  Status s = sim->faults().Hit("hmc.reserve", Phase::kApply, When::kBefore);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
  EXPECT_NE(s.message().find("hmc.reserve"), std::string::npos);
  EXPECT_TRUE(sim->faults().Hit("hmc.reserve", Phase::kApply, When::kBefore).ok());
}

TEST(FaultTest, CompensatePhaseFaults) {
  TempHome home;
  auto sim = InitSim(home.path());
  ASSERT_TRUE(sim->AddFault({"path.split", FaultKind::kFail, Phase::kCompensate, 1}).ok());
  EXPECT_TRUE(sim->faults().Hit("path.split", Phase::kApply, When::kBefore).ok());
  Status s = sim->faults().Hit("path.split", Phase::kCompensate, When::kBefore);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("path.split (compensate)"), std::string::npos) << s.message();
}

TEST(FaultTest, FaultsAreDurableAndCanBeCleared) {
  TempHome home;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->AddFault({"a", FaultKind::kCrashAfter, Phase::kApply, 3}).ok());
    ASSERT_TRUE(sim->AddFault({"b", FaultKind::kTransient, Phase::kCompensate, 1}).ok());
    EXPECT_TRUE(sim->AddFault({"", FaultKind::kFail, Phase::kApply, 1}).IsInvalidArgument());
    EXPECT_TRUE(sim->AddFault({"c", FaultKind::kFail, Phase::kApply, 0}).IsInvalidArgument());
  }
  auto sim = OpenSim(home.path());
  std::vector<Fault> faults;
  ASSERT_TRUE(sim->ListFaults(&faults).ok());
  ASSERT_EQ(faults.size(), 2u);
  EXPECT_EQ(faults[0].step, "a");
  EXPECT_EQ(faults[0].kind, FaultKind::kCrashAfter);
  EXPECT_EQ(faults[0].times, 3);
  EXPECT_EQ(faults[1].phase, Phase::kCompensate);
  ASSERT_TRUE(sim->ClearFaults().ok());
  auto again = OpenSim(home.path());
  ASSERT_TRUE(again->ListFaults(&faults).ok());
  EXPECT_TRUE(faults.empty());
}

TEST(FaultTest, KindNamesRoundTrip) {
  for (FaultKind k : {FaultKind::kFail, FaultKind::kTransient, FaultKind::kCrashBefore,
                      FaultKind::kCrashAfter, FaultKind::kCrashRecorded}) {
    FaultKind parsed;
    ASSERT_TRUE(ParseFaultKind(FaultKindName(k), &parsed)) << FaultKindName(k);
    EXPECT_EQ(parsed, k);
  }
  EXPECT_STREQ(FaultKindName(FaultKind::kCrashBefore), "crash-before");
  FaultKind k;
  EXPECT_FALSE(ParseFaultKind("hang", &k));
  Phase p = Phase::kApply;
  ASSERT_TRUE(ParseFaultPhase("compensate", &p));
  EXPECT_EQ(p, Phase::kCompensate);
  EXPECT_STREQ(FaultPhaseName(Phase::kApply), "apply");
  EXPECT_FALSE(ParseFaultPhase("undo", &p));
}

// Forks a child that opens the world and hits the fault point; returns the
// child's exit status (waitpid's).
int HitInChild(const std::string& home, const std::string& step, When when, int exit_code) {
  pid_t pid = ::fork();
  if (pid == 0) {
    SimOptions options;
    options.crash_exit_code = exit_code;
    std::unique_ptr<SimSystem> sim;
    if (!SimSystem::Open(home, options, &sim).ok()) ::_exit(2);
    Status s = sim->faults().Hit(step, Phase::kApply, when);
    ::_exit(s.ok() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

TEST(FaultTest, CrashBeforeEndsTheProcessAndDoesNotFireAgain) {
  TempHome home;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->AddFault({"lpar.boot_surrogate", FaultKind::kCrashBefore, Phase::kApply, 1}).ok());
  }
  int status = HitInChild(home.path(), "lpar.boot_surrogate", When::kAfter, 86);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);  // crash-before does not fire after the step
  status = HitInChild(home.path(), "lpar.boot_surrogate", When::kBefore, 86);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 86);
  // The decrement reached the disk before the crash: on resume it is gone.
  auto sim = OpenSim(home.path());
  std::vector<Fault> faults;
  ASSERT_TRUE(sim->ListFaults(&faults).ok());
  EXPECT_TRUE(faults.empty()) << ReadAll(home.path() + "/sim/faults.json");
  status = HitInChild(home.path(), "lpar.boot_surrogate", When::kBefore, 86);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(FaultTest, CrashAfterUsesTheConfiguredExitCodeAndCountsDown) {
  TempHome home;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->AddFault({"disk.assign", FaultKind::kCrashAfter, Phase::kApply, 2}).ok());
  }
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kBefore, 77)), 0);
  int status = HitInChild(home.path(), "disk.assign", When::kAfter, 77);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 77);
  {
    auto sim = OpenSim(home.path());
    std::vector<Fault> faults;
    ASSERT_TRUE(sim->ListFaults(&faults).ok());
    ASSERT_EQ(faults.size(), 1u);
    EXPECT_EQ(faults[0].times, 1);
  }
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kAfter, 77)), 77);
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kAfter, 77)), 0);
}

TEST(FaultTest, CrashRecordedFiresOnlyOnceTheResultIsJournaled) {
  TempHome home;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->AddFault({"disk.assign", FaultKind::kCrashRecorded, Phase::kApply, 1}).ok());
  }
  EXPECT_STREQ(FaultKindName(FaultKind::kCrashRecorded), "crash-recorded");
  EXPECT_EQ(FaultFiresAt(FaultKind::kCrashRecorded), When::kRecorded);
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kBefore, 77)), 0);
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kAfter, 77)), 0);
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kRecorded, 77)), 77);
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "disk.assign", When::kRecorded, 77)), 0);  // spent
}

TEST(FaultTest, ACrashDoesNotTouchTheWorld) {
  TempHome home;
  std::string world;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->AddFault({"x", FaultKind::kCrashBefore, Phase::kApply, 1}).ok());
    world = sim->ShowJson();
  }
  EXPECT_EQ(WEXITSTATUS(HitInChild(home.path(), "x", When::kBefore, 86)), 86);
  EXPECT_EQ(OpenSim(home.path())->ShowJson(), world);
}

}  // namespace
}  // namespace lvu::drivers::sim
