#include "replay/fold.h"

#include <string>

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::EventKind;

void Anomaly(OperationState* s, const journal::Event& e, const std::string& what) {
  s->anomalies.push_back("seq " + std::to_string(e.seq) + " (" + journal::KindName(e.kind) +
                         "): " + what);
}

// The step an event names, or nullptr (with an anomaly) when outside the plan.
StepStatus* StepOf(OperationState* s, const journal::Event& e, uint32_t index) {
  if (index >= s->steps.size()) {
    Anomaly(s, e, "step " + std::to_string(index) + " is outside the plan of " +
                      std::to_string(s->steps.size()) + " steps");
    return nullptr;
  }
  return &s->steps[index];
}

void ApplyIntent(OperationState* s, const journal::Event& e) {
  StepStatus* st = StepOf(s, e, e.intent.step);
  if (st == nullptr) return;
  if (s->gave_up) {
    Anomaly(s, e, "intent for step " + st->name + " after gaveUp without an operator's decision");
    s->gave_up = false;
  }
  if (e.intent.direction == Direction::kForward) {
    if (st->state == StepState::kDone) Anomaly(s, e, "intent for step " + st->name + " already done");
    if (s->rolling_back) Anomaly(s, e, "forward intent for " + st->name + " during rollback");
    st->params = e.intent.params;
    if (st->attempts == 0) st->first_intent_us = e.time_us;
    st->attempts++;
    st->state = StepState::kInFlight;
  } else {
    if (!s->rolling_back) Anomaly(s, e, "compensation of " + st->name + " outside a rollback");
    if (st->attempts == 0) {
      // Nothing to undo. Ignored: tracking it as compensating would have the
      // rollback probe it for ever, since its compensated record is refused.
      Anomaly(s, e, "compensation of step " + st->name + " never intended");
      return;
    }
    if (st->state == StepState::kCompensated) Anomaly(s, e, "step " + st->name + " compensated twice");
    st->compensate_attempts++;
    st->state = StepState::kCompensating;
  }
}

void ApplyDone(OperationState* s, const journal::Event& e) {
  StepStatus* st = StepOf(s, e, e.done.step);
  if (st == nullptr) return;
  if (st->state != StepState::kInFlight) {
    Anomaly(s, e, "done of step " + st->name + " without an intent in flight");
    return;
  }
  st->state = StepState::kDone;
  st->output = e.done.output;
  st->recovered = e.done.recovered;
  st->done_us = e.time_us;
}

void ApplyFailed(OperationState* s, const journal::Event& e) {
  StepStatus* st = StepOf(s, e, e.failed.step);
  if (st == nullptr) return;
  bool forward = e.failed.direction == Direction::kForward;
  StepState expected = forward ? StepState::kInFlight : StepState::kCompensating;
  if (st->state != expected) {
    Anomaly(s, e, "failure of step " + st->name + " without an intent in flight");
    return;
  }
  st->state = forward ? StepState::kFailed : StepState::kCompensateFailed;
  st->last_error = e.failed.error;
  st->last_retryable = e.failed.retryable;
}

void ApplyCompensated(OperationState* s, const journal::Event& e) {
  StepStatus* st = StepOf(s, e, e.compensated.step);
  if (st == nullptr) return;
  bool ok = st->state == StepState::kCompensating ||
            (e.compensated.recovered &&
             (st->state == StepState::kInFlight || st->state == StepState::kFailed));
  if (st->attempts == 0) {
    Anomaly(s, e, "compensation of step " + st->name + " never intended");
    return;
  }
  if (!ok) {
    Anomaly(s, e, "compensated record for step " + st->name + " in state " +
                      StepStateName(st->state));
    return;
  }
  st->state = StepState::kCompensated;
  st->recovered = e.compensated.recovered;
  st->compensated_us = e.time_us;
}

void ApplyGaveUp(OperationState* s, const journal::Event& e) {
  StepStatus* st = StepOf(s, e, e.gave_up.step);
  if (st == nullptr) return;
  StepState expected =
      e.gave_up.direction == Direction::kForward ? StepState::kFailed : StepState::kCompensateFailed;
  if (st->state != expected) {
    Anomaly(s, e, "gaveUp on step " + st->name + " in state " + StepStateName(st->state));
    return;
  }
  s->gave_up = true;
  s->gave_up_info = e.gave_up;
}

