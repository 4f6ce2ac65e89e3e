// Fold: events -> OperationState. Each event kind's effect, the step state
// machine, FoldUntil, and every anomaly the fold must report.
#include "replay/fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::CheckOutcome;
using journal::Direction;
using journal::EventKind;
using journal::OpKind;
using journal::Outcome;
using testkit::CountAnomalies;
using testkit::EventBuilder;
using testkit::HasAnomaly;
using testkit::kPlanSize;
using testkit::kPonrStep;

std::string Anomalies(const OperationState& s) { return ::testing::PrintToString(s.anomalies); }

// A compact picture of a state, to compare two folds.
std::string Describe(const OperationState& s) {
  std::string out = std::string(s.started ? "started" : "not-started") + " seq=" + std::to_string(s.next_seq) +
                    " checks=" + std::to_string(s.checks.size()) + (s.validation_failed ? " vfail" : "") +
                    (s.has_estimate ? " est" : "") + (s.point_of_no_return ? " ponr" : "") +
                    (s.rolling_back ? " rb" : "") + (s.finished ? " fin" : "") +
                    " anomalies=" + std::to_string(s.anomalies.size()) + " |";
  for (const StepStatus& st : s.steps) {
    out += " " + st.name + ":" + StepStateName(st.state) + "/" + std::to_string(st.attempts) + "/" +
           std::to_string(st.compensate_attempts);
  }
  return out;
}

// ---------------------------------------------------------------- each event kind

TEST(FoldTest, NoEventsIsAnEmptyState) {
  OperationState s = Fold({});
  EXPECT_FALSE(s.started);
  EXPECT_TRUE(s.steps.empty());
  EXPECT_EQ(s.next_seq, 0u);
  EXPECT_FALSE(s.finished);
  EXPECT_TRUE(s.anomalies.empty());
}

TEST(FoldTest, OpStartedSetsInfoAndAllStepsPending) {
  EventBuilder b("01HOPSTARTED0000000000000");
  b.Started();
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.started);
  EXPECT_EQ(s.op_id, "01HOPSTARTED0000000000000");
  EXPECT_EQ(s.info.op_kind, OpKind::kUpdate);
  EXPECT_EQ(s.info.plan, testkit::UpdatePlan());
  EXPECT_EQ(s.info.driver, "sim");
  EXPECT_EQ(s.info.host, "lpar1");
  EXPECT_EQ(s.info.fixes, std::vector<std::string>{"IJ12345s1a.epkg.Z"});
  EXPECT_EQ(s.started_us, b.events()[0].time_us);
  EXPECT_EQ(s.next_seq, 1u);
  ASSERT_EQ(s.steps.size(), kPlanSize);
  for (uint32_t i = 0; i < kPlanSize; i++) {
    EXPECT_EQ(s.steps[i].name, testkit::UpdatePlan()[i]);
    EXPECT_EQ(s.steps[i].state, StepState::kPending) << i;
    EXPECT_EQ(s.steps[i].attempts, 0u);
  }
  EXPECT_EQ(s.steps[kPonrStep].name, "workload.restart");
  EXPECT_FALSE(s.point_of_no_return);
  EXPECT_FALSE(s.rolling_back);
  EXPECT_FALSE(s.finished);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, RevertOpStartedKeepsItsKindAndTwoStepPlan) {
  EventBuilder b;
  b.Started(OpKind::kRevert);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.info.op_kind, OpKind::kRevert);
  EXPECT_EQ(s.info.reverts, "01HREVERTED00000000000000");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].name, "revert.bootlist");
  EXPECT_EQ(s.steps[1].name, "revert.reboot");
}

