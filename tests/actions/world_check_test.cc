// The world contradicting the journal (actions/world_check.h): a step that
// would stop, delete or unmap the partition holding the workload is refused
// before anything is written, whatever the journal says; and a step the
// journal shows never started that the world shows applied is found.
#include <gtest/gtest.h>

#include "actions/engine/plan.h"
#include "actions/engine/world_check.h"
#include "replay/fold.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

using journal::Direction;

int IndexOf(const Plan& p, const std::string& name) {
  for (size_t i = 0; i < p.size(); i++) {
    if (name == p[i]->name()) return static_cast<int>(i);
  }
  return -1;
}

class WorldCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ctx_.sys = &lab_.sim();
    ctx_.params.orig_id = 99;  // the lab's partition: it runs the workload
    ctx_.params.orig_name = "aix721534A";
    ctx_.params.new_id = 98;
    ctx_.params.nhdisk = "hdisk2";
    ctx_.params.mhdisk = "hdisk3";
    ctx_.params.move = {{"s824vio2", "vhost5", "vscsi1"}};
    ctx_.params.keep = {{"s824vio1", "vhost3", "vscsi0"}};
  }
  Step& StepNamed(const std::string& name) { return *plan_[IndexOf(plan_, name)]; }

  testing::Lab lab_;
  Plan plan_ = MakeUpdatePlan();
  StepContext ctx_;
};

TEST_F(WorldCheckTest, StepsThatWouldStopTheWorkloadsPartitionAreRefused) {
  // Forward steps past the point of no return aim at the original: while it
  // runs the workload (the journal is behind), they must not act.
  for (const char* name : {"lpar.shutdown_original", "lpar.delete_original", "path.restore"}) {
    Status s = GuardWorkload(StepNamed(name), ctx_, Direction::kForward);
    EXPECT_TRUE(s.IsConflict()) << name << ": " << s.ToString();
    EXPECT_NE(s.message().find("partition 99 (aix721534A)"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("running on it"), std::string::npos) << s.message();
  }
  // Steps that do not endanger it pass.
  for (const char* name : {"hmc.reserve", "disk.clone_rootvg", "path.split", "workload.checkpoint"}) {
    EXPECT_TRUE(GuardWorkload(StepNamed(name), ctx_, Direction::kForward).ok()) << name;
  }
}

TEST_F(WorldCheckTest, UndosThatWouldStopTheSurrogateRunningTheWorkloadAreRefused) {
  // The world as after the restart: the workload runs on partition 98.
  ctx_.params.new_id = 99;  // the partition that holds it, as the surrogate
  ctx_.params.orig_id = 97;
  for (const char* name : {"lpar.create_surrogate", "lpar.boot_surrogate", "disk.assign", "disk.mirror_rootvg",
                           "disk.clone_rootvg", "ifix.apply_clone", "workload.checkpoint"}) {
    Status s = GuardWorkload(StepNamed(name), ctx_, Direction::kCompensate);
    EXPECT_TRUE(s.IsConflict()) << name << ": " << s.ToString();
    EXPECT_NE(s.message().find("the undo of step " + std::string(name)), std::string::npos) << s.message();
    // Applied forward, they are what the update does.
    EXPECT_TRUE(GuardWorkload(StepNamed(name), ctx_, Direction::kForward).ok()) << name;
  }
  // Undoing the reservation or the rename stops nothing.
  EXPECT_TRUE(GuardWorkload(StepNamed("hmc.reserve"), ctx_, Direction::kCompensate).ok());
  EXPECT_TRUE(GuardWorkload(StepNamed("lpar.rename_original"), ctx_, Direction::kCompensate).ok());
}

TEST_F(WorldCheckTest, AFrozenWorkloadIsProtectedToo) {
  lab_.EditWorld([](drivers::sim::World* w) { w->FindLpar(99)->workload = "frozen"; });
  ctx_.sys = &lab_.sim();
  Status s = GuardWorkload(StepNamed("lpar.shutdown_original"), ctx_, Direction::kForward);
  EXPECT_TRUE(s.IsConflict()) << s.ToString();
  EXPECT_NE(s.message().find("frozen on it"), std::string::npos) << s.message();
}

TEST_F(WorldCheckTest, AStepAppliedInTheWorldButNeverStartedInTheJournalIsFound) {
  // The journal: validate done, nothing else started. The world: partition
  // 99 renamed, as lpar.rename_original does.
  replay::OperationState st;
  st.started = true;
  for (const auto& n : StepNames(plan_)) {
    replay::StepStatus step;
    step.name = n;
    st.steps.push_back(step);
  }
  st.steps[0].state = replay::StepState::kDone;
  std::vector<Unrecorded> found;
  ASSERT_TRUE(FindUnrecorded(plan_, st, ctx_, &found).ok());
  EXPECT_TRUE(found.empty()) << found.front().name;
  lab_.EditWorld([](drivers::sim::World* w) { w->FindLpar(99)->name = "aix721534A_lku0"; });
  ctx_.sys = &lab_.sim();
  ASSERT_TRUE(FindUnrecorded(plan_, st, ctx_, &found).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "lpar.rename_original");
  EXPECT_EQ(found[0].effect, "partition 99 is named aix721534A_lku0");
  Status c = UnrecordedConflict("OP", found);
  EXPECT_TRUE(c.IsConflict());
  EXPECT_NE(c.message().find("step 6 lpar.rename_original is applied (partition 99 is named aix721534A_lku0)"),
            std::string::npos)
      << c.message();
  // Before validate is done the parameters are unknown, and nothing was changed.
  st.steps[0].state = replay::StepState::kInFlight;
  ASSERT_TRUE(FindUnrecorded(plan_, st, ctx_, &found).ok());
  EXPECT_TRUE(found.empty());
}

}  // namespace
}  // namespace lvu::actions
