// The estimate and the simulated run come from one cost model
// (drivers/cost_model.h): without jitter they agree to the second; with the
// lab's jitter they differ, by at most 10% per command (plus rounding).
#include <gtest/gtest.h>

#include "actions/engine/executor.h"
#include "drivers/cost_model.h"
#include "journal/journal.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions::testing {
namespace {

OpResult RunUpdate(Lab& lab) {
  OpResult r;
  Status s = lab.Run(&r);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.ending, Ending::kCompleted) << r.reason;
  return r;
}

TEST(EstimateTest, WithoutJitterTheRunTakesExactlyTheEstimate) {
  Lab lab;
  lab.Authenticate();
  ASSERT_TRUE(lab.sim().Set("sim.jitter_seed", "0").ok());
  OpResult r = RunUpdate(lab);
  EXPECT_EQ(r.estimated_blackout_s, 27);
  EXPECT_EQ(r.estimated_global_s, 680);
  EXPECT_EQ(r.blackout_s, r.estimated_blackout_s)
      << "the simulator's checkpoint and restart no longer cost what drivers/cost_model.h says";
  EXPECT_EQ(r.clock_end_s - r.clock_start_s, r.estimated_global_s)
      << "the plan issues commands (or spends time) that actions/estimate.cc does not count";
}

TEST(EstimateTest, OtherFactsSameAgreement) {
  // Not only the lab: a larger rootvg and a slower boot move the estimate and
  // the simulated run alike.
  Lab lab;
  lab.Authenticate();
  ASSERT_TRUE(lab.sim().Set("sim.jitter_seed", "0").ok());
  ASSERT_TRUE(lab.sim().Set("rootvg.used_mb", "20000").ok());
  ASSERT_TRUE(lab.sim().Set("lpar.boot_s", "240").ok());
  OpResult r = RunUpdate(lab);
  EXPECT_EQ(r.estimated_global_s, 680 + (500 + 417 - 180 - 150) + 120);
  EXPECT_EQ(r.clock_end_s - r.clock_start_s, r.estimated_global_s);
  EXPECT_EQ(r.blackout_s, r.estimated_blackout_s);
}

TEST(EstimateTest, WithTheLabsJitterTheRunDiffersWithinTenPercent) {
  Lab lab;
  lab.Authenticate();
  OpResult r = RunUpdate(lab);
  const int64_t total = r.clock_end_s - r.clock_start_s;
  EXPECT_NE(total, r.estimated_global_s);
  EXPECT_LE(std::abs(total - r.estimated_global_s), r.estimated_global_s / 10 + 19);
  EXPECT_LE(std::abs(r.blackout_s - r.estimated_blackout_s), r.estimated_blackout_s / 10 + 2);
}

TEST(EstimateTest, FactsMoveTheEstimate) {
  Lab lab;
  lab.Authenticate();
  PreviewResult base = lab.Preview();
  // Twice the rootvg: the clone and the mirror take twice as long.
  ASSERT_TRUE(lab.sim().Set("rootvg.used_mb", "14432").ok());
  PreviewResult big = lab.Preview();
  auto copies = [](int used_mb) {
    drivers::CostInputs in{used_mb, 2048, 80, 120};
    return drivers::CostSeconds(drivers::Op::kAltDiskCopy, in) + drivers::CostSeconds(drivers::Op::kMirror, in);
  };
  EXPECT_EQ(copies(7216), 180 + 150);
  EXPECT_EQ(big.report.estimate.global_s - base.report.estimate.global_s, copies(14432) - copies(7216));
  EXPECT_EQ(big.report.estimate.blackout_s, base.report.estimate.blackout_s);
  // More mobile processes: a longer blackout.
  ASSERT_TRUE(lab.sim().Set("workload.mobile_processes", "800").ok());
  PreviewResult busy = lab.Preview();
  EXPECT_EQ(busy.report.estimate.blackout_s, 27 + 54 + 72);  // 720 more x (0.075 + 0.1) s
  // A slower boot.
  ASSERT_TRUE(lab.sim().Set("lpar.boot_s", "300").ok());
  EXPECT_EQ(lab.Preview().report.estimate.global_s - busy.report.estimate.global_s, 180);
}

TEST(EstimateTest, TheRunJournalsTheEstimate) {
  Lab lab;
  lab.Authenticate();
  const size_t lines = lab.Preview().report.lines.size();
  RunUpdate(lab);
  std::unique_ptr<journal::Journal> j;
  ASSERT_TRUE(journal::Journal::Open(lab.home() + "/journal", journal::Journal::Mode::kReadOnly, &j).ok());
  std::string op;
  ASSERT_TRUE(j->LatestOp(&op).ok());
  std::vector<journal::Event> events;
  ASSERT_TRUE(j->ReadOp(op, &events).ok());
  int estimates = 0, checks = 0;
  for (const auto& e : events) {
    if (e.kind == journal::EventKind::kEstimate) {
      estimates++;
      EXPECT_EQ(e.estimate.blackout_s, 27);
      EXPECT_EQ(e.estimate.global_s, 680);
    }
    checks += e.kind == journal::EventKind::kCheckResult;
  }
  EXPECT_EQ(estimates, 1);
  EXPECT_EQ(checks, static_cast<int>(lines));  // every line of the report
}

}  // namespace
}  // namespace lvu::actions::testing