TEST(FoldTest, CheckResultsAccumulateAndOnlyFailedMarksValidationFailed) {
  EventBuilder b;
  b.Started().Check("adapters.two_sets", CheckOutcome::kPassed).Check("frame.memory", CheckOutcome::kInfo);
  OperationState s = Fold(b.events());
  ASSERT_EQ(s.checks.size(), 2u);
  EXPECT_EQ(s.checks[0].name, "adapters.two_sets");
  EXPECT_EQ(s.checks[0].result, CheckOutcome::kPassed);
  EXPECT_EQ(s.checks[1].name, "frame.memory");
  EXPECT_EQ(s.checks[1].result, CheckOutcome::kInfo);
  EXPECT_FALSE(s.validation_failed);

  b.Check("hmc.reachable", CheckOutcome::kFailed, "the HMC cannot be reached");
  s = Fold(b.events());
  ASSERT_EQ(s.checks.size(), 3u);
  EXPECT_EQ(s.checks[2].message, "the HMC cannot be reached");
  EXPECT_TRUE(s.validation_failed);

  b.Check("after.failure", CheckOutcome::kPassed);  // a later pass does not clear it
  s = Fold(b.events());
  EXPECT_EQ(s.checks.size(), 4u);
  EXPECT_TRUE(s.validation_failed);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, EstimateIsRecordedAndTheLastOneWins) {
  EventBuilder b;
  b.Started();
  EXPECT_FALSE(Fold(b.events()).has_estimate);
  b.Estimate(12, 3600);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.has_estimate);
  EXPECT_EQ(s.estimate.blackout_s, 12);
  EXPECT_EQ(s.estimate.global_s, 3600);
  b.Estimate(20, 4000);
  s = Fold(b.events());
  EXPECT_EQ(s.estimate.blackout_s, 20);
  EXPECT_EQ(s.estimate.global_s, 4000);
}

TEST(FoldTest, StepGoesPendingInFlightDone) {
  EventBuilder b;
  b.Started();
  EXPECT_EQ(Fold(b.events()).steps[0].state, StepState::kPending);

  b.Intent(0, Direction::kForward, R"({"checks":"all"})");
  const int64_t intent_us = b.events().back().time_us;
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[0].state, StepState::kInFlight);
  EXPECT_EQ(s.steps[0].attempts, 1u);
  EXPECT_EQ(s.steps[0].params, R"({"checks":"all"})");
  EXPECT_EQ(s.steps[0].first_intent_us, intent_us);
  EXPECT_EQ(s.steps[1].state, StepState::kPending);

  b.Done(0, R"({"ok":true})");
  s = Fold(b.events());
  EXPECT_EQ(s.steps[0].state, StepState::kDone);
  EXPECT_EQ(s.steps[0].output, R"({"ok":true})");
  EXPECT_EQ(s.steps[0].done_us, b.events().back().time_us);
  EXPECT_FALSE(s.steps[0].recovered);
  EXPECT_EQ(s.steps[0].attempts, 1u);
  EXPECT_EQ(s.steps[1].state, StepState::kPending);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, DoneFoundByProbeIsRecovered) {
  EventBuilder b;
  b.Started().Intent(0).Done(0, "{}", /*recovered=*/true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[0].state, StepState::kDone);
  EXPECT_TRUE(s.steps[0].recovered);
}

