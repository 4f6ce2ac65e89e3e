// replay/reproduce.h: sessions, faults and expected exits derived from
// hand-built journals, and the comparison of two event sequences.
#include "replay/reproduce.h"

#include <gtest/gtest.h>

#include "tests/replay/event_builder.h"

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::Event;
using journal::EventKind;
using journal::Outcome;
using testkit::EventBuilder;

using Cmd = ReproSession::Command;

constexpr uint32_t kAssign = 8;       // disk.assign
constexpr uint32_t kRestart = 13;     // workload.restart
constexpr uint32_t kPathRestore = 16;

EventBuilder& Session(EventBuilder& b, const std::string& command) {
  Event e = b.Make(EventKind::kSession);
  e.session.command = command;
  e.session.user = "root";
  e.session.host = "lab";
  e.session.pid = 4242;
  return b.Append(e);
}

EventBuilder& Operator(EventBuilder& b, journal::OperatorActionKind a, uint32_t step, const std::string& reason = "") {
  Event e = b.Make(EventKind::kOperatorAction);
  e.op_action.action = a;
  e.op_action.step = step;
  e.op_action.reason = reason;
  e.op_action.user = "root";
  return b.Append(e);
}

EventBuilder& GaveUp(EventBuilder& b, uint32_t step, uint32_t attempts, Direction d = Direction::kForward) {
  Event e = b.Make(EventKind::kGaveUp);
  e.gave_up.step = step;
  e.gave_up.direction = d;
  e.gave_up.error = "injected";
  e.gave_up.attempts = attempts;
  return b.Append(e);
}

// A run's beginning as the executor writes it: validate with its checks.
EventBuilder Update(const std::string& id = "01HUPDATE0000000000000000A") {
  EventBuilder b(id);
  b.Started().Intent(0).Check("adapters.two_sets", journal::CheckOutcome::kPassed).Estimate(27, 680).Done(0);
  return b;
}

SimFault F(const std::string& step, const std::string& kind, const std::string& phase = "apply", uint32_t times = 1) {
  return SimFault{step, kind, phase, times};
}

TEST(ReproduceTest, CompletedRunIsOneRunWithoutFaults) {
  EventBuilder b = Update();
  b.Forward(1, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(r.sessions[0].command, Cmd::kRun);
  EXPECT_TRUE(r.sessions[0].faults.empty());
  EXPECT_FALSE(r.sessions[0].crashes);
  EXPECT_EQ(r.sessions[0].expected_exit, 0);
  EXPECT_EQ(CommandArgs(r.sessions[0]), std::vector<std::string>{"run"});
  EXPECT_EQ(r.sessions[0].first_seq, 0u);
  EXPECT_EQ(r.sessions[0].last_seq, b.events().back().seq);
  EXPECT_TRUE(r.notes.empty());
}

TEST(ReproduceTest, FailureIsAFailFaultAndTheAutomaticRollbackExits4) {
  EventBuilder b = Update();
  b.Forward(1, 4).Intent(4).Failed(4, "injected failure at ifix.apply_clone", false);
  b.Rollback("step ifix.apply_clone failed", true).CompensateIntent(4).Compensated(4);
  for (uint32_t s : {3u, 1u}) b.CompensateIntent(s).Compensated(s);
  b.Finished(Outcome::kRolledBack);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("ifix.apply_clone", "fail")});
  EXPECT_EQ(r.sessions[0].expected_exit, 4);
}

TEST(ReproduceTest, ConsecutiveTransientFailuresAreOneFaultWithTimes) {
  EventBuilder b = Update();
  b.Forward(1, 3).Intent(3).Failed(3, "t", true).Intent(3).Failed(3, "t", true).Intent(3).Done(3);
  b.Forward(4, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.clone_rootvg", "transient", "apply", 2)});
  EXPECT_EQ(r.sessions[0].expected_exit, 0);
}

TEST(ReproduceTest, CrashFoundAppliedByResumeIsCrashAfter) {
  EventBuilder b = Update();
  b.Forward(1, kAssign).Intent(kAssign);  // crash
  Session(b, "resume").Done(kAssign, "{}", /*recovered=*/true);
  b.Forward(kAssign + 1, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].command, Cmd::kRun);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-after")});
  EXPECT_TRUE(r.sessions[0].crashes);
  EXPECT_EQ(r.sessions[0].expected_exit, 86);
  EXPECT_EQ(r.sessions[1].command, Cmd::kResume);
  EXPECT_TRUE(r.sessions[1].faults.empty());
  EXPECT_EQ(r.sessions[1].expected_exit, 0);
  EXPECT_EQ(r.sessions[1].first_seq, r.sessions[0].last_seq + 1);
}

