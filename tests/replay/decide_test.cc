// Decide: OperationState -> the executor's next move. Every state of the
// forward path and of the rollback, then a property test that runs the
// decisions against a tiny world, crashing at every point.
#include "replay/decide.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "replay/fold.h"
#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::CheckOutcome;
using journal::Direction;
using journal::OpKind;
using journal::Outcome;
using testkit::EventBuilder;
using testkit::kPlanSize;
using testkit::kPonrStep;
using Kind = Move::Kind;

Policy MakePolicy(bool auto_rollback = true, uint32_t max_attempts = 3) {
  Policy p;
  p.max_attempts = max_attempts;
  p.auto_rollback = auto_rollback;
  p.ponr_step = kPonrStep;
  return p;
}

// The policy of a session that begins with the journal as it stands.
Policy SessionPolicy(const OperationState& s, Policy p = MakePolicy()) {
  p.base_attempts.clear();
  p.base_compensate_attempts.clear();
  for (const StepStatus& st : s.steps) {
    p.base_attempts.push_back(st.attempts);
    p.base_compensate_attempts.push_back(st.compensate_attempts);
  }
  return p;
}

Move DecideOn(const EventBuilder& b, const Policy& p = MakePolicy()) { return Decide(Fold(b.events()), p); }

#define EXPECT_MOVE(m, k, s)          \
  do {                                \
    Move m_ = (m);                    \
    EXPECT_EQ(m_.kind, (k));          \
    EXPECT_EQ(m_.step, (s));          \
  } while (0)

// ---------------------------------------------------------------- forward

TEST(DecideTest, NoEventsMeansNothing) {
  EXPECT_EQ(Decide(Fold({}), MakePolicy()).kind, Kind::kNothing);
}

TEST(DecideTest, FinishedMeansNothing) {
  for (Outcome o : {Outcome::kCompleted, Outcome::kRolledBack, Outcome::kFailedValidation}) {
    EventBuilder b;
    b.Started().Forward(0, 2).Finished(o);
    EXPECT_EQ(DecideOn(b).kind, Kind::kNothing) << journal::OutcomeName(o);
  }
  // Even with steps left in flight or failed: a finished operation is closed.
  EventBuilder b;
  b.Started().Forward(0, 2).Intent(2).Failed(2, "x", true).Finished(Outcome::kRolledBack);
  EXPECT_EQ(DecideOn(b).kind, Kind::kNothing);
}

TEST(DecideTest, FreshOperationAppliesTheFirstStep) {
  EventBuilder b;
  b.Started().Check("adapters.two_sets", CheckOutcome::kPassed).Estimate(10, 600);
  EXPECT_MOVE(DecideOn(b), Kind::kApply, 0u);
}

TEST(DecideTest, AfterKStepsDoneAppliesStepK) {
  for (uint32_t k = 0; k < kPlanSize; k++) {
    EventBuilder b;
    b.Started();
    if (k > static_cast<uint32_t>(kPonrStep)) {
      b.ThroughPonr().Forward(kPonrStep + 1, k);
    } else {
      b.Forward(0, k);
    }
    EXPECT_MOVE(DecideOn(b), Kind::kApply, k);
  }
}

TEST(DecideTest, InFlightStepIsProbed) {
  for (uint32_t k : {0u, 5u, 12u, 13u, 18u}) {
    EventBuilder b;
    b.Started();
    if (k > static_cast<uint32_t>(kPonrStep)) {
      b.ThroughPonr().Forward(kPonrStep + 1, k);
    } else {
      b.Forward(0, k);
    }
    b.Intent(k);
    EXPECT_MOVE(DecideOn(b), Kind::kProbe, k);
  }
}

TEST(DecideTest, AllDoneFinishesCompleted) {
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, kPlanSize);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kFinish);
  EXPECT_EQ(m.outcome, Outcome::kCompleted);
}

TEST(DecideTest, RevertGoesForwardAndFinishesReverted) {
  EventBuilder b;
  b.Started(OpKind::kRevert);
  EXPECT_MOVE(DecideOn(b), Kind::kApply, 0u);
  b.Intent(0);
  EXPECT_MOVE(DecideOn(b), Kind::kProbe, 0u);
  b.Done(0);
  EXPECT_MOVE(DecideOn(b), Kind::kApply, 1u);
  b.Intent(1).Done(1);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kFinish);
  EXPECT_EQ(m.outcome, Outcome::kReverted);
  // Also without a ponr step in the policy.
  Policy p = MakePolicy();
  p.ponr_step = -1;
  EXPECT_EQ(DecideOn(b, p).outcome, Outcome::kReverted);
}

TEST(DecideTest, RevertIsForwardOnlyAndNeverRollsBack) {
  EventBuilder b;
  b.Started(OpKind::kRevert).Intent(0).Done(0).Intent(1).Failed(1, "reboot refused", false);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(ForwardOnly(s, MakePolicy()));
  Move m = Decide(s, MakePolicy());
  EXPECT_EQ(m.kind, Kind::kGiveUp);
  EXPECT_EQ(m.step, 1u);
  EXPECT_NE(m.reason.find("revert.reboot"), std::string::npos) << m.reason;
}