TEST(FoldTest, ForwardFailureThenRetryCountsAttempts) {
  EventBuilder b;
  b.Started().Forward(0, 3).Intent(3, Direction::kForward, R"({"disk":"hdisk1"})");
  const int64_t first_us = b.events().back().time_us;
  b.Failed(3, "alt_disk_copy: 0505-113 no space", /*retryable=*/true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[3].state, StepState::kFailed);
  EXPECT_EQ(s.steps[3].last_error, "alt_disk_copy: 0505-113 no space");
  EXPECT_TRUE(s.steps[3].last_retryable);
  EXPECT_EQ(s.steps[3].attempts, 1u);

  b.Intent(3, Direction::kForward, R"({"disk":"hdisk2"})");
  s = Fold(b.events());
  EXPECT_EQ(s.steps[3].state, StepState::kInFlight);
  EXPECT_EQ(s.steps[3].attempts, 2u);
  EXPECT_EQ(s.steps[3].params, R"({"disk":"hdisk2"})");  // of the last intent
  EXPECT_EQ(s.steps[3].first_intent_us, first_us);       // of the first

  b.Failed(3, "permission denied", /*retryable=*/false);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[3].state, StepState::kFailed);
  EXPECT_EQ(s.steps[3].last_error, "permission denied");
  EXPECT_FALSE(s.steps[3].last_retryable);

  b.Intent(3).Done(3);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[3].state, StepState::kDone);
  EXPECT_EQ(s.steps[3].attempts, 3u);
  EXPECT_EQ(s.steps[3].compensate_attempts, 0u);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, RollbackStartedIsRecorded) {
  EventBuilder b;
  b.Started().Forward(0, 2).Rollback("step disk.clone_rootvg failed: no space", /*automatic=*/true);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.rolling_back);
  EXPECT_EQ(s.rollback.reason, "step disk.clone_rootvg failed: no space");
  EXPECT_TRUE(s.rollback.automatic);
  EXPECT_EQ(s.steps[1].state, StepState::kDone);  // nothing undone yet
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, StepGoesDoneCompensatingCompensated) {
  EventBuilder b;
  b.Started().Forward(0, 2).Intent(2, Direction::kForward, R"({"clock_s":100})").Done(2);
  b.Rollback().Intent(2, Direction::kCompensate, R"({"clock_s":200})");
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensating);
  EXPECT_EQ(s.steps[2].params, R"({"clock_s":100})");  // of the last forward intent
  EXPECT_EQ(s.steps[2].compensate_attempts, 1u);
  EXPECT_EQ(s.steps[2].attempts, 1u);  // forward attempts untouched
  EXPECT_EQ(s.steps[1].state, StepState::kDone);

  b.Compensated(2);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensated);
  EXPECT_FALSE(s.steps[2].recovered);
  EXPECT_EQ(s.steps[2].compensated_us, b.events().back().time_us);
  EXPECT_EQ(s.steps[2].compensate_attempts, 1u);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, CompensationFailureThenRetryCountsCompensateAttempts) {
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().CompensateIntent(2).CompensateFailed(2, "VIOS busy", true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensateFailed);
  EXPECT_EQ(s.steps[2].last_error, "VIOS busy");
  EXPECT_TRUE(s.steps[2].last_retryable);
  EXPECT_EQ(s.steps[2].compensate_attempts, 1u);

  b.CompensateIntent(2);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensating);
  EXPECT_EQ(s.steps[2].compensate_attempts, 2u);
  b.CompensateFailed(2, "VIOS gone", false);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensateFailed);
  EXPECT_FALSE(s.steps[2].last_retryable);
  b.CompensateIntent(2).Compensated(2);
  s = Fold(b.events());
  EXPECT_EQ(s.steps[2].state, StepState::kCompensated);
  EXPECT_EQ(s.steps[2].compensate_attempts, 3u);
  EXPECT_EQ(s.steps[2].attempts, 1u);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, RecoveredCompensationOfAnInFlightForwardStep) {
  EventBuilder b;
  b.Started().Forward(0, 4).Intent(4).Rollback().Compensated(4, /*recovered=*/true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[4].state, StepState::kCompensated);
  EXPECT_TRUE(s.steps[4].recovered);
  EXPECT_EQ(s.steps[4].compensate_attempts, 0u);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, RecoveredCompensationOfAFailedForwardStep) {
  EventBuilder b;
  b.Started().Forward(0, 4).Intent(4).Failed(4, "emgr failed", false).Rollback().Compensated(4, true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[4].state, StepState::kCompensated);
  EXPECT_TRUE(s.steps[4].recovered);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, NonRecoveredCompensatedOfAnInFlightStepIsAnAnomaly) {
  // Without a compensate intent, only a probe (recovered) may say "undone".
  EventBuilder b;
  b.Started().Forward(0, 4).Intent(4).Rollback().Compensated(4, /*recovered=*/false);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[4].state, StepState::kInFlight);
  EXPECT_TRUE(HasAnomaly(s, b.next_seq() - 1, "compensated record")) << Anomalies(s);
}

