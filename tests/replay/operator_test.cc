// The operator's part of the journal: sessions, a step giving up, and the
// retry / skip decisions that let the engine go on (replay/fold.h, decide.h).
#include <gtest/gtest.h>

#include "replay/decide.h"
#include "replay/fold.h"
#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::OperatorActionKind;
using testkit::EventBuilder;
using testkit::kPonrStep;
using Kind = Move::Kind;

constexpr uint32_t kPathRestore = 16;
constexpr uint32_t kBootlist = 17;

Policy SessionOf(const OperationState& s, bool auto_rollback = true) {
  Policy p;
  p.auto_rollback = auto_rollback;
  p.ponr_step = kPonrStep;
  for (const auto& st : s.steps) {
    p.base_attempts.push_back(st.attempts);
    p.base_compensate_attempts.push_back(st.compensate_attempts);
  }
  return p;
}

// path.restore failed three times past the point of no return, and gave up.
EventBuilder GaveUpAfterPonr() {
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, kPathRestore);
  for (int i = 0; i < 3; i++) b.Intent(kPathRestore).Failed(kPathRestore, "cfgmgr: VIOS busy", true);
  b.GaveUp(kPathRestore, "cfgmgr: VIOS busy");
  return b;
}

TEST(OperatorTest, GaveUpStopsEvenANewSession) {
  OperationState s = Fold(GaveUpAfterPonr().events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_TRUE(s.gave_up);
  EXPECT_EQ(s.gave_up_info.step, kPathRestore);
  // A fresh budget would retry the step; the gaveUp says an operator decides.
  Move m = Decide(s, SessionOf(s));
  EXPECT_EQ(m.kind, Kind::kStop);
  EXPECT_NE(m.reason.find("path.restore"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("cfgmgr: VIOS busy"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("operator"), std::string::npos) << m.reason;
}

TEST(OperatorTest, RetryLetsTheStepRunAgain) {
  EventBuilder b = GaveUpAfterPonr();
  b.Session("resume").Operator(OperatorActionKind::kRetryStep, kPathRestore, "VIOS rebooted");
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_FALSE(s.gave_up);
  ASSERT_EQ(s.sessions.size(), 1u);
  EXPECT_EQ(s.sessions[0].command, "resume");
  ASSERT_EQ(s.operator_actions.size(), 1u);
  EXPECT_EQ(s.operator_actions[0].reason, "VIOS rebooted");
  EXPECT_EQ(Decide(s, SessionOf(s)).kind, Kind::kApply);
  EXPECT_EQ(Decide(s, SessionOf(s)).step, kPathRestore);
}

TEST(OperatorTest, SkipMarksTheStepDoneAndTheNextOneRuns) {
  EventBuilder b = GaveUpAfterPonr();
  b.Session("resume").Operator(OperatorActionKind::kSkipStep, kPathRestore, "paths restored by hand, ticket 42");
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_EQ(s.steps[kPathRestore].state, StepState::kDone);
  EXPECT_TRUE(s.steps[kPathRestore].skipped);
  EXPECT_EQ(s.steps[kPathRestore].skip_reason, "paths restored by hand, ticket 42");
  EXPECT_EQ(s.steps[kPathRestore].skipped_by, "root (sudo by alice)");
  Move m = Decide(s, SessionOf(s));
  EXPECT_EQ(m.kind, Kind::kApply);
  EXPECT_EQ(m.step, kBootlist);
}

TEST(OperatorTest, SkipOfAPendingNextStep) {
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, kPathRestore);
  b.Operator(OperatorActionKind::kSkipStep, kPathRestore, "by hand");
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_TRUE(s.steps[kPathRestore].skipped);
}

TEST(OperatorTest, CompensationGaveUpThenRetriedByRollback) {
  EventBuilder b;
  b.Started().Forward(0, 6).Rollback("requested");
  for (int i = 0; i < 3; i++) b.CompensateIntent(5).CompensateFailed(5, "HMC busy", true);
  b.GaveUp(5, "HMC busy", Direction::kCompensate);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_EQ(Decide(s, SessionOf(s)).kind, Kind::kStop);
  b.Session("rollback").Operator(OperatorActionKind::kRetryStep, 5, "lvupdate rollback", Direction::kCompensate);
  s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  Move m = Decide(s, SessionOf(s));
  EXPECT_EQ(m.kind, Kind::kCompensate);
  EXPECT_EQ(m.step, 5u);
}

TEST(OperatorTest, ForwardGaveUpClearedByARollbackBeforeThePonr) {
  EventBuilder b;
  b.Started().Forward(0, 8);
  b.Intent(8).Failed(8, "denied", false).GaveUp(8, "denied");
  b.Session("rollback").Rollback("requested by the operator");
  OperationState s = Fold(b.events());
  EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
  EXPECT_FALSE(s.gave_up);
  EXPECT_EQ(Decide(s, SessionOf(s)).kind, Kind::kProbeCompensate);
}

TEST(OperatorTest, AnomaliesAreReported) {
  {  // work after a give-up without a decision
    EventBuilder b = GaveUpAfterPonr();
    b.Intent(kPathRestore);
    EXPECT_EQ(Fold(b.events()).anomalies.size(), 1u);
  }
  {  // gaveUp on a step that did not fail
    EventBuilder b;
    b.Started().Forward(0, 3).GaveUp(2, "x");
    EXPECT_EQ(Fold(b.events()).anomalies.size(), 1u);
  }
  {  // retry of a step that did not fail
    EventBuilder b;
    b.Started().Forward(0, 3).Operator(OperatorActionKind::kRetryStep, 2);
    EXPECT_EQ(Fold(b.events()).anomalies.size(), 1u);
  }
  {  // skip of a step already done, and during a rollback
    EventBuilder b;
    b.Started().Forward(0, 3).Operator(OperatorActionKind::kSkipStep, 2, "r");
    EXPECT_EQ(Fold(b.events()).anomalies.size(), 1u);
    EventBuilder r;
    r.Started().Forward(0, 3).Rollback().Operator(OperatorActionKind::kSkipStep, 3, "r");
    EXPECT_EQ(Fold(r.events()).anomalies.size(), 1u);
  }
  {  // finished while waiting for a decision
    EventBuilder b = GaveUpAfterPonr();
    b.Finished(journal::Outcome::kCompleted);
    EXPECT_EQ(Fold(b.events()).anomalies.size(), 1u);
  }
}

TEST(OperatorTest, GiveUpMoveNamesTheStep) {
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, kPathRestore);
  for (int i = 0; i < 3; i++) b.Intent(kPathRestore).Failed(kPathRestore, "busy", true);
  OperationState s = Fold(b.events());
  Policy p = SessionOf(s);
  p.base_attempts.assign(s.steps.size(), 0);  // the three attempts were this session's
  Move m = Decide(s, p);
  EXPECT_EQ(m.kind, Kind::kGiveUp);
  EXPECT_EQ(m.step, kPathRestore);
  EXPECT_STREQ(MoveKindName(Kind::kGiveUp), "give_up");
}

}  // namespace
}  // namespace lvu::replay
