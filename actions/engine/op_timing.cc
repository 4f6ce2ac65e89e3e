#include "actions/engine/op_timing.h"

#include "replay/timeline.h"

namespace lvu::actions {

OpTiming TimingOf(const std::vector<journal::Event>& events) {
  const replay::Timeline t = replay::BuildTimeline(events);
  OpTiming o;
  o.start_s = t.start_s;
  o.end_s = t.end_s;
  o.blackout_start_s = t.blackout_start_s;
  o.blackout_end_s = t.blackout_end_s;
  return o;
}

}  // namespace lvu::actions
