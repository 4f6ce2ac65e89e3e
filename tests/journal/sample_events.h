// One event of every kind with every field set to a distinctive non-default
// value, and a check that two events are equal field by field.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "journal/event.h"

namespace lvu::journal::testing {

// The events of a complete operation, in a valid order, every kind once
// (checkResult and stepIntent twice). seq is left 0: Append assigns it.
inline std::vector<Event> SampleOperation(const std::string& op_id) {
  std::vector<Event> v;
  auto add = [&](EventKind k) -> Event& {
    Event e;
    e.op_id = op_id;
    e.kind = k;
    e.time_us = 1700000000000000 + static_cast<int64_t>(v.size()) * 1000;
    v.push_back(e);
    return v.back();
  };
  {
    Event& e = add(EventKind::kOpStarted);
    e.op_started.op_kind = OpKind::kRevert;
    e.op_started.config = "general:\n\tmode = automated\n";
    e.op_started.fixes = {"dummy.150813.epkg.Z", "other.epkg.Z"};
    e.op_started.plan = {"validate", "hmc.reserve", "apps.notify_check"};
    e.op_started.driver = "sim";
    e.op_started.host = "aix721534A";
    e.op_started.tool_version = "0.1.0";
    e.op_started.reverts = "01JD0000000000000000000000";
    e.op_started.system = "{\"fs./var.free_mb\":\"10\"}";
  }
  {
    Event& e = add(EventKind::kCheckResult);
    e.check.name = "adapters.two_sets";
    e.check.result = CheckOutcome::kFailed;
    e.check.message = "adapters can be divided into two sets";
  }
  {
    Event& e = add(EventKind::kCheckResult);
    e.check.name = "kext.check";
    e.check.result = CheckOutcome::kInfo;
    e.check.message = "no kernel extension";
  }
  {
    Event& e = add(EventKind::kEstimate);
    e.estimate.blackout_s = 42;
    e.estimate.global_s = 5000000000;  // > 2^32: a real 64-bit value
  }
  {
    Event& e = add(EventKind::kStepIntent);
    e.intent.step = 3;
    e.intent.action = "lpar.rename_original";
    e.intent.params = "{\"name\":\"aix721534A_lku0\"}";
    e.intent.attempt = 2;
    e.intent.direction = Direction::kForward;
  }
  {
    Event& e = add(EventKind::kStepDone);
    e.done.step = 3;
    e.done.output = "{\"renamed\":true}";
    e.done.recovered = true;
  }
  {
    Event& e = add(EventKind::kStepFailed);
    e.failed.step = 4;
    e.failed.direction = Direction::kCompensate;
    e.failed.error = "chsyscfg: HSCL1234 timed out";
    e.failed.retryable = true;
  }
  add(EventKind::kPointOfNoReturn);
  {
    Event& e = add(EventKind::kRollbackStarted);
    e.rollback.reason = "step 4 failed";
    e.rollback.automatic = true;
  }
  {
    Event& e = add(EventKind::kStepIntent);
    e.intent.step = 3;
    e.intent.action = "lpar.rename_original";
    e.intent.params = "{}";
    e.intent.attempt = 1;
    e.intent.direction = Direction::kCompensate;
  }
  {
    Event& e = add(EventKind::kCompensated);
    e.compensated.step = 3;
    e.compensated.recovered = true;
  }
  {
    Event& e = add(EventKind::kGaveUp);
    e.gave_up.step = 4;
    e.gave_up.direction = Direction::kCompensate;
    e.gave_up.error = "chsyscfg: HSCL1234 timed out";
    e.gave_up.attempts = 3;
  }
  {
    Event& e = add(EventKind::kStopped);
    e.stopped.signal = "SIGINT";
    e.stopped.where = "before step 9 disk.assign";
    e.stopped.pid = 4241;
  }
  {
    Event& e = add(EventKind::kSession);
    e.session.command = "resume";
    e.session.user = "root (sudo by alice)";
    e.session.host = "aix721534A";
    e.session.pid = 4242;
  }
  {
    Event& e = add(EventKind::kOperatorAction);
    e.op_action.action = OperatorActionKind::kSkipStep;
    e.op_action.step = 4;
    e.op_action.direction = Direction::kCompensate;
    e.op_action.reason = "bootlist set by hand (ticket 42)";
    e.op_action.user = "root (sudo by alice)";
  }
  {
    Event& e = add(EventKind::kOpFinished);
    e.finished.outcome = Outcome::kRolledBack;
  }
  return v;
}

// Compares the common fields and the fields of a.kind.
inline void ExpectSameEvent(const Event& a, const Event& b) {
  EXPECT_EQ(a.op_id, b.op_id);
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.time_us, b.time_us);
  ASSERT_EQ(a.kind, b.kind) << KindName(a.kind) << " vs " << KindName(b.kind);
  switch (a.kind) {
    case EventKind::kOpStarted:
      EXPECT_EQ(a.op_started.op_kind, b.op_started.op_kind);
      EXPECT_EQ(a.op_started.config, b.op_started.config);
      EXPECT_EQ(a.op_started.fixes, b.op_started.fixes);
      EXPECT_EQ(a.op_started.plan, b.op_started.plan);
      EXPECT_EQ(a.op_started.driver, b.op_started.driver);
      EXPECT_EQ(a.op_started.host, b.op_started.host);
      EXPECT_EQ(a.op_started.tool_version, b.op_started.tool_version);
      EXPECT_EQ(a.op_started.reverts, b.op_started.reverts);
      EXPECT_EQ(a.op_started.system, b.op_started.system);
      break;
    case EventKind::kCheckResult:
      EXPECT_EQ(a.check.name, b.check.name);
      EXPECT_EQ(a.check.result, b.check.result);
      EXPECT_EQ(a.check.message, b.check.message);
      break;
    case EventKind::kEstimate:
      EXPECT_EQ(a.estimate.blackout_s, b.estimate.blackout_s);
      EXPECT_EQ(a.estimate.global_s, b.estimate.global_s);
      break;
    case EventKind::kStepIntent:
      EXPECT_EQ(a.intent.step, b.intent.step);
      EXPECT_EQ(a.intent.action, b.intent.action);
      EXPECT_EQ(a.intent.params, b.intent.params);
      EXPECT_EQ(a.intent.attempt, b.intent.attempt);
      EXPECT_EQ(a.intent.direction, b.intent.direction);
      break;
    case EventKind::kStepDone:
      EXPECT_EQ(a.done.step, b.done.step);
      EXPECT_EQ(a.done.output, b.done.output);
      EXPECT_EQ(a.done.recovered, b.done.recovered);
      break;
    case EventKind::kStepFailed:
      EXPECT_EQ(a.failed.step, b.failed.step);
      EXPECT_EQ(a.failed.direction, b.failed.direction);
      EXPECT_EQ(a.failed.error, b.failed.error);
      EXPECT_EQ(a.failed.retryable, b.failed.retryable);
      break;
    case EventKind::kPointOfNoReturn:
      break;
    case EventKind::kRollbackStarted:
      EXPECT_EQ(a.rollback.reason, b.rollback.reason);
      EXPECT_EQ(a.rollback.automatic, b.rollback.automatic);
      break;
    case EventKind::kCompensated:
      EXPECT_EQ(a.compensated.step, b.compensated.step);
      EXPECT_EQ(a.compensated.recovered, b.compensated.recovered);
      break;
    case EventKind::kOpFinished:
      EXPECT_EQ(a.finished.outcome, b.finished.outcome);
      break;
    case EventKind::kScriptIntent:
      EXPECT_EQ(a.script_intent.step, b.script_intent.step);
      EXPECT_EQ(a.script_intent.phase, b.script_intent.phase);
      EXPECT_EQ(a.script_intent.side, b.script_intent.side);
      EXPECT_EQ(a.script_intent.label, b.script_intent.label);
      EXPECT_EQ(a.script_intent.command, b.script_intent.command);
      EXPECT_EQ(a.script_intent.priority, b.script_intent.priority);
      EXPECT_EQ(a.script_intent.attempt, b.script_intent.attempt);
      EXPECT_EQ(a.script_intent.timeout_s, b.script_intent.timeout_s);
      break;
    case EventKind::kScriptDone:
      EXPECT_EQ(a.script_done.step, b.script_done.step);
      EXPECT_EQ(a.script_done.phase, b.script_done.phase);
      EXPECT_EQ(a.script_done.side, b.script_done.side);
      EXPECT_EQ(a.script_done.label, b.script_done.label);
      EXPECT_EQ(a.script_done.exit_code, b.script_done.exit_code);
      EXPECT_EQ(a.script_done.signal, b.script_done.signal);
      EXPECT_EQ(a.script_done.timed_out, b.script_done.timed_out);
      EXPECT_EQ(a.script_done.error, b.script_done.error);
      EXPECT_EQ(a.script_done.output, b.script_done.output);
      EXPECT_EQ(a.script_done.elapsed_ms, b.script_done.elapsed_ms);
      break;
    case EventKind::kSession:
      EXPECT_EQ(a.session.command, b.session.command);
      EXPECT_EQ(a.session.user, b.session.user);
      EXPECT_EQ(a.session.host, b.session.host);
      EXPECT_EQ(a.session.pid, b.session.pid);
      break;
    case EventKind::kOperatorAction:
      EXPECT_EQ(a.op_action.action, b.op_action.action);
      EXPECT_EQ(a.op_action.step, b.op_action.step);
      EXPECT_EQ(a.op_action.direction, b.op_action.direction);
      EXPECT_EQ(a.op_action.reason, b.op_action.reason);
      EXPECT_EQ(a.op_action.user, b.op_action.user);
      break;
    case EventKind::kGaveUp:
      EXPECT_EQ(a.gave_up.step, b.gave_up.step);
      EXPECT_EQ(a.gave_up.direction, b.gave_up.direction);
      EXPECT_EQ(a.gave_up.error, b.gave_up.error);
      EXPECT_EQ(a.gave_up.attempts, b.gave_up.attempts);
      break;
    case EventKind::kStopped:
      EXPECT_EQ(a.stopped.signal, b.stopped.signal);
      EXPECT_EQ(a.stopped.where, b.stopped.where);
      EXPECT_EQ(a.stopped.pid, b.stopped.pid);
      break;
  }
}

}  // namespace lvu::journal::testing
