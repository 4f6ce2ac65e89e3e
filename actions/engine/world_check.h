// Where the world contradicts the journal (DESIGN.md, invariants 5 and 6).
//
// The journal is written before the world changes, so after a crash the world
// can be at most one step ahead of it (the step in flight), and probing that
// step settles it. If the world is further ahead, the journal lost records
// below the event level (a cut log, a restored copy of an old journal), and
// acting on it can undo what the journal does not know happened: a rollback
// that believes the workload never moved shuts down the partition running it.
// Two checks, both reads of the world, keep the engine from acting then:
//
// - GuardWorkload: before a step is driven, the partition it would stop,
//   delete or unmap (Step::Endangers) must not run the workload or hold it
//   frozen. Otherwise Conflict, naming the partition, the step and what the
//   world shows; the caller writes nothing and stops (exit 1).
// - FindUnrecorded: every step the journal shows never started (pending) is
//   probed; one that the world shows applied is a record lost. Resume and
//   rollback refuse to act on such an operation, and `journal verify`
//   reports it. Only once the operation's parameters are known (validate
//   done): before that, nothing was changed by it.
#pragma once

#include <string>
#include <vector>

#include "actions/engine/plan.h"
#include "actions/engine/step.h"
#include "base/status.h"
#include "replay/op_state.h"

namespace lvu::actions {

Status GuardWorkload(const Step& step, StepContext& c, journal::Direction d);

struct Unrecorded {
  uint32_t step = 0;  // plan index
  std::string name;
  std::string effect;  // Step::Effect: what the world shows
};

Status FindUnrecorded(const Plan& plan, const replay::OperationState& s, StepContext& c,
                      std::vector<Unrecorded>* out);

// The Conflict that resume and rollback return for `found` (not empty).
Status UnrecordedConflict(const std::string& op_id, const std::vector<Unrecorded>& found);

}  // namespace lvu::actions
