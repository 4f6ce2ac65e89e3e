// Crash tests: for every step of the plan and each of crash-before (intent
// durable, world unchanged) / crash-after (world changed, no result) /
// crash-recorded (result journaled, next intent not yet), the real binary is
// killed at that point (the simulator's crash
// fault calls _exit), then recovered with `resume` or `rollback`, and the final
// world is checked: exactly the updated world, exactly the original (but for
// clock and errlog), or the reverted one. The same with a second crash
// injected into the recovery itself. Then `replay --against-sim` re-runs the
// operation's sessions on a fresh lab from its journal alone and must find
// the same events (the newest operation: a revert is replayed with its update).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

constexpr int kCrashExit = 86;
constexpr int kPonrStep = 13;  // workload.restart

const std::vector<std::string>& Steps() {
  static const std::vector<std::string> s = {
      "validate", "hmc.reserve", "apps.notify_check", "disk.clone_rootvg", "ifix.apply_clone",
      "lpar.rename_original", "lpar.create_surrogate", "path.split", "disk.assign",
      "lpar.boot_surrogate", "disk.mirror_rootvg", "apps.notify_pre", "workload.checkpoint",
      "workload.restart", "lpar.shutdown_original", "lpar.delete_original", "path.restore",
      "bootlist.set", "apps.notify_complete"};
  return s;
}

// Steps whose compensation changes the world (a crash can be injected there).
bool Compensable(int i) {
  const std::string& n = Steps()[i];
  return n == "hmc.reserve" || n == "disk.clone_rootvg" || n == "ifix.apply_clone" ||
         n == "lpar.rename_original" || n == "lpar.create_surrogate" || n == "path.split" ||
         n == "disk.assign" || n == "lpar.boot_surrogate" || n == "disk.mirror_rootvg" ||
         n == "workload.checkpoint";
}

struct Scenario {
  int step;
  std::string kind;  // crash-before | crash-after | crash-recorded
};

void PrintTo(const Scenario& s, std::ostream* os) { *os << Steps()[s.step] << " " << s.kind; }

std::string Name(const ::testing::TestParamInfo<Scenario>& info) {
  std::string n = Steps()[info.param.step] + "_" + info.param.kind;
  for (auto& c : n) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
}