TEST(DecideTest, PonrStepDoneWithoutTheEventMarksIt) {
  EventBuilder b;
  b.Started().Forward(0, kPonrStep + 1);
  OperationState s = Fold(b.events());
  EXPECT_TRUE(ForwardOnly(s, MakePolicy()));
  EXPECT_MOVE(Decide(s, MakePolicy()), Kind::kMarkPointOfNoReturn, static_cast<uint32_t>(kPonrStep));
  b.Ponr();
  EXPECT_MOVE(DecideOn(b), Kind::kApply, static_cast<uint32_t>(kPonrStep + 1));
}

TEST(DecideTest, ForwardOnlyOnlyOnceThePonrStepIsDone) {
  EventBuilder b;
  b.Started().Forward(0, kPonrStep);
  EXPECT_FALSE(ForwardOnly(Fold(b.events()), MakePolicy()));
  b.Intent(kPonrStep);  // in flight: not yet past it
  EXPECT_FALSE(ForwardOnly(Fold(b.events()), MakePolicy()));
  b.Done(kPonrStep);
  EXPECT_TRUE(ForwardOnly(Fold(b.events()), MakePolicy()));
  Policy none = MakePolicy();
  none.ponr_step = -1;
  EXPECT_FALSE(ForwardOnly(Fold(b.events()), none));
  b.Ponr();
  EXPECT_TRUE(ForwardOnly(Fold(b.events()), none));  // recorded
}

TEST(DecideTest, FailedRetryableUnderMaxIsRetried) {
  EventBuilder b;
  b.Started().Forward(0, 8).Intent(8).Failed(8, "VIOS busy", true);
  EXPECT_MOVE(DecideOn(b), Kind::kApply, 8u);
  b.Intent(8).Failed(8, "VIOS busy", true);
  EXPECT_MOVE(DecideOn(b), Kind::kApply, 8u);
  // A larger budget allows more.
  b.Intent(8).Failed(8, "VIOS busy", true);
  EXPECT_MOVE(DecideOn(b, MakePolicy(true, 4)), Kind::kApply, 8u);
}

TEST(DecideTest, FailedRetryableAtMaxBeforePonrStartsRollback) {
  EventBuilder b;
  b.Started().Forward(0, 8);
  for (int i = 0; i < 3; i++) b.Intent(8).Failed(8, "cfgmgr: VIOS busy", true);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kStartRollback);
  EXPECT_EQ(m.step, 8u);
  EXPECT_NE(m.reason.find("disk.assign"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("cfgmgr: VIOS busy"), std::string::npos) << m.reason;
}

TEST(DecideTest, FailedNotRetryableStartsRollbackAtOnce) {
  EventBuilder b;
  b.Started().Forward(0, 3).Intent(3).Failed(3, "0505-113 no free disk", false);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kStartRollback);
  EXPECT_NE(m.reason.find("disk.clone_rootvg"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("0505-113 no free disk"), std::string::npos) << m.reason;
}

TEST(DecideTest, FailedAtMaxWithoutAutoRollbackStops) {
  EventBuilder b;
  b.Started().Forward(0, 8);
  for (int i = 0; i < 3; i++) b.Intent(8).Failed(8, "cfgmgr: VIOS busy", true);
  Move m = DecideOn(b, MakePolicy(/*auto_rollback=*/false));
  EXPECT_EQ(m.kind, Kind::kGiveUp);
  EXPECT_EQ(m.step, 8u);
  EXPECT_NE(m.reason.find("disk.assign"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("cfgmgr: VIOS busy"), std::string::npos) << m.reason;
}

TEST(DecideTest, FailedAfterPonrStopsInsteadOfRollingBack) {
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, 16);
  for (int i = 0; i < 3; i++) b.Intent(16).Failed(16, "cfgdev failed", true);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kGiveUp);
  EXPECT_EQ(m.step, 16u);
  EXPECT_NE(m.reason.find("path.restore"), std::string::npos) << m.reason;

  EventBuilder n;  // not retryable: stop at once
  n.Started().ThroughPonr().Intent(14).Failed(14, "HMC refused", false);
  EXPECT_EQ(DecideOn(n).kind, Kind::kGiveUp);

  // The ponr step done but not yet recorded: marking comes first, never a rollback.
  EventBuilder u;
  u.Started().Forward(0, kPonrStep + 1).Intent(14).Failed(14, "HMC refused", false);
  EXPECT_TRUE(ForwardOnly(Fold(u.events()), MakePolicy()));
  EXPECT_EQ(DecideOn(u).kind, Kind::kMarkPointOfNoReturn);
  u.Ponr();
  EXPECT_EQ(DecideOn(u).kind, Kind::kGiveUp);
}

