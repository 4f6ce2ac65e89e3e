// OpTiming: the world-clock times of an operation: start and end, and the
// blackout window. Read from the operation's timeline (replay/timeline.h),
// which is the one place the blackout is computed, so that `status`, the
// summary of run, resume and rollback, and `journal show` always agree.
#pragma once

#include <cstdint>
#include <vector>

#include "journal/event.h"

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

OpTiming TimingOf(const std::vector<journal::Event>& events);

}  // namespace lvu::actions
