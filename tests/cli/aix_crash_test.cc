// Crashes of an aix run over the shims (the simulator's faults fired by the
// shims: drivers/sim/shim_faults.h): lvupdate killed with SIGKILL just before
// or just after the command of a step changes the world, or of its undo
// (the run made to roll back by a failure of workload.restart); then
// `lvupdate resume` or `lvupdate rollback`, with the recorded aix driver.
// A resumed run ends in the world of the same run with the sim driver; a
// rolled back one, and every crash during a rollback, in the original
// world; the workload runs on exactly one partition throughout and nothing
// stays reserved.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <string>

#include "tests/cli/aix_over_shims.h"
#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

struct Case {
  const char* step;
  const char* kind;   // crash-before, crash-after
  const char* phase;  // apply, compensate
  bool resume;        // else rollback
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.step << " " << c.kind << " " << c.phase << (c.resume ? " resume" : " rollback");
}

std::string Name(const ::testing::TestParamInfo<Case>& i) {
  std::string n = std::string(i.param.step) + "_" + i.param.kind + "_" + i.param.phase + "_" +
                  (i.param.resume ? "resume" : "rollback");
  for (char& c : n) {
    if (c == '.' || c == '-') c = '_';
  }
  return n;
}

// The partitions holding the workload: running, or (after a crash in the
// blackout, until recovery) frozen.
int WorkloadPartitions(const nlohmann::json& world, bool frozen_too = false) {
  int n = 0;
  for (const auto& l : world["lpars"]) n += l["workload"] == "running" || (frozen_too && l["workload"] == "frozen");
  return n;
}

class AixCrashTest : public ::testing::TestWithParam<Case> {};