TEST(FoldTest, PointOfNoReturnIsRecorded) {
  EventBuilder b;
  b.Started().Forward(0, kPonrStep + 1);
  EXPECT_FALSE(Fold(b.events()).point_of_no_return);
  b.Ponr();
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.point_of_no_return);
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
}

TEST(FoldTest, OpFinishedRecordsEachOutcome) {
  for (Outcome o : {Outcome::kCompleted, Outcome::kRolledBack, Outcome::kFailedValidation, Outcome::kReverted}) {
    EventBuilder b;
    b.Started().Finished(o);
    OperationState s = Fold(b.events());
    EXPECT_TRUE(s.finished);
    EXPECT_EQ(s.outcome, o);
    EXPECT_EQ(s.finished_us, b.events().back().time_us);
  }
}

TEST(FoldTest, WholeUpdateAndWholeRollbackFoldWithoutAnomalies) {
  EventBuilder b;
  b.Started().Check("adapters.two_sets", CheckOutcome::kPassed).Estimate(10, 900).ThroughPonr();
  b.Forward(kPonrStep + 1, kPlanSize).Finished(Outcome::kCompleted);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
  for (const StepStatus& st : s.steps) EXPECT_EQ(st.state, StepState::kDone) << st.name;
  EXPECT_TRUE(s.finished);
  EXPECT_EQ(s.outcome, Outcome::kCompleted);
  EXPECT_EQ(s.next_seq, b.next_seq());

  EventBuilder r;
  r.Started().Forward(0, 5).Rollback("requested", false);
  for (uint32_t k = 5; k-- > 0;) r.CompensateIntent(k).Compensated(k);
  r.Finished(Outcome::kRolledBack);
  s = Fold(r.events());
  EXPECT_TRUE(s.anomalies.empty()) << Anomalies(s);
  for (uint32_t k = 0; k < 5; k++) EXPECT_EQ(s.steps[k].state, StepState::kCompensated) << k;
  for (uint32_t k = 5; k < kPlanSize; k++) EXPECT_EQ(s.steps[k].state, StepState::kPending) << k;
  EXPECT_EQ(s.outcome, Outcome::kRolledBack);
}

TEST(FoldTest, ApplyOneByOneEqualsFold) {
  EventBuilder b;
  b.Started().Forward(0, 6).Intent(6).Failed(6, "x", true).Rollback().Compensated(6, true);
  OperationState inc;
  for (const journal::Event& e : b.events()) Apply(&inc, e);
  EXPECT_EQ(Describe(inc), Describe(Fold(b.events())));
}

// ---------------------------------------------------------------- FoldUntil