TEST(DecideTest, FailedStepIsTriedOnceMoreInANewSession) {
  // Before the ponr, after an earlier session stopped (no auto rollback).
  EventBuilder b;
  b.Started().Forward(0, 8);
  for (int i = 0; i < 3; i++) b.Intent(8).Failed(8, "busy", true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(Decide(s, MakePolicy(false)).kind, Kind::kGiveUp);
  Policy next = SessionPolicy(s, MakePolicy(false));
  EXPECT_MOVE(Decide(s, next), Kind::kApply, 8u);
  // Even a non-retryable failure gets one try in the new session...
  b.Intent(8).Failed(8, "gone", false);
  s = Fold(b.events());
  EXPECT_EQ(Decide(s, next).kind, Kind::kGiveUp);
  // ...and then it stops again, or rolls back when allowed to.
  Policy next_auto = next;
  next_auto.auto_rollback = true;
  EXPECT_EQ(Decide(s, next_auto).kind, Kind::kStartRollback);

  // After the ponr.
  EventBuilder a;
  a.Started().ThroughPonr().Intent(14).Failed(14, "refused", false);
  s = Fold(a.events());
  EXPECT_EQ(Decide(s, MakePolicy()).kind, Kind::kGiveUp);
  EXPECT_MOVE(Decide(s, SessionPolicy(s)), Kind::kApply, 14u);
}

TEST(DecideTest, SessionBudgetCountsOnlyThisSessionsAttempts) {
  EventBuilder b;
  b.Started().Forward(0, 5);
  for (int i = 0; i < 4; i++) b.Intent(5).Failed(5, "busy", true);  // 4 attempts, 2 of them earlier
  Policy p = MakePolicy();
  p.base_attempts.assign(kPlanSize, 0);
  p.base_attempts[5] = 2;
  EXPECT_MOVE(Decide(Fold(b.events()), p), Kind::kApply, 5u);  // 2 this session < 3
  b.Intent(5).Failed(5, "busy", true);
  EXPECT_EQ(Decide(Fold(b.events()), p).kind, Kind::kStartRollback);  // 3 this session
}

TEST(DecideTest, ValidationFailedFinishesFailedValidation) {
  EventBuilder b;
  b.Started().Intent(0).Check("adapters.two_sets", CheckOutcome::kPassed)
      .Check("hmc.reachable", CheckOutcome::kFailed, "the HMC cannot be reached")
      .Failed(0, "validation failed", false);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kFinish);
  EXPECT_EQ(m.outcome, Outcome::kFailedValidation);
  // Even a retryable validation failure, even without auto rollback.
  EventBuilder r;
  r.Started().Intent(0).Check("hmc.reachable", CheckOutcome::kFailed).Failed(0, "validation failed", true);
  EXPECT_EQ(DecideOn(r, MakePolicy(false)).outcome, Outcome::kFailedValidation);
  EXPECT_EQ(DecideOn(r, MakePolicy(false)).kind, Kind::kFinish);
}

TEST(DecideTest, AFailedCheckAfterChangesDoesNotSkipTheRollback) {
  // "failedValidation" means nothing changed. Once steps past validate are done,
  // a failure must be handled as any other (here: rolled back), or the world
  // would be left half-way.
  EventBuilder b;
  b.Started().Forward(0, 4).Intent(4).Check("ifix.prereq", CheckOutcome::kFailed)
      .Failed(4, "prerequisite missing", false);
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kStartRollback);
  EXPECT_NE(m.reason.find("ifix.apply_clone"), std::string::npos) << m.reason;
}

TEST(DecideTest, ValidateFailingWithoutAFailedCheckIsAnOrdinaryFailure) {
  EventBuilder b;
  b.Started().Intent(0).Failed(0, "cannot read lvupdate.data", false);
  EXPECT_EQ(DecideOn(b).kind, Kind::kStartRollback);
}

TEST(DecideTest, CompensationStateOutsideARollbackStops) {
  EventBuilder b;
  b.Started().Forward(0, 3).CompensateIntent(2);  // anomaly: no rollbackStarted
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kStop);
  EXPECT_EQ(m.step, 2u);
}

// ---------------------------------------------------------------- rollback

// Carries out rollback moves on a journal the way the executor would, with a
// world in which every done step is applied and no other. Returns the steps
// whose compensation ran, in order, and the final move.
struct RollbackRun {
  std::vector<uint32_t> compensated;  // compensate intent + compensated
  std::vector<uint32_t> probed_away;  // probe found it not applied: compensated(recovered)
  Move last;
};

RollbackRun RunRollback(EventBuilder& b, const Policy& p, std::set<uint32_t> world) {
  RollbackRun run;
  for (int guard = 0; guard < 200; guard++) {
    OperationState s = Fold(b.events());
    EXPECT_TRUE(s.anomalies.empty()) << ::testing::PrintToString(s.anomalies);
    Move m = Decide(s, p);
    switch (m.kind) {
      case Kind::kCompensate:
        EXPECT_EQ(world.count(m.step), 1u) << "compensating a step not applied: " << m.step;
        b.CompensateIntent(m.step);
        world.erase(m.step);
        b.Compensated(m.step);
        run.compensated.push_back(m.step);
        break;
      case Kind::kProbeCompensate:
        if (world.count(m.step) != 0) {
          b.CompensateIntent(m.step);
          world.erase(m.step);
          b.Compensated(m.step);
          run.compensated.push_back(m.step);
        } else {
          b.Compensated(m.step, /*recovered=*/true);
          run.probed_away.push_back(m.step);
        }
        break;
      case Kind::kFinish:
        b.Finished(m.outcome);
        EXPECT_TRUE(world.empty());
        run.last = m;
        return run;
      default:
        run.last = m;
        return run;
    }
  }
  ADD_FAILURE() << "rollback does not end";
  return run;
}

std::vector<uint32_t> Descending(uint32_t from_inclusive) {
  std::vector<uint32_t> v;
  for (uint32_t k = from_inclusive + 1; k-- > 0;) v.push_back(k);
  return v;
}

