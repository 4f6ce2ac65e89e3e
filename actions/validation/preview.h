// Preview: the validation of a live update without doing it (geninstall -k -p).
// It runs every check against the world (actions/validation.h), changing
// nothing: the simulator's clock advances by the time validation takes,
// nothing else; no journal is written.
#pragma once

#include "actions/validation/op_params.h"
#include "actions/validation/validation.h"
#include "base/status.h"
#include "drivers/system.h"

namespace lvu::actions {

struct PreviewResult {
  ValidationReport report;
  bool passed = false;  // no check FAILED
  OpParams params;      // what a run would act on (meaningful when passed)
};

// Non-OK only when nothing could be checked (the partition is unknown).
Status Preview(drivers::System& sys, const ValidationInput& input, PreviewResult* out);

}  // namespace lvu::actions