TEST(FoldTest, FoldUntilShowsTheStateAtEachSeq) {
  EventBuilder b;
  b.Started();                                   // 0
  b.Check("adapters.two_sets", CheckOutcome::kPassed);  // 1
  b.Intent(0);                                   // 2
  b.Done(0);                                     // 3
  b.Intent(1);                                   // 4
  b.Failed(1, "HMC busy", true);                 // 5
  b.Rollback("step hmc.reserve failed", true);   // 6
  b.Compensated(1, true);                        // 7
  b.CompensateIntent(0);                         // 8
  b.Compensated(0);                              // 9
  b.Finished(Outcome::kRolledBack);              // 10
  const auto& ev = b.events();

  OperationState s = FoldUntil(ev, 0);
  EXPECT_TRUE(s.started);
  EXPECT_TRUE(s.checks.empty());
  EXPECT_EQ(s.next_seq, 1u);

  s = FoldUntil(ev, 2);
  EXPECT_EQ(s.checks.size(), 1u);
  EXPECT_EQ(s.steps[0].state, StepState::kInFlight);

  s = FoldUntil(ev, 3);
  EXPECT_EQ(s.steps[0].state, StepState::kDone);
  EXPECT_EQ(s.steps[1].state, StepState::kPending);

  s = FoldUntil(ev, 5);
  EXPECT_EQ(s.steps[1].state, StepState::kFailed);
  EXPECT_FALSE(s.rolling_back);

  s = FoldUntil(ev, 8);
  EXPECT_TRUE(s.rolling_back);
  EXPECT_EQ(s.steps[1].state, StepState::kCompensated);
  EXPECT_EQ(s.steps[0].state, StepState::kCompensating);
  EXPECT_FALSE(s.finished);

  s = FoldUntil(ev, 10);
  EXPECT_TRUE(s.finished);
  EXPECT_EQ(s.outcome, Outcome::kRolledBack);
  EXPECT_EQ(Describe(FoldUntil(ev, 1000)), Describe(Fold(ev)));

  // At every seq, FoldUntil is the fold of the prefix.
  for (uint64_t k = 0; k < ev.size(); k++) {
    std::vector<journal::Event> prefix(ev.begin(), ev.begin() + static_cast<long>(k) + 1);
    EXPECT_EQ(Describe(FoldUntil(ev, k)), Describe(Fold(prefix))) << "seq " << k;
  }
}

// ---------------------------------------------------------------- anomalies

TEST(FoldAnomalyTest, SeqGapIsReportedAndTheEventStillCounts) {
  EventBuilder b;
  b.Started().Intent(0).Done(0);  // 0..2
  journal::Event e = b.Make(EventKind::kStepIntent);
  e.seq = 4;  // 3 is missing
  e.intent.step = 1;
  e.intent.action = "hmc.reserve";
  b.Append(e);
  OperationState s = Fold(b.events());
  ASSERT_EQ(s.anomalies.size(), 1u) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 4, "expected seq 3")) << Anomalies(s);
  EXPECT_EQ(s.next_seq, 5u);
  EXPECT_EQ(s.steps[1].state, StepState::kInFlight);
}

TEST(FoldAnomalyTest, ReorderedEventsAreReportedAtBothSeqs) {
  EventBuilder b;
  b.Started().Intent(0).Done(0);  // 0..2
  std::vector<journal::Event> ev = b.events();
  std::swap(ev[1], ev[2]);  // 0, 2, 1
  OperationState s = Fold(ev);
  EXPECT_TRUE(HasAnomaly(s, 2, "expected seq 1")) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 1, "expected seq 3")) << Anomalies(s);
  // The done came before its intent: reported as well, and the step is not done.
  EXPECT_TRUE(HasAnomaly(s, 2, "without an intent")) << Anomalies(s);
  EXPECT_NE(s.steps[0].state, StepState::kDone);
}

TEST(FoldAnomalyTest, EventBeforeOpStartedIsReportedAndIgnored) {
  EventBuilder b;
  b.Intent(0);  // seq 0, no opStarted
  b.Started();  // seq 1
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 0, "before opStarted")) << Anomalies(s);
  EXPECT_TRUE(s.started);
  EXPECT_EQ(s.steps[0].state, StepState::kPending);
  EXPECT_EQ(s.steps[0].attempts, 0u);
}

TEST(FoldAnomalyTest, SecondOpStartedIsReportedAndDoesNotResetTheSteps) {
  EventBuilder b;
  b.Started().Forward(0, 3);
  b.Started(testkit::RevertPlan(), OpKind::kRevert);  // seq 7
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 7, "second opStarted")) << Anomalies(s);
  ASSERT_EQ(s.steps.size(), kPlanSize);
  EXPECT_EQ(s.info.op_kind, OpKind::kUpdate);
  EXPECT_EQ(s.steps[2].state, StepState::kDone);
}