std::set<uint32_t> Applied(uint32_t n) {
  std::set<uint32_t> w;
  for (uint32_t k = 0; k < n; k++) w.insert(k);
  return w;
}

TEST(DecideRollbackTest, CompensatesTheLastDoneStepFirst) {
  EventBuilder b;
  b.Started().Forward(0, 10).Rollback("requested");
  EXPECT_MOVE(DecideOn(b), Kind::kCompensate, 9u);
  b.CompensateIntent(9).Compensated(9);
  EXPECT_MOVE(DecideOn(b), Kind::kCompensate, 8u);
}

TEST(DecideRollbackTest, WholeRollbackCompensatesEachDoneStepOnceInDescendingOrder) {
  for (uint32_t done : {1u, 2u, 7u, 13u}) {
    EventBuilder b;
    b.Started().Forward(0, done).Rollback("requested");
    RollbackRun run = RunRollback(b, MakePolicy(), Applied(done));
    EXPECT_EQ(run.compensated, Descending(done - 1)) << done;
    EXPECT_TRUE(run.probed_away.empty());
    EXPECT_EQ(run.last.kind, Kind::kFinish);
    EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
    EXPECT_EQ(DecideOn(b).kind, Kind::kNothing);
  }
}

TEST(DecideRollbackTest, AutomaticRollbackAfterAFailureFromStartToFinish) {
  EventBuilder b;
  b.Started().Forward(0, 11).Intent(11).Failed(11, "LVUP_PRE script failed", false);
  Move m = DecideOn(b);
  ASSERT_EQ(m.kind, Kind::kStartRollback);
  b.Rollback(m.reason, /*automatic=*/true);
  // The failed step first: probed, found not applied.
  EXPECT_MOVE(DecideOn(b), Kind::kProbeCompensate, 11u);
  RollbackRun run = RunRollback(b, MakePolicy(), Applied(11));
  EXPECT_EQ(run.probed_away, std::vector<uint32_t>{11});
  EXPECT_EQ(run.compensated, Descending(10));
  EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
}

TEST(DecideRollbackTest, NothingDoneRollsBackToFinishAtOnce) {
  EventBuilder b;
  b.Started().Rollback("requested");
  Move m = DecideOn(b);
  EXPECT_EQ(m.kind, Kind::kFinish);
  EXPECT_EQ(m.outcome, Outcome::kRolledBack);
}

TEST(DecideRollbackTest, InFlightForwardStepIsProbedForCompensation) {
  EventBuilder b;
  b.Started().Forward(0, 6).Intent(6).Rollback("requested");
  EXPECT_MOVE(DecideOn(b), Kind::kProbeCompensate, 6u);
  // Found applied: compensated like any other.
  RollbackRun run = RunRollback(b, MakePolicy(), Applied(7));
  EXPECT_EQ(run.compensated, Descending(6));
  EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
}

TEST(DecideRollbackTest, CompensatingStepIsProbedAfterACrash) {
  EventBuilder b;
  b.Started().Forward(0, 6).Rollback("requested").CompensateIntent(5);
  EXPECT_MOVE(DecideOn(b), Kind::kProbeCompensate, 5u);
}

TEST(DecideRollbackTest, CompensateFailedRetryableIsRetriedUntilMaxThenStops) {
  EventBuilder b;
  b.Started().Forward(0, 6).Rollback("requested").CompensateIntent(5).CompensateFailed(5, "VIOS busy", true);
  EXPECT_MOVE(DecideOn(b), Kind::kCompensate, 5u);
  b.CompensateIntent(5).CompensateFailed(5, "VIOS busy", true);
  EXPECT_MOVE(DecideOn(b), Kind::kCompensate, 5u);
  b.CompensateIntent(5).CompensateFailed(5, "VIOS busy", true);
  OperationState s = Fold(b.events());
  EXPECT_EQ(s.steps[5].compensate_attempts, 3u);
  Move m = Decide(s, MakePolicy());
  EXPECT_EQ(m.kind, Kind::kGiveUp);
  EXPECT_EQ(m.step, 5u);
  EXPECT_NE(m.reason.find("lpar.rename_original"), std::string::npos) << m.reason;
  EXPECT_NE(m.reason.find("VIOS busy"), std::string::npos) << m.reason;

  // A new session: its own budget, so compensate again, and the rollback goes on.
  Policy next = SessionPolicy(s);
  EXPECT_MOVE(Decide(s, next), Kind::kCompensate, 5u);
  RollbackRun run = RunRollback(b, next, Applied(6));
  EXPECT_EQ(run.compensated, Descending(5));
  EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
}

TEST(DecideRollbackTest, CompensateFailedNotRetryableStops) {
  EventBuilder b;
  b.Started().Forward(0, 6).Rollback("requested").CompensateIntent(5).CompensateFailed(5, "denied", false);
  OperationState s = Fold(b.events());
  EXPECT_EQ(Decide(s, MakePolicy()).kind, Kind::kGiveUp);
  EXPECT_MOVE(Decide(s, SessionPolicy(s)), Kind::kCompensate, 5u);
}

