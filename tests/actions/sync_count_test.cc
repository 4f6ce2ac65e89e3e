// The executor's durability budget (DESIGN.md, docs/performance.md): a clean
// live update syncs the journal once per step (each step's intent, which
// carries the unsynced results before it) plus once for opFinished. A change
// that adds a sync to the hot path, or drops an intent's, fails here.
#include <gtest/gtest.h>

#include <memory>

#include "actions/executor.h"
#include "actions/plan.h"
#include "journal/journal.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

struct Counted {
  uint64_t syncs = 0;
  std::vector<journal::Event> events;
  OpResult result;
};

Counted RunOnce(testing::Lab& lab) {
  Counted c;
  std::unique_ptr<journal::Journal> j;
  Status s = journal::Journal::Open(lab.home() + "/journal", journal::Journal::Mode::kWrite, &j);
  EXPECT_TRUE(s.ok()) << s.ToString();
  Settings st;
  st.home = lab.home();
  st.hmc_token_file = HmcTokenPath(lab.home());
  Executor ex(j.get(), &lab.sim(), nullptr, st);
  RunRequest req;
  req.input = lab.input();
  LvupdateData data;
  EXPECT_TRUE(LoadLvupdateData(lab.home() + "/lvupdate.data", &data, &req.config_text).ok());
  const uint64_t before = j->sync_count();
  s = ex.Run(req, &c.result);
  EXPECT_TRUE(s.ok()) << s.ToString();
  c.syncs = j->sync_count() - before;
  EXPECT_TRUE(j->ReadOp(c.result.op_id, &c.events).ok());
  return c;
}

TEST(SyncCountTest, CleanRunSyncsOncePerStepPlusTheEnd) {
  testing::Lab lab;
  lab.Authenticate();
  Counted c = RunOnce(lab);
  ASSERT_EQ(c.result.ending, Ending::kCompleted) << c.result.reason;
  const uint64_t steps = MakeUpdatePlan().size();
  EXPECT_EQ(c.syncs, steps + 1);
  // Every stepIntent was synced and is in the journal: one per step.
  uint64_t intents = 0;
  for (const auto& e : c.events) intents += e.kind == journal::EventKind::kStepIntent;
  EXPECT_EQ(intents, steps);
}

TEST(SyncCountTest, FailedValidationSyncsItsIntentAndTheEnd) {
  testing::Lab lab;  // not authenticated: the HMC check fails
  Counted c = RunOnce(lab);
  ASSERT_EQ(c.result.ending, Ending::kFailedValidation) << c.result.reason;
  EXPECT_EQ(c.syncs, 2u);
}

}  // namespace
}  // namespace lvu::actions
