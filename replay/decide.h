// Decide: the pure choice of the executor's next move from an operation's state.
//
// The executor loops: fold what the journal says, Decide, carry the move out
// (writing the journal first), repeat until the move is kFinish or kStop. All of
// the recovery logic lives here, so that it is tested without any I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "replay/op_state.h"

namespace lvu::replay {

struct Policy {
  uint32_t max_attempts = 3;     // attempts of a step per session before giving up
  bool auto_rollback = true;     // roll back by itself on a failure before the point of no return
  int ponr_step = -1;            // index of the step whose completion is the point of no return
  // Attempts each step had when this session began: a resumed operation gets a
  // fresh budget, and a step that failed in an earlier session is tried again.
  std::vector<uint32_t> base_attempts;
  std::vector<uint32_t> base_compensate_attempts;
};

struct Move {
  enum class Kind {
    kNothing,           // the operation is finished
    kProbe,             // a forward step is in flight: ask the world whether it is applied
    kApply,             // apply `step` (first try or retry)
    kMarkPointOfNoReturn,  // the ponr step is done but the event is missing
    kStartRollback,     // write rollbackStarted(reason), then compensate
    kProbeCompensate,   // during rollback: ask the world whether `step` is still applied
    kCompensate,        // undo `step`
    kFinish,            // write opFinished(outcome)
    kGiveUp,            // `step`'s retries ran out: write gaveUp, then stop for an operator
    kStop,              // stop for now: the operation is interrupted (resume or rollback)
  };
  Kind kind = Kind::kNothing;
  uint32_t step = 0;
  journal::Outcome outcome = journal::Outcome::kCompleted;
  std::string reason;
};

const char* MoveKindName(Move::Kind k);

// Whether the operation is past the point of no return (recorded, or the ponr
// step done), or is a revert, which only ever goes forward.
bool ForwardOnly(const OperationState& s, const Policy& p);

Move Decide(const OperationState& s, const Policy& p);

}  // namespace lvu::replay