TEST(DecideRollbackTest, CrashDuringRollbackResumesAtTheRightStepAndNeverTwice) {
  // The whole rollback, crashed after every event and resumed from the fold.
  EventBuilder full;
  full.Started().Forward(0, 9).Rollback("requested");
  const size_t start = full.events().size();
  RunRollback(full, MakePolicy(), Applied(9));
  const auto& all = full.events();
  ASSERT_EQ(all.back().kind, journal::EventKind::kOpFinished);
  for (size_t cut = start; cut < all.size(); cut++) {  // every crash before opFinished
    EventBuilder b;
    for (size_t i = 0; i < cut; i++) b.Append(all[i]);
    // The world at the crash: compensated steps are gone; a compensating step is
    // gone only if the crash came after its world change: try both.
    OperationState s = Fold(b.events());
    std::set<uint32_t> world;
    std::vector<uint32_t> compensating;
    for (uint32_t k = 0; k < s.steps.size(); k++) {
      if (s.steps[k].state == StepState::kDone) world.insert(k);
      if (s.steps[k].state == StepState::kCompensating) compensating.push_back(k);
    }
    for (bool undone : {false, true}) {
      if (undone && compensating.empty()) continue;
      EventBuilder r = b;
      std::set<uint32_t> w = world;
      if (!undone) w.insert(compensating.begin(), compensating.end());
      RollbackRun run = RunRollback(r, MakePolicy(), w);
      // Over the whole journal, each step is undone exactly once.
      std::map<uint32_t, int> records;
      for (const journal::Event& e : r.events()) {
        if (e.kind == journal::EventKind::kCompensated) records[e.compensated.step]++;
      }
      for (uint32_t k = 0; k < 9; k++) EXPECT_EQ(records[k], 1) << "cut " << cut << " step " << k;
      EXPECT_EQ(records.size(), 9u);
      // And the resumed part continues downwards from where the fold stood.
      std::vector<uint32_t> expect;
      for (uint32_t k = 9; k-- > 0;) {
        if (world.count(k) != 0 || std::count(compensating.begin(), compensating.end(), k) != 0) {
          expect.push_back(k);
        }
      }
      std::vector<uint32_t> got = run.compensated;
      got.insert(got.end(), run.probed_away.begin(), run.probed_away.end());
      std::sort(got.rbegin(), got.rend());
      EXPECT_EQ(got, expect) << "cut " << cut;
      if (!compensating.empty()) {
        // The compensating step is settled first.
        EXPECT_FALSE(run.compensated.empty() && run.probed_away.empty());
        uint32_t first = !undone ? run.compensated.front() : run.probed_away.front();
        EXPECT_EQ(first, compensating.front()) << "cut " << cut;
      }
      EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
    }
  }
}

TEST(DecideRollbackTest, RollbackRecordedAfterPonrIsNotObeyed) {
  // A journal that (wrongly) starts a rollback past the point of no return:
  // reported by the fold, and never a reason to undo a forward-only step.
  EventBuilder b;
  b.Started().ThroughPonr().Forward(kPonrStep + 1, 17).Rollback("requested");
  OperationState s = Fold(b.events());
  EXPECT_FALSE(s.anomalies.empty());
  Move m = Decide(s, MakePolicy());
  EXPECT_NE(m.kind, Kind::kCompensate);
  EXPECT_NE(m.kind, Kind::kProbeCompensate);
  EXPECT_MOVE(m, Kind::kApply, 17u);
}

TEST(DecideRollbackTest, CompensateIntentForAStepNeverIntendedDoesNotLoop) {
  // The fold refuses a compensated record for a step never intended; the
  // rollback must not wait for one for ever.
  EventBuilder b;
  b.Started().Forward(0, 3).Rollback("requested").CompensateIntent(7);
  RollbackRun run;
  for (int guard = 0; guard < 50; guard++) {
    Move m = DecideOn(b);
    ASSERT_FALSE(m.step == 7 && m.kind == Kind::kProbeCompensate) << "probes a never-applied step";
    if (m.kind == Kind::kFinish) {
      run.last = m;
      break;
    }
    ASSERT_EQ(m.kind, Kind::kCompensate);
    b.CompensateIntent(m.step).Compensated(m.step);
    run.compensated.push_back(m.step);
  }
  EXPECT_EQ(run.compensated, Descending(2));
  EXPECT_EQ(run.last.outcome, Outcome::kRolledBack);
}

TEST(DecideTest, MoveKindNames) {
  EXPECT_STREQ(MoveKindName(Kind::kNothing), "nothing");
  EXPECT_STREQ(MoveKindName(Kind::kProbe), "probe");
  EXPECT_STREQ(MoveKindName(Kind::kApply), "apply");
  EXPECT_STREQ(MoveKindName(Kind::kMarkPointOfNoReturn), "mark_point_of_no_return");
  EXPECT_STREQ(MoveKindName(Kind::kStartRollback), "start_rollback");
  EXPECT_STREQ(MoveKindName(Kind::kProbeCompensate), "probe_compensate");
  EXPECT_STREQ(MoveKindName(Kind::kCompensate), "compensate");
  EXPECT_STREQ(MoveKindName(Kind::kFinish), "finish");
  EXPECT_STREQ(MoveKindName(Kind::kStop), "stop");
}

// ---------------------------------------------------------------- property

// A crash: the process dies before its next action.
struct Crash {};

// Faults injected into the world: the first `count` attempts fail.
struct Fault {
  int count = 0;
  bool retryable = true;
};

struct Scenario {
  std::string name;
  std::map<uint32_t, Fault> forward;     // step -> fault of apply
  std::map<uint32_t, Fault> compensate;  // step -> fault of compensate
  bool fail_validation = false;          // validate records a FAILED check
  bool auto_rollback = true;
};