TEST(ReproduceTest, KilledBetweenTwoStepsIsCrashRecorded) {
  EventBuilder b = Update();
  b.Forward(1, kAssign + 1);  // disk.assign done and journaled: the kill comes before the next intent
  Session(b, "rollback").Rollback("requested by the operator");
  for (uint32_t k = kAssign + 1; k-- > 1;) {
    b.CompensateIntent(k).Compensated(k);
    if (k == 6) break;  // killed again right after undoing lpar.create_surrogate
  }
  Session(b, "rollback");
  for (uint32_t k = 6; k-- > 0;) b.CompensateIntent(k).Compensated(k);
  b.Finished(Outcome::kRolledBack);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 3u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-recorded")});
  EXPECT_EQ(r.sessions[0].expected_exit, 86);
  EXPECT_EQ(r.sessions[1].command, Cmd::kRollback);
  EXPECT_EQ(r.sessions[1].faults, std::vector<SimFault>{F("lpar.create_surrogate", "crash-recorded", "compensate")});
  EXPECT_EQ(r.sessions[2].expected_exit, 0);
}

TEST(ReproduceTest, CrashAppliedAgainByResumeIsCrashBefore) {
  EventBuilder b = Update();
  b.Forward(1, kAssign).Intent(kAssign);
  Session(b, "resume").Intent(kAssign).Done(kAssign);
  b.Forward(kAssign + 1, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-before")});
}

TEST(ReproduceTest, CrashWithoutNextSessionIsCrashBefore) {
  EventBuilder b = Update();
  b.Forward(1, kAssign).Intent(kAssign);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 1u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-before")});
  EXPECT_EQ(r.sessions[0].expected_exit, 86);
}

TEST(ReproduceTest, CrashThenRollback) {
  // crash-before: the rollback's probe finds the step never applied.
  EventBuilder b = Update();
  b.Forward(1, kAssign).Intent(kAssign);
  Session(b, "rollback").Rollback("requested by the operator").Compensated(kAssign, /*recovered=*/true);
  for (uint32_t s = kAssign; s-- > 1;) b.CompensateIntent(s).Compensated(s);
  b.Finished(Outcome::kRolledBack);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-before")});
  EXPECT_EQ(r.sessions[1].command, Cmd::kRollback);
  EXPECT_EQ(r.sessions[1].expected_exit, 0);  // a requested rollback that rolled back did what was asked

  // crash-after: it settles the step done first, then undoes it.
  EventBuilder c = Update();
  c.Forward(1, kAssign).Intent(kAssign);
  Session(c, "rollback").Done(kAssign, "{}", true).Rollback("requested by the operator");
  for (uint32_t s = kAssign + 1; s-- > 1;) c.CompensateIntent(s).Compensated(s);
  c.Finished(Outcome::kRolledBack);
  r = Derive(c.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("disk.assign", "crash-after")});
}

TEST(ReproduceTest, CrashDuringRollbackIsACompensateFault) {
  EventBuilder b = Update();
  b.Forward(1, kAssign).Intent(kAssign);
  Session(b, "rollback").Rollback("requested by the operator").Compensated(kAssign, true);
  b.CompensateIntent(7).Compensated(7).CompensateIntent(6);  // crash after undoing lpar.create_surrogate
  Session(b, "rollback").Compensated(6, /*recovered=*/true);
  for (uint32_t s = 6; s-- > 1;) b.CompensateIntent(s).Compensated(s);
  b.Finished(Outcome::kRolledBack);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 3u);
  EXPECT_EQ(r.sessions[1].faults, std::vector<SimFault>{F("lpar.create_surrogate", "crash-after", "compensate")});
  EXPECT_EQ(r.sessions[1].expected_exit, 86);
  EXPECT_EQ(r.sessions[2].command, Cmd::kRollback);
  EXPECT_TRUE(r.sessions[2].faults.empty());
}

