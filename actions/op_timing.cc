#include "actions/op_timing.h"

#include <nlohmann/json.hpp>

namespace lvu::actions {
namespace {

int64_t ClockIn(const std::string& json_text) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_object() && j.contains("clock_s") && j["clock_s"].is_number_integer()) {
    return j["clock_s"].get<int64_t>();
  }
  return -1;
}

}  // namespace

OpTiming TimingOf(const replay::OperationState& s) {
  OpTiming t;
  for (const auto& st : s.steps) {
    if (st.attempts == 0) continue;
    int64_t intent = ClockIn(st.params);
    if (t.start_s < 0 && intent >= 0) t.start_s = intent;
    int64_t done = st.state == replay::StepState::kDone ? ClockIn(st.output) : -1;
    int64_t last = done >= 0 ? done : intent;
    if (last > t.end_s) t.end_s = last;
    if (st.name == "workload.checkpoint") t.blackout_start_s = intent;
    if (st.name == "workload.restart" && done >= 0) t.blackout_end_s = done;
  }
  return t;
}

}  // namespace lvu::actions
