// The simulator's costs: the shared model (drivers/cost_model.h) for the
// world's facts, and a jitter that is deterministic, bounded and off at
// seed 0.
#include "drivers/sim/cost_model.h"

#include <gtest/gtest.h>

#include <set>

#include "drivers/sim/lab.h"

namespace lvu::drivers::sim {
namespace {

TEST(CostModelTest, TheLabsCostsAreTheArticlesTimes) {
  World w = SeedLab();
  w.jitter_seed = 0;
  EXPECT_EQ(SimCostSeconds(Op::kAltDiskCopy, w), 180);  // 7216 MB at 40 MB/s
  EXPECT_EQ(SimCostSeconds(Op::kMirror, w), 150);       // 7216 MB at 48 MB/s
  EXPECT_EQ(SimCostSeconds(Op::kActivate, w), 120);     // boot_s
  EXPECT_EQ(SimCostSeconds(Op::kFreeze, w) + SimCostSeconds(Op::kRestart, w), 27);  // the article's blackout
}

TEST(CostModelTest, CostsFollowTheFacts) {
  World w = SeedLab();
  w.jitter_seed = 0;
  w.os.rootvg_used_mb = 14432;
  EXPECT_EQ(SimCostSeconds(Op::kAltDiskCopy, w), 361);
  w.os.mobile_processes = 0;
  EXPECT_EQ(SimCostSeconds(Op::kFreeze, w), 6);  // 2 s + 2048 MB at 512 MB/s
  w.FindLpar(99)->mem_mb = 8192;
  EXPECT_EQ(SimCostSeconds(Op::kFreeze, w), 18);
}

TEST(CostModelTest, JitterIsDeterministicBoundedAndVaries) {
  World w = SeedLab();
  std::set<int64_t> seen;
  for (int64_t clock = 0; clock < 200; clock++) {
    w.clock = clock;
    int64_t c = SimCostSeconds(Op::kAltDiskCopy, w);
    EXPECT_EQ(c, SimCostSeconds(Op::kAltDiskCopy, w));
    EXPECT_GE(c, 162);
    EXPECT_LE(c, 198);
    seen.insert(c);
  }
  EXPECT_GT(seen.size(), 10u);
  w.jitter_seed = 0;
  EXPECT_EQ(SimCostSeconds(Op::kAltDiskCopy, w), 180);
  EXPECT_EQ(SimCostSeconds(Op::kErrlog, w), 0);
}

}  // namespace
}  // namespace lvu::drivers::sim