TEST(ReproduceTest, RevertOfACompletedUpdateIsASeparateRollback) {
  EventBuilder u = Update();
  u.Forward(1, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  EventBuilder v("01HREVERT00000000000000000");
  v.Started(journal::OpKind::kRevert);
  std::vector<Event> revert = v.events();
  revert[0].op_started.reverts = u.events()[0].op_id;
  EventBuilder v2("01HREVERT00000000000000000");
  for (const Event& e : revert) v2.Append(e);
  v2.Forward(0, 2).Finished(Outcome::kReverted);
  Reproduction r = Derive(v2.events(), &u.events());
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.ops.size(), 2u);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].command, Cmd::kRun);
  EXPECT_EQ(r.sessions[0].op, 0u);
  EXPECT_EQ(r.sessions[1].command, Cmd::kRollback);
  EXPECT_EQ(r.sessions[1].op, 1u);
  EXPECT_EQ(r.sessions[1].expected_exit, 0);

  // Without the update's events it cannot be reproduced.
  r = Derive(v2.events(), nullptr);
  EXPECT_NE(r.problem.find("not at hand"), std::string::npos) << r.problem;
}

TEST(ReproduceTest, RollbackPastThePointOfNoReturnAndItsRevertAreOneCommand) {
  EventBuilder u = Update();
  u.Forward(1, kRestart).Intent(kRestart);  // crash after the restart
  Session(u, "rollback").Done(kRestart, "{}", true).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  EventBuilder v("01HREVERT00000000000000000");
  Event st = v.Make(EventKind::kOpStarted);
  st.op_started.op_kind = journal::OpKind::kRevert;
  st.op_started.plan = testkit::RevertPlan();
  st.op_started.driver = "sim";
  st.op_started.reverts = u.events()[0].op_id;
  v.Append(st);
  // Crash after the reboot (a fault added before that rollback), then rollback again.
  v.Intent(0).Done(0).Intent(1);
  Session(v, "rollback").Done(1, "{}", true).Finished(Outcome::kReverted);

  Reproduction r = Derive(v.events(), &u.events());
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 3u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("workload.restart", "crash-after")});
  EXPECT_EQ(r.sessions[1].command, Cmd::kRollback);
  EXPECT_EQ(r.sessions[1].faults, std::vector<SimFault>{F("revert.reboot", "crash-after")});
  EXPECT_EQ(r.sessions[1].expected_exit, 86);
  ASSERT_EQ(r.sessions[1].also.size(), 1u);
  EXPECT_EQ(r.sessions[1].also[0].op, 1u);
  EXPECT_EQ(r.sessions[2].command, Cmd::kRollback);
  EXPECT_EQ(r.sessions[2].op, 1u);
  EXPECT_EQ(r.sessions[2].expected_exit, 0);

  // The update alone: the rollback's exit is the revert's, unknown here.
  r = Derive(u.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[1].expected_exit, -1);
  EXPECT_TRUE(r.sessions[1].faults.empty());
}

TEST(ReproduceTest, GaveUpThenRetryStep) {
  EventBuilder b = Update();
  b.Forward(1, 14).Ponr().Forward(14, kPathRestore);
  for (int i = 0; i < 3; ++i) b.Intent(kPathRestore).Failed(kPathRestore, "t", true);
  GaveUp(b, kPathRestore, 3);
  Session(b, "resume");
  Operator(b, journal::OperatorActionKind::kRetryStep, kPathRestore);
  b.Intent(kPathRestore).Done(kPathRestore).Forward(kPathRestore + 1, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.problem, "");
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_EQ(r.sessions[0].faults, std::vector<SimFault>{F("path.restore", "transient", "apply", 3)});
  EXPECT_EQ(r.sessions[0].expected_exit, 5);
  EXPECT_FALSE(r.sessions[0].no_auto_rollback);  // past the point of no return: no choice
  EXPECT_EQ(r.sessions[1].command, Cmd::kResumeRetryStep);
  EXPECT_EQ(CommandArgs(r.sessions[1]), (std::vector<std::string>{"resume", "--retry-step"}));
  EXPECT_EQ(r.sessions[1].expected_exit, 0);
}

TEST(ReproduceTest, SkipAndNoAutoRollback) {
  EventBuilder b = Update();
  b.Forward(1, 4).Intent(4).Failed(4, "f", false);
  GaveUp(b, 4, 1);  // no rollback before the point of no return: --no-auto-rollback
  Session(b, "resume");
  Operator(b, journal::OperatorActionKind::kSkipStep, 4, "applied by hand");
  b.Forward(5, 14).Ponr().Forward(14, 19).Finished(Outcome::kCompleted);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.sessions.size(), 2u);
  EXPECT_TRUE(r.sessions[0].no_auto_rollback);
  EXPECT_EQ(CommandArgs(r.sessions[0]), (std::vector<std::string>{"run", "--no-auto-rollback"}));
  EXPECT_EQ(r.sessions[1].command, Cmd::kResumeSkip);
  EXPECT_EQ(CommandArgs(r.sessions[1]),
            (std::vector<std::string>{"resume", "--skip", "ifix.apply_clone", "--reason", "applied by hand"}));
  EXPECT_EQ(CommandText(r.sessions[1]), "lvupdate resume --skip ifix.apply_clone --reason 'applied by hand'");
}

