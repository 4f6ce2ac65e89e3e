// Preview: the validation of a live update without doing it (geninstall -k -p).
// It runs the validate step's checks against the world, changing nothing
// (the simulator's clock advances by the time validation takes), and writes
// no journal.
#pragma once

#include <vector>

#include "actions/op_params.h"
#include "actions/step.h"
#include "base/status.h"
#include "drivers/system.h"
#include "journal/event.h"

namespace lvu::actions {

struct PreviewResult {
  std::vector<journal::CheckResult> checks;
  bool passed = false;  // no check FAILED
  OpParams params;      // what a run would act on (meaningful when passed)
};

// Non-OK only when the world could not be read.
Status Preview(drivers::System& sys, const ValidationInput& input, PreviewResult* out);

}  // namespace lvu::actions