// The executor against a world that is the set of applied steps. The journal
// and the world are durable; a crash loses only what the process held.
class Sim {
 public:
  explicit Sim(const Scenario& sc) : sc_(sc), forward_(sc.forward), compensate_(sc.compensate) {}

  enum class Mode { kForward, kResume, kRollback };

  // Actions (event writes and world changes) allowed before a crash; -1: none.
  void CrashAfter(int64_t actions) { budget_ = actions; }
  int64_t actions() const { return actions_; }
  const std::vector<journal::Event>& journal() const { return journal_; }
  const std::set<uint32_t>& world() const { return world_; }
  const std::vector<std::string>& violations() const { return violations_; }

  // One session; returns false when it crashed.
  bool Session(Mode mode) {
    try {
      RunSession(mode);
      return true;
    } catch (const Crash&) {
      return false;
    }
  }

 private:
  void Tick() {
    if (budget_ == 0) throw Crash{};
    if (budget_ > 0) budget_--;
    actions_++;
  }

  void Write(journal::Event e) {
    Tick();
    e.op_id = "01HPROPERTY00000000000000";
    e.seq = journal_.size();
    e.time_us = static_cast<int64_t>(e.seq);
    journal_.push_back(e);
    Apply(&state_, e);
  }

  journal::Event Ev(journal::EventKind k) {
    journal::Event e;
    e.kind = k;
    return e;
  }

  void WriteIntent(uint32_t step, Direction dir) {
    journal::Event e = Ev(journal::EventKind::kStepIntent);
    e.intent.step = step;
    e.intent.action = testkit::UpdatePlan()[step];
    e.intent.direction = dir;
    const StepStatus& st = state_.steps[step];
    e.intent.attempt = (dir == Direction::kForward ? st.attempts : st.compensate_attempts) + 1;
    Write(e);
  }

  void WriteFailed(uint32_t step, Direction dir, const std::string& error, bool retryable) {
    journal::Event e = Ev(journal::EventKind::kStepFailed);
    e.failed.step = step;
    e.failed.direction = dir;
    e.failed.error = error;
    e.failed.retryable = retryable;
    Write(e);
  }

  void WriteDone(uint32_t step, bool recovered) {
    journal::Event e = Ev(journal::EventKind::kStepDone);
    e.done.step = step;
    e.done.recovered = recovered;
    Write(e);
  }

  void WriteCompensated(uint32_t step, bool recovered) {
    journal::Event e = Ev(journal::EventKind::kCompensated);
    e.compensated.step = step;
    e.compensated.recovered = recovered;
    Write(e);
  }

  // A fault consumes one failure when the driver call is made.
  static bool Fails(std::map<uint32_t, Fault>* faults, uint32_t step, bool* retryable) {
    auto it = faults->find(step);
    if (it == faults->end() || it->second.count == 0) return false;
    it->second.count--;
    *retryable = it->second.retryable;
    return true;
  }

  // Intent first, then the world, then the result.
  void ApplyStep(uint32_t step) {
    WriteIntent(step, Direction::kForward);
    if (step == 0 && sc_.fail_validation) {
      journal::Event c = Ev(journal::EventKind::kCheckResult);
      c.check.name = "hmc.reachable";
      c.check.result = CheckOutcome::kFailed;
      Write(c);
      WriteFailed(0, Direction::kForward, "validation failed", false);
      return;
    }
    bool retryable = false;
    if (Fails(&forward_, step, &retryable)) {
      WriteFailed(step, Direction::kForward, "injected", retryable);
      return;
    }
    Tick();  // the world change
    if (world_.count(step) != 0) violations_.push_back("step " + std::to_string(step) + " applied twice");
    world_.insert(step);
    if (++applied_[step] > 1) violations_.push_back("step " + std::to_string(step) + " applied again");
    WriteDone(step, false);
  }

  void CompensateStep(uint32_t step) {
    WriteIntent(step, Direction::kCompensate);
    bool retryable = false;
    if (Fails(&compensate_, step, &retryable)) {
      WriteFailed(step, Direction::kCompensate, "injected", retryable);
      return;
    }
    Tick();  // the world change
    if (world_.count(step) == 0) violations_.push_back("step " + std::to_string(step) + " compensated, not applied");
    world_.erase(step);
    if (++compensated_[step] > 1) violations_.push_back("step " + std::to_string(step) + " compensated twice");
    WriteCompensated(step, false);
  }

