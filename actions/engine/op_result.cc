// See op_result.h.
#include "actions/engine/op_result.h"

#include "actions/engine/op_timing.h"
#include "actions/engine/plan.h"
#include "replay/fold.h"

namespace lvu::actions {

int ExitCode(Ending e) {
  switch (e) {
    case Ending::kCompleted:
    case Ending::kReverted:
    case Ending::kNothingToDo: return 0;
    case Ending::kFailedValidation: return 3;
    case Ending::kRolledBack: return 4;
    case Ending::kInterrupted: return 5;
  }
  return 1;
}

const char* EndingName(Ending e) {
  switch (e) {
    case Ending::kCompleted: return "completed";
    case Ending::kRolledBack: return "rolled_back";
    case Ending::kFailedValidation: return "failed_validation";
    case Ending::kReverted: return "reverted";
    case Ending::kInterrupted: return "interrupted";
    case Ending::kNothingToDo: return "nothing_to_do";
  }
  return "?";
}

Ending EndingOf(journal::Outcome o) {
  switch (o) {
    case journal::Outcome::kCompleted: return Ending::kCompleted;
    case journal::Outcome::kRolledBack: return Ending::kRolledBack;
    case journal::Outcome::kFailedValidation: return Ending::kFailedValidation;
    case journal::Outcome::kReverted: return Ending::kReverted;
  }
  return Ending::kInterrupted;
}

OpResult DescribeOp(const std::vector<journal::Event>& events, const replay::OperationState& state, const Plan& plan,
                    const replay::Policy& policy) {
  OpResult r;
  r.op_id = state.op_id;
  OpTiming t = TimingOf(events);
  r.clock_start_s = t.start_s;
  r.clock_end_s = t.end_s;
  r.blackout_s = t.blackout_s();
  if (state.has_estimate) {
    r.estimated_blackout_s = state.estimate.blackout_s;
    r.estimated_global_s = state.estimate.global_s;
  }
  r.ending = state.finished ? EndingOf(state.outcome) : Ending::kInterrupted;
  if (state.rolling_back) r.reason = state.rollback.reason;
  r.needs_decision = !state.finished && state.gave_up;
  r.past_point_of_no_return = replay::ForwardOnly(state, policy);
  r.simulated_clock = state.info.driver.empty() || state.info.driver == "sim";
  if (r.needs_decision && state.gave_up_info.step < state.steps.size()) {
    const journal::GaveUp& g = state.gave_up_info;
    r.failed_step = state.steps[g.step].name;
    r.failed_compensating = g.direction == journal::Direction::kCompensate;
    r.last_error = g.error;
    r.attempts = g.attempts;
    if (!r.failed_compensating && g.step < plan.size()) r.skip_note = plan[g.step]->SkipNote();
  }
  return r;
}

OpResult RecordedResult(const std::vector<journal::Event>& events) {
  replay::OperationState state = replay::Fold(events);
  Plan plan;
  if (!PlanFromNames(state.info.plan, &plan).ok()) plan = MakePlan(state.info.op_kind);
  replay::Policy policy;
  policy.ponr_step = PointOfNoReturnStep(plan);
  return DescribeOp(events, state, plan, policy);
}

}  // namespace lvu::actions
