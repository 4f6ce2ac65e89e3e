// The plans' declarations (actions/plan.h): the point of no return is the
// step that declares it, wherever it stands, and an operation is driven by the
// plan it was recorded with, rebuilt by name.
#include <gtest/gtest.h>

#include "actions/engine/plan.h"
#include "replay/decide.h"
#include "replay/fold.h"

namespace lvu::actions {
namespace {

class FakeStep : public Step {
 public:
  FakeStep(const char* name, bool ponr) : name_(name), ponr_(ponr) {}
  const char* name() const override { return name_; }
  Status Apply(StepContext&, StepOutput*) override { return Status::OK(); }
  Status Probe(StepContext&, bool* applied) override {
    *applied = false;
    return Status::OK();
  }
  bool IsPointOfNoReturn() const override { return ponr_; }

 private:
  const char* name_;
  bool ponr_;
};

TEST(PlanTest, ThePointOfNoReturnIsTheStepThatDeclaresIt) {
  Plan update = MakeUpdatePlan();
  const int ponr = PointOfNoReturnStep(update);
  ASSERT_GE(ponr, 0);
  EXPECT_STREQ(update[ponr]->name(), "workload.restart");
  EXPECT_EQ(PointOfNoReturnStep(MakeRevertPlan()), -1);

  // A step inserted before it moves it with it: nothing is counted by position.
  Plan longer = MakeUpdatePlan();
  longer.insert(longer.begin() + 2, std::make_unique<FakeStep>("test.extra", false));
  EXPECT_EQ(PointOfNoReturnStep(longer), ponr + 1);
  EXPECT_STREQ(longer[ponr + 1]->name(), "workload.restart");

  // A plan whose third step declares it: Decide goes forward only once that step is done.
  Plan p;
  p.push_back(std::make_unique<FakeStep>("a", false));
  p.push_back(std::make_unique<FakeStep>("b", false));
  p.push_back(std::make_unique<FakeStep>("c", true));
  p.push_back(std::make_unique<FakeStep>("d", false));
  replay::Policy policy;
  policy.ponr_step = PointOfNoReturnStep(p);
  ASSERT_EQ(policy.ponr_step, 2);
  replay::OperationState st;
  st.started = true;
  for (const auto& n : StepNames(p)) {
    replay::StepStatus s;
    s.name = n;
    st.steps.push_back(s);
  }
  st.steps[0].state = st.steps[1].state = replay::StepState::kDone;
  EXPECT_FALSE(replay::ForwardOnly(st, policy));
  st.steps[2].state = replay::StepState::kDone;
  EXPECT_TRUE(replay::ForwardOnly(st, policy));
  EXPECT_EQ(replay::Decide(st, policy).kind, replay::Move::Kind::kMarkPointOfNoReturn);
}

TEST(PlanTest, ARecordedPlanIsRebuiltByNameAndAnUnknownStepNamed) {
  Plan p;
  std::vector<std::string> names = {"validate", "hmc.reserve", "revert.bootlist", "apps.notify_complete"};
  ASSERT_TRUE(PlanFromNames(names, &p).ok());
  EXPECT_EQ(StepNames(p), names);
  Status s = PlanFromNames({"validate", "disk.defrag"}, &p);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("step 2 of the recorded plan, 'disk.defrag'"), std::string::npos) << s.message();
  for (const auto& n : StepNames(MakeUpdatePlan())) EXPECT_TRUE(KnownStep(n)) << n;
  for (const auto& n : StepNames(MakeRevertPlan())) EXPECT_TRUE(KnownStep(n)) << n;
  EXPECT_FALSE(KnownStep("disk.defrag"));
}

}  // namespace
}  // namespace lvu::actions