TEST(ReproduceTest, WhatCannotBeReproduced) {
  EventBuilder a = Update();
  std::vector<Event> ev = a.events();
  ev[0].op_started.driver = "aix";
  EXPECT_NE(Derive(ev, nullptr).problem.find("aix driver"), std::string::npos);

  EventBuilder f("01HUPDATE0000000000000000A");
  f.Started().Intent(0).Check("space.var", journal::CheckOutcome::kFailed).Failed(0, "validation failed", false);
  f.Finished(Outcome::kFailedValidation);
  EXPECT_NE(Derive(f.events(), nullptr).problem.find("validation FAILED"), std::string::npos);

  EXPECT_NE(Derive({}, nullptr).problem, "");
}

TEST(ReproduceTest, ScriptEventsAreNotedAndNotCompared) {
  EventBuilder b = Update();
  b.Intent(1).Done(1).Intent(2);
  Event si = b.Make(EventKind::kScriptIntent);
  si.script_intent.step = 2;
  b.Append(si);
  Event sd = b.Make(EventKind::kScriptDone);
  sd.script_done.step = 2;
  b.Append(sd);
  b.Done(2);
  Reproduction r = Derive(b.events(), nullptr);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_FALSE(Compared(si));

  // The same story without the script: no divergence.
  EventBuilder c = Update();
  c.Intent(1).Done(1).Intent(2).Done(2);
  Divergence d = Compare({&b.events()}, {c.events()});
  EXPECT_FALSE(d.found);
  EXPECT_EQ(d.compared, c.events().size());
}

TEST(ReproduceTest, SignatureIgnoresTimesIdsParamsOutputsAndTexts) {
  EventBuilder a("01HAAAAAAAAAAAAAAAAAAAAAAA"), b("01HBBBBBBBBBBBBBBBBBBBBBBB");
  a.Started().Intent(0, Direction::kForward, R"({"clock_s":0})").Done(0, R"({"x":1})").Intent(1);
  a.Failed(1, "injected failure at hmc.reserve", false);
  b.Started().Intent(0, Direction::kForward, R"({"clock_s":30})").Done(0, R"({"x":2})").Intent(1);
  b.Failed(1, "HSCL350B the HMC did not respond", false);
  std::vector<Event> bb = b.events();
  for (auto& e : bb) e.time_us += 12345;
  bb[0].op_started.host = "elsewhere";
  EXPECT_FALSE(Compare({&a.events()}, {bb}).found);
}

TEST(ReproduceTest, CompareReportsTheFirstDifferenceAndAShorterSide) {
  EventBuilder a = Update();
  a.Intent(1).Done(1).Intent(2).Done(2);
  EventBuilder b = Update();
  b.Intent(1).Failed(1, "x", false).Intent(2).Done(2);
  Divergence d = Compare({&a.events()}, {b.events()});
  ASSERT_TRUE(d.found);
  ASSERT_NE(d.recorded, nullptr);
  ASSERT_NE(d.replayed, nullptr);
  EXPECT_EQ(d.recorded->kind, EventKind::kStepDone);
  EXPECT_EQ(d.replayed->kind, EventKind::kStepFailed);
  EXPECT_EQ(d.recorded->seq, d.replayed->seq);
  EXPECT_EQ(d.compared, d.recorded->seq);

  // Retryable or not is part of the signature (fail vs transient).
  EventBuilder c = Update();
  c.Intent(1).Failed(1, "x", true).Intent(2).Done(2);
  EXPECT_TRUE(Compare({&b.events()}, {c.events()}).found);

  // The replay stops early: nothing on its side.
  EventBuilder s = Update();
  s.Intent(1).Done(1);
  d = Compare({&a.events()}, {s.events()});
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.replayed, nullptr);
  EXPECT_EQ(d.recorded->seq, s.events().size());
  // ... or writes more.
  d = Compare({&s.events()}, {a.events()});
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.recorded, nullptr);
  // A missing second operation (the revert was never started).
  d = Compare({&s.events(), &a.events()}, {s.events()});
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.op, 1u);
  EXPECT_EQ(d.compared, s.events().size());
}

}  // namespace
}  // namespace lvu::replay