// retryStep: the failed step is tried again (the executor does it; the
// session's fresh budget allows it). skipStep: the next step of the plan,
// pending or failed, is done without running.
void ApplyOperatorAction(OperationState* s, const journal::Event& e) {
  const journal::OperatorAction& a = e.op_action;
  StepStatus* st = StepOf(s, e, a.step);
  if (st == nullptr) return;
  s->operator_actions.push_back(a);
  if (a.action == journal::OperatorActionKind::kRetryStep) {
    StepState expected =
        a.direction == Direction::kForward ? StepState::kFailed : StepState::kCompensateFailed;
    if (st->state != expected) {
      Anomaly(s, e, "retry of step " + st->name + " in state " + StepStateName(st->state));
      return;
    }
    s->gave_up = false;
    return;
  }
  if (s->rolling_back || a.direction != Direction::kForward) {
    Anomaly(s, e, "skip of step " + st->name + " during a rollback");
    return;
  }
  if (st->state != StepState::kPending && st->state != StepState::kFailed) {
    Anomaly(s, e, "skip of step " + st->name + " in state " + StepStateName(st->state));
    return;
  }
  st->state = StepState::kDone;
  st->skipped = true;
  st->skip_reason = a.reason;
  st->skipped_by = a.user;
  st->done_us = e.time_us;
  s->gave_up = false;
}

}  // namespace

const char* StepStateName(StepState s) {
  switch (s) {
    case StepState::kPending: return "pending";
    case StepState::kInFlight: return "in_flight";
    case StepState::kDone: return "done";
    case StepState::kFailed: return "failed";
    case StepState::kCompensating: return "compensating";
    case StepState::kCompensateFailed: return "compensate_failed";
    case StepState::kCompensated: return "compensated";
  }
  return "?";
}

void Apply(OperationState* s, const journal::Event& e) {
  if (e.seq != s->next_seq) {
    Anomaly(s, e, "expected seq " + std::to_string(s->next_seq) + " (a record is missing or out of order)");
  }
  s->next_seq = e.seq + 1;
  if (s->finished) {
    Anomaly(s, e, "event after opFinished");
    return;
  }
  if (!s->started && e.kind != EventKind::kOpStarted) {
    Anomaly(s, e, "event before opStarted");
    return;
  }
  switch (e.kind) {
    case EventKind::kOpStarted:
      if (s->started) {
        Anomaly(s, e, "second opStarted");
        return;
      }
      s->started = true;
      s->op_id = e.op_id;
      s->info = e.op_started;
      s->started_us = e.time_us;
      s->steps.clear();
      for (const auto& name : e.op_started.plan) {
        StepStatus st;
        st.name = name;
        s->steps.push_back(st);
      }
      break;
    case EventKind::kCheckResult:
      // A re-run validation replaces the result of a check of the same name.
      for (auto it = s->checks.begin(); it != s->checks.end();) {
        it = it->name == e.check.name ? s->checks.erase(it) : it + 1;
      }
      s->checks.push_back(e.check);
      if (e.check.result == journal::CheckOutcome::kFailed) s->validation_failed = true;
      break;
    case EventKind::kEstimate:
      s->has_estimate = true;
      s->estimate = e.estimate;
      break;
    case EventKind::kStepIntent: ApplyIntent(s, e); break;
    case EventKind::kStepDone: ApplyDone(s, e); break;
    case EventKind::kStepFailed: ApplyFailed(s, e); break;
    case EventKind::kPointOfNoReturn:
      if (s->rolling_back) Anomaly(s, e, "point of no return during a rollback");
      s->point_of_no_return = true;
      break;
    case EventKind::kRollbackStarted:
      if (s->point_of_no_return) {
        // Ignored: past it only forward recovery exists, and a rollback would
        // undo forward-only steps.
        Anomaly(s, e, "rollback started after the point of no return");
        break;
      }
      if (s->rolling_back) Anomaly(s, e, "second rollbackStarted");
      s->rolling_back = true;
      s->gave_up = false;  // the operator (or the engine) chose to roll back
      s->rollback = e.rollback;
      break;
    case EventKind::kCompensated: ApplyCompensated(s, e); break;
    case EventKind::kScriptIntent:
    case EventKind::kScriptDone:
      // Notification script runs: the executor reads them (actions/
      // script_ledger.h); a step's state does not depend on them.
      StepOf(s, e, e.kind == EventKind::kScriptIntent ? e.script_intent.step : e.script_done.step);
      break;
    case EventKind::kSession:
      s->sessions.push_back(e.session);
      break;
    case EventKind::kOperatorAction: ApplyOperatorAction(s, e); break;
    case EventKind::kGaveUp: ApplyGaveUp(s, e); break;
    case EventKind::kStopped: s->stops.push_back(e.stopped); break;
    case EventKind::kOpFinished:
      if (s->gave_up) Anomaly(s, e, "opFinished after gaveUp without an operator's decision");
      s->finished = true;
      s->outcome = e.finished.outcome;
      s->finished_us = e.time_us;
      break;
  }
}

OperationState Fold(const std::vector<journal::Event>& events) {
  OperationState s;
  for (const auto& e : events) Apply(&s, e);
  return s;
}

OperationState FoldUntil(const std::vector<journal::Event>& events, uint64_t until_seq) {
  OperationState s;
  for (const auto& e : events) {
    if (e.seq > until_seq) break;
    Apply(&s, e);
  }
  return s;
}

}  // namespace lvu::replay