class CrashTest : public ::testing::TestWithParam<Scenario> {
 protected:
  // sim init, remember the world, inject the crash, run: the run must crash.
  void CrashRun() {
    ASSERT_EQ(InitLab(home_.path()).exit_code, 0);
    before_ = World(home_.path());
    ASSERT_EQ(Lvupdate(home_.path(), {"sim", "fault", "add", step(), "--kind", GetParam().kind}).exit_code, 0);
    ProcResult r = Lvupdate(home_.path(), {"run", "-d", home_.path() + "/fixes", "dummy.150813.epkg.Z"});
    ASSERT_EQ(r.exit_code, kCrashExit) << r.out;
    EXPECT_EQ(StatusJson(home_.path())["status"], "interrupted");
    ExpectJournalVerifies();
  }
  // Every crash leaves a journal that verifies (DESIGN.md, invariant 4).
  void ExpectJournalVerifies() {
    ProcResult v = Lvupdate(home_.path(), {"journal", "verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out;
  }
  const std::string& step() const { return Steps()[GetParam().step]; }
  // The second crash, in the recovery: after the world change, or, in the
  // crash-recorded scenarios, after its result is journaled.
  const char* SecondKind() const { return GetParam().kind == "crash-recorded" ? "crash-recorded" : "crash-after"; }
  // Whether the world already shows the point of no return after the crash.
  bool PastPonr() const {
    int i = GetParam().step;
    return i > kPonrStep || (i == kPonrStep && GetParam().kind != "crash-before");
  }
  // The journal's story, re-run on a fresh lab with the faults it shows, gives
  // the same events (`replay --against-sim`; for a revert, its update too).
  void ExpectReplayed() {
    ProcResult r = Lvupdate(home_.path(), {"replay", "--against-sim"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }
  void ExpectOriginal() {
    ExpectJournalVerifies();
    nlohmann::json after = World(home_.path());
    EXPECT_EQ(WithoutClockAndErrlog(after).dump(2), WithoutClockAndErrlog(before_).dump(2));
    EXPECT_EQ(StatusJson(home_.path())["status"], "rolled_back");
    ExpectReplayed();
  }
  void ExpectUpdated() {
    ExpectJournalVerifies();
    EXPECT_EQ(NotUpdated(World(home_.path())), "");
    EXPECT_EQ(StatusJson(home_.path())["status"], "completed");
    ExpectReplayed();
  }
  void ExpectReverted() {
    ExpectJournalVerifies();
    EXPECT_EQ(NotReverted(World(home_.path())), "");
    EXPECT_EQ(StatusJson(home_.path())["status"], "reverted");
    ExpectReplayed();
  }
  void ExpectRollbackResult() {
    if (PastPonr()) ExpectReverted();
    else ExpectOriginal();
  }

  TempHome home_;
  nlohmann::json before_;
};

TEST_P(CrashTest, ResumeFinishesTheUpdate) {
  CrashRun();
  ProcResult r = Lvupdate(home_.path(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ExpectUpdated();
}

TEST_P(CrashTest, RollbackRestoresOriginalOrReverts) {
  CrashRun();
  ProcResult r = Lvupdate(home_.path(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ExpectRollbackResult();
}

TEST_P(CrashTest, SecondCrashDuringResume) {
  CrashRun();
  // Crash again at the last step (after it changed the world), then resume again.
  ASSERT_EQ(Lvupdate(home_.path(), {"sim", "fault", "add", "apps.notify_complete", "--kind", SecondKind()}).exit_code, 0);
  ProcResult r = Lvupdate(home_.path(), {"resume"});
  if (step() == "apps.notify_complete" && GetParam().kind == "crash-recorded") {
    // Every step is recorded done: the resume only finishes, nothing to crash in.
    ASSERT_EQ(r.exit_code, 0) << r.out;
    ExpectUpdated();
    return;
  }
  ASSERT_EQ(r.exit_code, kCrashExit) << r.out;
  r = Lvupdate(home_.path(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ExpectUpdated();
}

// Scenarios whose rollback undoes at least one world change, so that a crash
// can be injected into it.
class CrashRollbackTest : public CrashTest {
 public:
  static int Target(const Scenario& s) {
    int target = s.step - (s.kind == "crash-before" ? 1 : 0);
    while (target >= 0 && !Compensable(target)) target--;
    return target;
  }
};

TEST_P(CrashRollbackTest, SecondCrashDuringRollback) {
  CrashRun();
  if (PastPonr()) {
    // Recovery goes forward then reverts: crash in the revert's reboot.
    ASSERT_EQ(Lvupdate(home_.path(), {"sim", "fault", "add", "revert.reboot", "--kind", SecondKind()}).exit_code, 0);
  } else {
    // Crash while undoing the last step that is undone by a world change.
    int target = Target(GetParam());
    ASSERT_GE(target, 0);
    ASSERT_EQ(Lvupdate(home_.path(), {"sim", "fault", "add", Steps()[target], "--kind", SecondKind(),
                                      "--phase", "compensate"}).exit_code, 0);
  }
  ProcResult r = Lvupdate(home_.path(), {"rollback"});
  ASSERT_EQ(r.exit_code, kCrashExit) << r.out;
  EXPECT_EQ(StatusJson(home_.path())["status"], "interrupted");
  r = Lvupdate(home_.path(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ExpectRollbackResult();
}

std::vector<Scenario> AllScenarios() {
  std::vector<Scenario> v;
  for (int i = 0; i < static_cast<int>(Steps().size()); i++) {
    v.push_back({i, "crash-before"});
    v.push_back({i, "crash-after"});
    v.push_back({i, "crash-recorded"});
  }
  return v;
}

std::vector<Scenario> ScenariosWithUndo() {
  std::vector<Scenario> v;
  for (const auto& s : AllScenarios()) {
    if (s.step >= kPonrStep || CrashRollbackTest::Target(s) >= 0) v.push_back(s);
  }
  return v;
}

INSTANTIATE_TEST_SUITE_P(EveryStep, CrashTest, ::testing::ValuesIn(AllScenarios()), Name);
INSTANTIATE_TEST_SUITE_P(EveryStep, CrashRollbackTest, ::testing::ValuesIn(ScenariosWithUndo()), Name);

}  // namespace
}  // namespace lvu::testing