  void RunSession(Mode mode) {
    Policy p = MakePolicy(sc_.auto_rollback);
    if (mode == Mode::kForward) {
      state_ = OperationState{};
      journal::Event e = Ev(journal::EventKind::kOpStarted);
      e.op_started.plan = testkit::UpdatePlan();
      Write(e);
    } else {
      state_ = Fold(journal_);
    }
    p = SessionPolicy(state_, p);
    // A requested rollback is written only before the point of no return.
    bool starts_rollback = mode == Mode::kRollback && state_.started && !state_.finished &&
                           !state_.rolling_back && !ForwardOnly(state_, p);
    if (starts_rollback) {
      journal::Event e = Ev(journal::EventKind::kRollbackStarted);
      e.rollback.reason = "requested";
      Write(e);
    }
    // A step gave up in an earlier session: the operator (resume
    // --retry-step, or rollback during a rollback) has it tried again.
    if (mode != Mode::kForward && state_.gave_up) {
      journal::Event e = Ev(journal::EventKind::kOperatorAction);
      e.op_action.action = journal::OperatorActionKind::kRetryStep;
      e.op_action.step = state_.gave_up_info.step;
      e.op_action.direction = state_.gave_up_info.direction;
      Write(e);
    }
    for (int guard = 0; guard < 1000; guard++) {
      Move m = Decide(state_, p);
      if (ForwardOnly(state_, p) &&
          (m.kind == Kind::kStartRollback || m.kind == Kind::kCompensate || m.kind == Kind::kProbeCompensate)) {
        violations_.push_back(std::string("past the ponr: ") + MoveKindName(m.kind));
      }
      switch (m.kind) {
        case Kind::kNothing:
        case Kind::kStop:
          return;
        case Kind::kGiveUp: {
          journal::Event e = Ev(journal::EventKind::kGaveUp);
          e.gave_up.step = m.step;
          e.gave_up.direction = state_.rolling_back ? Direction::kCompensate : Direction::kForward;
          Write(e);
          break;
        }
        case Kind::kProbe:
          if (world_.count(m.step) != 0) {
            WriteDone(m.step, true);
          } else {
            ApplyStep(m.step);
          }
          break;
        case Kind::kApply:
          ApplyStep(m.step);
          break;
        case Kind::kMarkPointOfNoReturn:
          Write(Ev(journal::EventKind::kPointOfNoReturn));
          break;
        case Kind::kStartRollback: {
          journal::Event e = Ev(journal::EventKind::kRollbackStarted);
          e.rollback.reason = m.reason;
          e.rollback.automatic = true;
          Write(e);
          break;
        }
        case Kind::kProbeCompensate:
          if (world_.count(m.step) != 0) {
            CompensateStep(m.step);
          } else {
            WriteCompensated(m.step, true);
          }
          break;
        case Kind::kCompensate:
          CompensateStep(m.step);
          break;
        case Kind::kFinish: {
          journal::Event e = Ev(journal::EventKind::kOpFinished);
          e.finished.outcome = m.outcome;
          Write(e);
          return;
        }
      }
    }
    violations_.push_back("a session does not end");
  }

  Scenario sc_;
  std::map<uint32_t, Fault> forward_;
  std::map<uint32_t, Fault> compensate_;
  std::vector<journal::Event> journal_;
  std::set<uint32_t> world_;
  std::map<uint32_t, int> applied_;
  std::map<uint32_t, int> compensated_;
  std::vector<std::string> violations_;
  OperationState state_;
  int64_t budget_ = -1;
  int64_t actions_ = 0;
};

std::string Show(const std::set<uint32_t>& w) { return ::testing::PrintToString(w); }

// After recovery: the operation is finished and the world is all or nothing.
void ExpectAllOrNothing(Sim& sim, Sim::Mode mode, const std::string& where) {
  for (int session = 0; session < 6; session++) {
    OperationState s = Fold(sim.journal());
    if (!s.started || s.finished) break;
    ASSERT_TRUE(sim.Session(mode)) << where;
  }
  OperationState s = Fold(sim.journal());
  EXPECT_TRUE(sim.violations().empty()) << where << ": " << ::testing::PrintToString(sim.violations());
  EXPECT_TRUE(s.anomalies.empty()) << where << ": " << ::testing::PrintToString(s.anomalies);
  if (!s.started) {  // crashed before opStarted: nothing happened
    EXPECT_TRUE(sim.world().empty()) << where;
    return;
  }
  ASSERT_TRUE(s.finished) << where;
  if (s.outcome == Outcome::kCompleted) {
    EXPECT_EQ(sim.world().size(), kPlanSize) << where << ": " << Show(sim.world());
  } else {
    EXPECT_TRUE(sim.world().empty()) << where << ": " << journal::OutcomeName(s.outcome) << " " << Show(sim.world());
  }
}

std::vector<Scenario> Scenarios() {
  std::vector<Scenario> v;
  v.push_back({"clean", {}, {}, false, true});
  v.push_back({"retry_before_ponr", {{7, {2, true}}}, {}, false, true});
  v.push_back({"retry_ponr_step", {{13, {1, true}}}, {}, false, true});
  v.push_back({"retry_after_ponr", {{16, {2, true}}}, {}, false, true});
  v.push_back({"auto_rollback_permanent", {{9, {1, false}}}, {}, false, true});
  v.push_back({"auto_rollback_at_max", {{5, {3, true}}}, {}, false, true});
  v.push_back({"rollback_compensate_retry", {{9, {1, false}}}, {{4, {2, true}}}, false, true});
  v.push_back({"rollback_compensate_stop", {{9, {1, false}}}, {{6, {3, true}}}, false, true});
  v.push_back({"ponr_step_fails_rolls_back", {{13, {1, false}}}, {}, false, true});
  v.push_back({"no_auto_rollback", {{9, {1, false}}}, {}, false, false});
  v.push_back({"stop_after_ponr", {{15, {1, false}}}, {}, false, true});
  v.push_back({"failed_validation", {}, {}, true, true});
  return v;
}