TEST_P(AixCrashTest, RecoveryThroughTheRealCommandsEndsInTheWorldItPromises) {
  const Case& c = GetParam();
  const bool compensate = std::string(c.phase) == "compensate";
  // The world a completed run promises: the same run with the sim driver.
  TempHome sim_home;
  nlohmann::json completed;
  if (!compensate && c.resume) {
    ASSERT_EQ(InitLab(sim_home.path()).exit_code, 0);
    ProcResult r = Lvupdate(sim_home.path(), {"run", "-d", sim_home.path() + "/fixes", "dummy.150813.epkg.Z"});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    completed = Timeless(sim_home.path());
  }
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  const nlohmann::json before = Timeless(h);
  ProcResult f = Lvupdate(h, {"sim", "fault", "add", c.step, "--kind", c.kind, "--phase", c.phase});
  ASSERT_EQ(f.exit_code, 0) << f.out;
  if (compensate) {
    f = Lvupdate(h, {"sim", "fault", "add", "workload.restart", "--kind", "fail"});
    ASSERT_EQ(f.exit_code, 0) << f.out;
  }

  ProcResult r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 128 + 9) << r.out;  // killed by the shim, mid-step
  nlohmann::json st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
  ASSERT_EQ(st["status"], "interrupted") << st.dump();
  EXPECT_EQ(WorkloadPartitions(World(h), /*frozen_too=*/true), 1);

  r = Lvupdate(h, {c.resume ? "resume" : "rollback"});
  st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
  if (!compensate && c.resume) {
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(st["status"], "completed") << st.dump();
    EXPECT_EQ(Timeless(h).dump(1), completed.dump(1)) << r.out;
  } else {
    // A resume of a rollback finishes it and reports the failure that
    // started it (exit 4); a rollback the operator asked for exits 0.
    EXPECT_EQ(r.exit_code, c.resume ? 4 : 0) << r.out;
    EXPECT_EQ(st["status"], "rolled_back") << st.dump();
    EXPECT_EQ(Timeless(h).dump(1), before.dump(1)) << r.out;
  }
  EXPECT_EQ(WorkloadPartitions(World(h)), 1);
  EXPECT_FALSE(std::filesystem::exists(h + "/aix/reservation"));
  EXPECT_EQ(st["driver"], "aix");
  ProcResult v = Lvupdate(h, {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

// The steps whose commands the shims answer, in plan order, and whether
// they have an undo a rollback runs (the steps from the restart on are past
// the point of no return: a crash there is resumed).
struct StepInfo {
  const char* name;
  bool undone;
};
constexpr StepInfo kSteps[] = {
    {"disk.clone_rootvg", true},   {"ifix.apply_clone", true},      {"lpar.rename_original", true},
    {"lpar.create_surrogate", true}, {"path.split", true},          {"disk.assign", true},
    {"lpar.boot_surrogate", true}, {"disk.mirror_rootvg", true},    {"workload.checkpoint", true},
    {"workload.restart", false},   {"lpar.shutdown_original", false}, {"lpar.delete_original", false},
    {"path.restore", false},       {"bootlist.set", false},
};

// In `make test`: before and after each step's command, resumed after a
// crash before it and, where a rollback is possible, rolled back after a
// crash after it (28 cases), and one crash in each undo, its kind and
// recovery rotating (9 cases). With LVU_AIX_CRASH_ALL=1 (`make torture`):
// before and after each step's command, resumed and (before the restart)
// rolled back, and before and after each undo, resumed and rolled back (82
// cases).
std::vector<Case> Cases() {
  const char* all = std::getenv("LVU_AIX_CRASH_ALL");
  const bool every = all != nullptr && std::string(all) == "1";
  std::vector<Case> out;
  int undo = 0;
  for (const StepInfo& s : kSteps) {
    const bool rollback_ok = s.undone && std::string(s.name) != "workload.restart";
    if (!every) {
      out.push_back({s.name, "crash-before", "apply", true});
      out.push_back({s.name, "crash-after", "apply", !rollback_ok});
      if (s.undone) {
        out.push_back({s.name, undo % 2 == 0 ? "crash-before" : "crash-after", "compensate", (undo / 2) % 2 == 0});
        ++undo;
      }
      continue;
    }
    for (const char* kind : {"crash-before", "crash-after"}) {
      out.push_back({s.name, kind, "apply", true});
      if (rollback_ok) out.push_back({s.name, kind, "apply", false});
      if (s.undone) {
        out.push_back({s.name, kind, "compensate", false});
        out.push_back({s.name, kind, "compensate", true});
      }
    }
  }
  return out;
}

// A failure injected at a step's command is the command's failure: the step
// fails with its message, the run rolls back, the world is as before.
TEST(AixFaultTest, AFailInjectedThroughTheShimsFailsTheCommand) {
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  const nlohmann::json before = Timeless(h);
  ASSERT_EQ(Lvupdate(h, {"sim", "fault", "add", "lpar.rename_original", "--kind", "fail"}).exit_code, 0);
  ProcResult r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("Step lpar.rename_original failed: `ssh"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("injected failure at lpar.rename_original"), std::string::npos) << r.out;
  EXPECT_EQ(Timeless(h).dump(), before.dump());
  ProcResult faults = Lvupdate(h, {"sim", "fault", "list"});
  EXPECT_EQ(faults.out.find("lpar.rename_original"), std::string::npos) << faults.out;  // it fired once
}

// `signal` through the shims: SIGINT reaches lvupdate while path.split's
// rmpath runs; it finishes that step, stops before disk.assign
// (interrupted, exit 5), and a resume completes the update in the world of
// a sim run.
TEST(AixFaultTest, ASignalThroughTheShimsStopsTheRunAfterItsStep) {
  TempHome sim_home;
  ASSERT_EQ(InitLab(sim_home.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(sim_home.path(), {"run", "-d", sim_home.path() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  ASSERT_EQ(Lvupdate(h, {"sim", "fault", "add", "path.split", "--kind", "signal"}).exit_code, 0);
  ProcResult r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 5) << r.out;
  EXPECT_NE(r.out.find("Stopped before step 9 disk.assign at the operator's request (SIGINT)."), std::string::npos)
      << r.out;
  nlohmann::json st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
  EXPECT_EQ(st["status"], "interrupted") << st.dump();
  EXPECT_EQ(WorkloadPartitions(World(h)), 1);
  r = Lvupdate(h, {"resume"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Timeless(h).dump(1), Timeless(sim_home.path()).dump(1));
}

INSTANTIATE_TEST_SUITE_P(EveryStepWithACommand, AixCrashTest, ::testing::ValuesIn(Cases()), Name);

}  // namespace
}  // namespace lvu::testing
