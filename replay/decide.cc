#include "replay/decide.h"

namespace lvu::replay {
namespace {

uint32_t Base(const std::vector<uint32_t>& v, size_t i) { return i < v.size() ? v[i] : 0; }

Move Make(Move::Kind k, uint32_t step = 0, std::string reason = "") {
  Move m;
  m.kind = k;
  m.step = step;
  m.reason = std::move(reason);
  return m;
}

Move Finish(journal::Outcome o) {
  Move m;
  m.kind = Move::Kind::kFinish;
  m.outcome = o;
  return m;
}

std::string FailureText(const StepStatus& st) {
  return "step " + st.name + " failed: " + st.last_error;
}

Move DecideForward(const OperationState& s, const Policy& p) {
  size_t i = 0;
  while (i < s.steps.size() && s.steps[i].state == StepState::kDone) i++;
  if (i == s.steps.size()) {
    return Finish(s.info.op_kind == journal::OpKind::kRevert ? journal::Outcome::kReverted
                                                             : journal::Outcome::kCompleted);
  }
  const StepStatus& st = s.steps[i];
  uint32_t step = static_cast<uint32_t>(i);
  switch (st.state) {
    case StepState::kPending: return Make(Move::Kind::kApply, step);
    case StepState::kInFlight: return Make(Move::Kind::kProbe, step);
    case StepState::kFailed: {
      // failedValidation means nothing changed: only validate itself may end so.
      // A failure after changes is rolled back (or stops) like any other.
      if (s.validation_failed && i == 0) return Finish(journal::Outcome::kFailedValidation);
      uint32_t session = st.attempts - Base(p.base_attempts, i);
      if (session == 0) return Make(Move::Kind::kApply, step);
      if (st.last_retryable && session < p.max_attempts) return Make(Move::Kind::kApply, step);
      if (!ForwardOnly(s, p) && p.auto_rollback) {
        return Make(Move::Kind::kStartRollback, step, FailureText(st));
      }
      return Make(Move::Kind::kGiveUp, step, FailureText(st));
    }
    default:
      return Make(Move::Kind::kStop, step,
                  "step " + st.name + " is " + StepStateName(st.state) + " outside a rollback");
  }
}

Move DecideRollback(const OperationState& s, const Policy& p) {
  for (size_t k = s.steps.size(); k-- > 0;) {
    const StepStatus& st = s.steps[k];
    uint32_t step = static_cast<uint32_t>(k);
    switch (st.state) {
      case StepState::kPending:
      case StepState::kCompensated:
        continue;
      case StepState::kInFlight:
      case StepState::kFailed:
      case StepState::kCompensating:
        return Make(Move::Kind::kProbeCompensate, step);
      case StepState::kDone:
        return Make(Move::Kind::kCompensate, step);
      case StepState::kCompensateFailed: {
        uint32_t session = st.compensate_attempts - Base(p.base_compensate_attempts, k);
        if (session == 0 || (st.last_retryable && session < p.max_attempts)) {
          return Make(Move::Kind::kCompensate, step);
        }
        return Make(Move::Kind::kGiveUp, step, "compensation of " + st.name + " failed: " + st.last_error);
      }
    }
  }
  return Finish(journal::Outcome::kRolledBack);
}

}  // namespace

const char* MoveKindName(Move::Kind k) {
  switch (k) {
    case Move::Kind::kNothing: return "nothing";
    case Move::Kind::kProbe: return "probe";
    case Move::Kind::kApply: return "apply";
    case Move::Kind::kMarkPointOfNoReturn: return "mark_point_of_no_return";
    case Move::Kind::kStartRollback: return "start_rollback";
    case Move::Kind::kProbeCompensate: return "probe_compensate";
    case Move::Kind::kCompensate: return "compensate";
    case Move::Kind::kFinish: return "finish";
    case Move::Kind::kGiveUp: return "give_up";
    case Move::Kind::kStop: return "stop";
  }
  return "?";
}

bool ForwardOnly(const OperationState& s, const Policy& p) {
  if (s.info.op_kind == journal::OpKind::kRevert) return true;
  if (s.point_of_no_return) return true;
  return p.ponr_step >= 0 && static_cast<size_t>(p.ponr_step) < s.steps.size() &&
         s.steps[p.ponr_step].state == StepState::kDone;
}

Move Decide(const OperationState& s, const Policy& p) {
  if (!s.started || s.finished) return Make(Move::Kind::kNothing);
  if (p.ponr_step >= 0 && !s.point_of_no_return && !s.rolling_back &&
      static_cast<size_t>(p.ponr_step) < s.steps.size() &&
      s.steps[p.ponr_step].state == StepState::kDone) {
    return Make(Move::Kind::kMarkPointOfNoReturn, static_cast<uint32_t>(p.ponr_step));
  }
  if (s.gave_up) {
    const journal::GaveUp& g = s.gave_up_info;
    std::string name = g.step < s.steps.size() ? s.steps[g.step].name : std::to_string(g.step);
    return Make(Move::Kind::kStop, g.step,
                (g.direction == journal::Direction::kForward ? "step " + name : "compensation of " + name) +
                    " failed: " + g.error + " (retries ran out: an operator must decide)");
  }
  return s.rolling_back ? DecideRollback(s, p) : DecideForward(s, p);
}

}  // namespace lvu::replay
