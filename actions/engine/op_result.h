// How an operation ended, as run, resume, rollback and status report it:
// the ending, the reason, the times against the estimate, and, for an
// operation that waits for an operator, the step that gave up and what may
// be done about it. One computation (DescribeOp) for the executor, which has
// just driven the operation, and for `status`, which reads its record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actions/engine/step.h"
#include "journal/event.h"
#include "replay/decide.h"
#include "replay/op_state.h"

namespace lvu::actions {

// Resume's reason when there is no unfinished operation.
inline constexpr char kNothingToResume[] =
    "there is no unfinished operation to resume (`lvupdate status` shows the last one)";

enum class Ending {
  kCompleted,
  kRolledBack,
  kFailedValidation,
  kReverted,
  kInterrupted,   // stopped: `lvupdate resume` or `lvupdate rollback`
  kNothingToDo,   // rollback of an operation already rolled back or reverted
};

struct OpResult {
  std::string op_id;
  Ending ending = Ending::kInterrupted;
  std::string reason;        // why it stopped or rolled back
  int64_t clock_start_s = -1;
  int64_t clock_end_s = -1;
  int64_t blackout_s = -1;   // -1 when the workload never moved
  int64_t estimated_blackout_s = -1;  // from the estimate event; -1 when none
  int64_t estimated_global_s = -1;
  // Stopped because a step's retries ran out: the operation waits for an
  // operator (resume --retry-step, resume --skip STEP --reason TEXT, or
  // rollback before the point of no return).
  bool needs_decision = false;
  std::string failed_step;   // its name
  bool failed_compensating = false;  // the compensation failed, during a rollback
  std::string last_error;
  uint32_t attempts = 0;
  std::string skip_note;     // non-empty when the failed step may be skipped
  bool past_point_of_no_return = false;
  // Its times are the simulator's clock (the sim driver), not wall time.
  bool simulated_clock = true;
};

// 0 done (completed, reverted, nothing to do), 3 validation failed,
// 4 failed and rolled back, 5 interrupted.
int ExitCode(Ending e);
const char* EndingName(Ending e);

Ending EndingOf(journal::Outcome o);

// What `events` (one operation, from seq 0), folded into `state`, say of how
// it ended or where it stopped: ending (interrupted while unfinished), reason,
// times (op_timing.h) and estimate, and the step that gave up (its name from
// `plan`, whether it may be skipped) with the policy's point of no return.
OpResult DescribeOp(const std::vector<journal::Event>& events, const replay::OperationState& state, const Plan& plan,
                    const replay::Policy& policy);

// The same from the record alone: the plan it was recorded with (the current
// one of its kind when a step name is unknown) and the default policy.
OpResult RecordedResult(const std::vector<journal::Event>& events);

}  // namespace lvu::actions
