// OperationState: what the journal says about one operation, folded from its
// events (replay/fold.h). Plain values; no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journal/event.h"

namespace lvu::replay {

// Where one step of the plan stands.
enum class StepState {
  kPending,       // no intent yet
  kInFlight,      // forward intent written, no result: the world may or may not show it
  kDone,          // the world shows it applied
  kFailed,        // the last forward attempt failed
  kCompensating,  // compensate intent written, no result
  kCompensateFailed,  // the last compensation attempt failed
  kCompensated,   // undone (or found never applied)
};

const char* StepStateName(StepState s);  // "pending", "in_flight", ...

struct StepStatus {
  std::string name;
  StepState state = StepState::kPending;
  uint32_t attempts = 0;             // forward intents written
  uint32_t compensate_attempts = 0;  // compensate intents written
  std::string params;                // of the last forward intent
  std::string output;                // of stepDone
  std::string last_error;
  bool last_retryable = false;
  bool recovered = false;            // done or compensated found by probe
  int64_t first_intent_us = 0;
  int64_t done_us = 0;
  int64_t compensated_us = 0;
  bool skipped = false;              // marked done by an operator (resume --skip)
  std::string skip_reason;           // their --reason
  std::string skipped_by;            // their user name
};

struct OperationState {
  std::string op_id;
  bool started = false;              // opStarted seen
  journal::OpStarted info;           // from opStarted
  std::vector<StepStatus> steps;     // one per plan entry
  std::vector<journal::CheckResult> checks;
  bool validation_failed = false;    // a FAILED checkResult was recorded
  bool has_estimate = false;
  journal::Estimate estimate;
  bool point_of_no_return = false;
  bool rolling_back = false;
  journal::RollbackStarted rollback;
  // A step's retries ran out (gaveUp) and no operator has decided since: the
  // engine stops until `resume --retry-step`, `resume --skip` or `rollback`.
  bool gave_up = false;
  journal::GaveUp gave_up_info;      // the last gaveUp
  std::vector<journal::Session> sessions;           // resume / rollback commands, in order
  std::vector<journal::OperatorAction> operator_actions;  // in order
  std::vector<journal::Stopped> stops;               // stopped at an operator's request (signals), in order
  bool finished = false;
  journal::Outcome outcome = journal::Outcome::kCompleted;
  uint64_t next_seq = 0;             // seq the next event must carry
  int64_t started_us = 0;
  int64_t finished_us = 0;
  // Events that do not fit the fold's rules, each naming its seq: an intent for
  // a step outside the plan, done without intent, compensation of a step never
  // intended, anything after opFinished, a gap in sequence numbers. `journal
  // verify` reports these; the fold itself never throws them away.
  std::vector<std::string> anomalies;
};

}  // namespace lvu::replay
