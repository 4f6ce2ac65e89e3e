// An operation interrupted by lvupdate 0.1.0 is finished, or undone, by this
// one (tests/data/README.md): the recorded plan drives it, its journal (no
// high-water mark yet) opens, and the world ends updated, original or
// reverted, the workload running on exactly one partition.
#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

class CompatTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const std::string tar = std::string(LVU_SOURCE_DIR) + "/tests/data/home-0.1.0-" + GetParam() + ".tar.gz";
    ASSERT_EQ(std::system(("tar -C " + home() + " -xzf " + tar).c_str()), 0) << tar;
    nlohmann::json st = StatusJson(home());
    ASSERT_EQ(st["status"], "interrupted") << st.dump();
    ProcResult v = Lvupdate(home(), {"journal", "verify"});
    ASSERT_EQ(v.exit_code, 0) << v.out;
  }
  const std::string& home() const { return home_.path(); }
  bool PastPonr() const { return std::string(GetParam()) == "past-ponr"; }
  TempHome home_;
};

TEST_P(CompatTest, ResumeFinishesIt) {
  ProcResult r = Lvupdate(home(), {"resume"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json w = World(home());
  EXPECT_EQ(NotUpdated(w), "");
  EXPECT_EQ(WorkloadRunningOn(w), std::vector<int>{98});
  nlohmann::json st = StatusJson(home());
  EXPECT_EQ(st["status"], "completed");
  // Its clock readings span both versions' forms ("clock_s" in params, then clockS).
  EXPECT_EQ(st["blackout_s"], 27);
  EXPECT_GT(st["total_s"].get<int>(), 600);
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  // The journal now keeps a high-water mark.
  EXPECT_FALSE(ReadFile(home() + "/journal/HIGHWATER").empty());
}

TEST_P(CompatTest, RollbackUndoesOrRevertsIt) {
  ProcResult r = Lvupdate(home(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json w = World(home());
  EXPECT_EQ(WorkloadRunningOn(w).size(), 1u);
  if (PastPonr()) {
    EXPECT_EQ(NotReverted(w), "");
    EXPECT_EQ(StatusJson(home())["status"], "reverted");
  } else {
    EXPECT_EQ(WorkloadRunningOn(w), std::vector<int>{99});
    EXPECT_EQ(StatusJson(home())["status"], "rolled_back");
    EXPECT_EQ(w["managed_system"]["reservation"].value("present", false), false);
    EXPECT_EQ(w["lpars"].size(), 1u);
  }
  ProcResult v = Lvupdate(home(), {"journal", "verify"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

INSTANTIATE_TEST_SUITE_P(Version010, CompatTest, ::testing::Values("before-ponr", "past-ponr"),
                         [](const ::testing::TestParamInfo<const char*>& i) {
                           return std::string(i.param) == "past-ponr" ? "PastPonr" : "BeforePonr";
                         });

}  // namespace
}  // namespace lvu::testing