// Crashes the first session after each possible number of actions, then
// resumes or rolls back; checks all-or-nothing and the point of no return.
void CheckEveryCrashPoint(const Scenario& sc) {
  Sim whole(sc);
  whole.Session(Sim::Mode::kForward);
  const int64_t total = whole.actions();
  ASSERT_GT(total, 0);
  ExpectAllOrNothing(whole, Sim::Mode::kResume, sc.name + " uncrashed");

  for (int64_t cut = 0; cut <= total; cut++) {
    for (Sim::Mode mode : {Sim::Mode::kResume, Sim::Mode::kRollback}) {
      const std::string where = sc.name + " crash after " + std::to_string(cut) + " actions, " +
                                (mode == Sim::Mode::kResume ? "resume" : "rollback");
      Sim sim(sc);
      sim.CrashAfter(cut);
      const bool crashed = !sim.Session(Sim::Mode::kForward);
      EXPECT_EQ(crashed, cut < total) << where;
      sim.CrashAfter(-1);
      const OperationState at_crash = Fold(sim.journal());
      const bool ponr_done = std::any_of(sim.journal().begin(), sim.journal().end(), [](const journal::Event& e) {
        return e.kind == journal::EventKind::kStepDone && e.done.step == static_cast<uint32_t>(kPonrStep);
      });
      ExpectAllOrNothing(sim, mode, where);
      if (!at_crash.started || at_crash.finished) continue;
      const OperationState end = Fold(sim.journal());
      EXPECT_EQ(ForwardOnly(at_crash, SessionPolicy(at_crash)), ponr_done) << where;
      if (ponr_done) {
        // Past the point of no return a rollback is impossible: forward it goes.
        EXPECT_EQ(end.outcome, Outcome::kCompleted) << where;
        EXPECT_FALSE(end.rolling_back) << where;
      } else if (mode == Sim::Mode::kRollback) {
        EXPECT_NE(end.outcome, Outcome::kCompleted) << where;
        EXPECT_TRUE(sim.world().empty()) << where;
      }
      if (at_crash.rolling_back) {
        EXPECT_EQ(end.outcome, Outcome::kRolledBack) << where;
      }
    }
  }
}

TEST(DecidePropertyTest, EveryCrashPointEndsAllOrNothing) {
  for (const Scenario& sc : Scenarios()) {
    SCOPED_TRACE(sc.name);
    CheckEveryCrashPoint(sc);
  }
}

TEST(DecidePropertyTest, ScenariosReachTheirExpectedOutcomeWithoutCrash) {
  std::map<std::string, Outcome> expect = {
      {"clean", Outcome::kCompleted},
      {"retry_before_ponr", Outcome::kCompleted},
      {"retry_ponr_step", Outcome::kCompleted},
      {"retry_after_ponr", Outcome::kCompleted},
      {"auto_rollback_permanent", Outcome::kRolledBack},
      {"auto_rollback_at_max", Outcome::kRolledBack},
      {"rollback_compensate_retry", Outcome::kRolledBack},
      {"rollback_compensate_stop", Outcome::kRolledBack},
      {"ponr_step_fails_rolls_back", Outcome::kRolledBack},
      {"no_auto_rollback", Outcome::kCompleted},  // stopped, then resumed
      {"stop_after_ponr", Outcome::kCompleted},   // stopped, then resumed
      {"failed_validation", Outcome::kFailedValidation},
  };
  for (const Scenario& sc : Scenarios()) {
    Sim sim(sc);
    sim.Session(Sim::Mode::kForward);
    ExpectAllOrNothing(sim, Sim::Mode::kResume, sc.name);
    OperationState s = Fold(sim.journal());
    ASSERT_TRUE(expect.count(sc.name)) << sc.name;
    EXPECT_EQ(s.outcome, expect[sc.name]) << sc.name;
  }
}

TEST(DecidePropertyTest, SecondCrashDuringRecoveryStillEndsAllOrNothing) {
  for (const Scenario& sc : Scenarios()) {
    if (sc.name != "clean" && sc.name != "rollback_compensate_retry" && sc.name != "retry_ponr_step") continue;
    SCOPED_TRACE(sc.name);
    Sim whole(sc);
    whole.Session(Sim::Mode::kForward);
    const int64_t total = whole.actions();
    for (int64_t cut = 0; cut < total; cut++) {
      for (Sim::Mode mode : {Sim::Mode::kResume, Sim::Mode::kRollback}) {
        // How long is the recovery after this first crash?
        Sim probe(sc);
        probe.CrashAfter(cut);
        probe.Session(Sim::Mode::kForward);
        probe.CrashAfter(-1);
        const int64_t before = probe.actions();
        probe.Session(mode);
        const int64_t recovery = probe.actions() - before;
        for (int64_t cut2 = 0; cut2 < recovery; cut2++) {
          const std::string where = sc.name + " crash after " + std::to_string(cut) + " then " +
                                    std::to_string(cut2) + (mode == Sim::Mode::kResume ? " resume" : " rollback");
          Sim sim(sc);
          sim.CrashAfter(cut);
          sim.Session(Sim::Mode::kForward);
          sim.CrashAfter(cut2);
          EXPECT_FALSE(sim.Session(mode)) << where;
          sim.CrashAfter(-1);
          ExpectAllOrNothing(sim, mode, where);
          if (::testing::Test::HasFailure()) return;
        }
      }
    }
  }
}

}  // namespace
}  // namespace lvu::replay