TEST(FoldAnomalyTest, StepOutsideThePlanIsReportedForEveryStepEvent) {
  EventBuilder b;
  b.Started();
  b.Intent(kPlanSize);                        // 1
  b.Done(kPlanSize + 1);                      // 2
  b.Failed(100, "x", false);                  // 3
  b.Rollback();                               // 4
  b.Compensated(kPlanSize);                   // 5
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 1, "step 19 is outside the plan of 19 steps")) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 2, "step 20 is outside the plan")) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 3, "step 100 is outside the plan")) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 5, "outside the plan")) << Anomalies(s);
  EXPECT_EQ(s.steps.size(), kPlanSize);
  for (const StepStatus& st : s.steps) EXPECT_EQ(st.state, StepState::kPending) << st.name;
}

TEST(FoldAnomalyTest, DoneWithoutIntentIsReportedAndIgnored) {
  EventBuilder b;
  b.Started().Forward(0, 2).Done(2);  // seq 5
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 5, "done of step apps.notify_check without an intent")) << Anomalies(s);
  EXPECT_EQ(s.steps[2].state, StepState::kPending);
  // A second done of a done step is also a done without an intent in flight.
  b.Done(1);  // seq 6
  s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 6, "without an intent")) << Anomalies(s);
  EXPECT_EQ(s.steps[1].state, StepState::kDone);
}

TEST(FoldAnomalyTest, FailureWithoutIntentIsReportedAndIgnored) {
  EventBuilder b;
  b.Started().Forward(0, 2).Failed(2, "boom", true);  // seq 5
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 5, "failure of step apps.notify_check without an intent")) << Anomalies(s);
  EXPECT_EQ(s.steps[2].state, StepState::kPending);
  EXPECT_TRUE(s.steps[2].last_error.empty());

  // A compensation failure needs a compensate intent, not a forward one.
  b.Rollback().CompensateFailed(1, "boom", true);  // seq 6, 7
  s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 7, "without an intent")) << Anomalies(s);
  EXPECT_EQ(s.steps[1].state, StepState::kDone);
}

TEST(FoldAnomalyTest, CompensateIntentForAStepNeverIntendedIsReportedAndIgnored) {
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().CompensateIntent(5);  // seq 7, 8
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 8, "never intended")) << Anomalies(s);
  // Nothing to undo: the step stays pending, so a rollback skips it rather
  // than probing it for ever (a compensated record for it would be refused).
  EXPECT_EQ(s.steps[5].state, StepState::kPending);
  EXPECT_EQ(s.steps[5].compensate_attempts, 0u);
  EXPECT_TRUE(s.steps[5].params.empty());
}

TEST(FoldAnomalyTest, CompensatedRecordForADoneStepWithoutCompensateIntent) {
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().Compensated(2);  // seq 8
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 8, "compensated record for step apps.notify_check in state done")) << Anomalies(s);
  EXPECT_EQ(s.steps[2].state, StepState::kDone);
  // Even "recovered" may not turn a done step into compensated: probe did not run on a done step.
  b.Compensated(2, true);  // seq 9
  s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 9, "in state done")) << Anomalies(s);
  EXPECT_EQ(s.steps[2].state, StepState::kDone);
}

TEST(FoldAnomalyTest, CompensatedRecordForAStepNeverIntended) {
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().Compensated(4, true);  // seq 8
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 8, "never intended")) << Anomalies(s);
  EXPECT_EQ(s.steps[4].state, StepState::kPending);
}

TEST(FoldAnomalyTest, CompensatedTwiceIsReported) {
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().CompensateIntent(2).Compensated(2);  // 7, 8, 9 (rollback, intent, compensated)
  b.Compensated(2);                                                        // 10
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 10, "in state compensated")) << Anomalies(s);
  EXPECT_EQ(s.steps[2].state, StepState::kCompensated);
  b.CompensateIntent(2);  // 11: an intent to undo it again
  s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 11, "compensated twice")) << Anomalies(s);
}

