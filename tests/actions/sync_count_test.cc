// The executor's durability budget (DESIGN.md, docs/performance.md): a clean
// live update syncs the journal once per step (each step's intent, which
// carries the unsynced results before it) plus once for opFinished. A change
// that adds a sync to the hot path, or drops an intent's, fails here.
#include <gtest/gtest.h>

#include <memory>

#include "actions/engine/plan.h"
#include "journal/journal.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

TEST(SyncCountTest, CleanRunSyncsOncePerStepPlusTheEnd) {
  testing::Lab lab;
  lab.Authenticate();
  OpResult r;
  uint64_t syncs = 0;
  Status s = lab.Run(&r, &syncs);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(r.ending, Ending::kCompleted) << r.reason;
  const uint64_t steps = MakeUpdatePlan().size();
  EXPECT_EQ(syncs, steps + 1);
  // Every stepIntent was synced and is in the journal: one per step.
  std::unique_ptr<journal::Journal> j;
  ASSERT_TRUE(journal::Journal::Open(lab.home() + "/journal", journal::Journal::Mode::kReadOnly, &j).ok());
  std::vector<journal::Event> events;
  ASSERT_TRUE(j->ReadOp(r.op_id, &events).ok());
  uint64_t intents = 0;
  for (const auto& e : events) intents += e.kind == journal::EventKind::kStepIntent;
  EXPECT_EQ(intents, steps);
}

TEST(SyncCountTest, FailedValidationSyncsItsIntentAndTheEnd) {
  testing::Lab lab;  // not authenticated: the HMC check fails
  OpResult r;
  uint64_t syncs = 0;
  ASSERT_TRUE(lab.Run(&r, &syncs).ok());
  ASSERT_EQ(r.ending, Ending::kFailedValidation) << r.reason;
  EXPECT_EQ(syncs, 2u);
}

}  // namespace
}  // namespace lvu::actions
