// OpTiming: the world-clock times of an operation, read from the clock the
// executor records in every stepIntent's params and stepDone's output
// ("clock_s"): start and end, and the blackout window (from the checkpoint's
// intent to the restart's completion).
#pragma once

#include <cstdint>

#include "replay/op_state.h"

namespace lvu::actions {

struct OpTiming {
  int64_t start_s = -1;
  int64_t end_s = -1;
  int64_t blackout_start_s = -1;
  int64_t blackout_end_s = -1;
  int64_t blackout_s() const {
    return blackout_start_s >= 0 && blackout_end_s >= 0 ? blackout_end_s - blackout_start_s : -1;
  }
  int64_t total_s() const { return start_s >= 0 && end_s >= 0 ? end_s - start_s : -1; }
};

OpTiming TimingOf(const replay::OperationState& s);

}  // namespace lvu::actions