TEST(FoldAnomalyTest, EventAfterOpFinishedIsReportedAndIgnored) {
  EventBuilder b;
  b.Started().Forward(0, 1).Finished(Outcome::kCompleted);  // seq 3
  b.Intent(1);                                              // seq 4
  b.Rollback();                                             // seq 5
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 4, "after opFinished")) << Anomalies(s);
  EXPECT_TRUE(HasAnomaly(s, 5, "after opFinished")) << Anomalies(s);
  EXPECT_EQ(s.steps[1].state, StepState::kPending);
  EXPECT_FALSE(s.rolling_back);
  EXPECT_EQ(s.outcome, Outcome::kCompleted);
  EXPECT_EQ(s.next_seq, 6u);
}

TEST(FoldAnomalyTest, ForwardIntentDuringRollbackIsReportedButTracked) {
  // Reported, yet the step is in flight: the intent may have changed the world,
  // so the rollback must probe it rather than skip it.
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback().Intent(3);  // seq 8
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 8, "forward intent for disk.clone_rootvg during rollback")) << Anomalies(s);
  EXPECT_EQ(s.steps[3].state, StepState::kInFlight);
}

TEST(FoldAnomalyTest, IntentForAStepAlreadyDoneIsReported) {
  EventBuilder b;
  b.Started().Forward(0, 3).Intent(1);  // seq 7
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 7, "already done")) << Anomalies(s);
}

TEST(FoldAnomalyTest, CompensationOutsideARollbackIsReported) {
  EventBuilder b;
  b.Started().Forward(0, 3).CompensateIntent(2);  // seq 7
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 7, "outside a rollback")) << Anomalies(s);
}

TEST(FoldAnomalyTest, RollbackAfterPointOfNoReturnIsReportedAndIgnored) {
  EventBuilder b;
  b.Started().ThroughPonr();  // 0..29 (ponr at 29)
  b.Rollback("requested");    // 30
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 30, "after the point of no return")) << Anomalies(s);
  // Past the point of no return there is only forward recovery: the fold does
  // not enter a rollback that would undo forward-only steps.
  EXPECT_FALSE(s.rolling_back);
  EXPECT_TRUE(s.point_of_no_return);
}

TEST(FoldAnomalyTest, SecondRollbackAndPonrDuringRollbackAreReported) {
  EventBuilder b;
  b.Started().Forward(0, 2).Rollback("a").Rollback("b");  // 6
  OperationState s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 6, "second rollbackStarted")) << Anomalies(s);
  b.Ponr();  // 7
  s = Fold(b.events());
  EXPECT_TRUE(HasAnomaly(s, 7, "point of no return during a rollback")) << Anomalies(s);
}

TEST(FoldAnomalyTest, EachAnomalyIsReportedOnce) {
  EventBuilder b;
  b.Started().Forward(0, 2).Done(2);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.anomalies.size(), 1u) << Anomalies(s);
  EXPECT_EQ(CountAnomalies(s, 5), 1);
}

TEST(FoldTest, StepStateNames) {
  EXPECT_STREQ(StepStateName(StepState::kPending), "pending");
  EXPECT_STREQ(StepStateName(StepState::kInFlight), "in_flight");
  EXPECT_STREQ(StepStateName(StepState::kDone), "done");
  EXPECT_STREQ(StepStateName(StepState::kFailed), "failed");
  EXPECT_STREQ(StepStateName(StepState::kCompensating), "compensating");
  EXPECT_STREQ(StepStateName(StepState::kCompensateFailed), "compensate_failed");
  EXPECT_STREQ(StepStateName(StepState::kCompensated), "compensated");
}

}  // namespace
}  // namespace lvu::replay
