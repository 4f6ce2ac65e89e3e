// Timeline: see timeline.h.
#include "replay/timeline.h"

#include <nlohmann/json.hpp>

#include "replay/fold.h"

namespace lvu::replay {

namespace {

using journal::Direction;
using journal::EventKind;

// The names of the blackout's steps in journals written before opStarted
// recorded them (freezeStep, restartStep): lvupdate 0.1.0's plan.
constexpr char kFreezeStepBefore[] = "workload.checkpoint";
constexpr char kRestartStepBefore[] = "workload.restart";

// Older journals carry the clock as "clock_s" in an intent's params or a done's output.
int64_t ClockIn(const std::string& json_text) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_object() && j.contains("clock_s") && j["clock_s"].is_number_integer()) {
    return j["clock_s"].get<int64_t>();
  }
  return -1;
}

Mark MarkOf(const journal::Event& e, int64_t clock) { return Mark{true, e.seq, clock, e.time_us}; }

// The step's last span, when it is open and goes `dir`.
Span* OpenSpan(StepLine* line, Direction dir) {
  if (line->spans.empty()) return nullptr;
  Span& s = line->spans.back();
  return s.end == Span::End::kOpen && s.direction == dir ? &s : nullptr;
}

void Close(Span* s, Span::End end, const journal::Event& e, int64_t clock) {
  s->end = end;
  s->end_seq = e.seq;
  s->end_s = clock;
  s->end_us = e.time_us;
}

}  // namespace

const char* SpanEndName(Span::End e) {
  switch (e) {
    case Span::End::kOpen: return "open";
    case Span::End::kDone: return "done";
    case Span::End::kFailed: return "failed";
    case Span::End::kCompensated: return "compensated";
  }
  return "?";
}

int64_t ClockReading(const journal::Event& e) {
  switch (e.kind) {
    case EventKind::kStepIntent: return e.intent.clock_s >= 0 ? e.intent.clock_s : ClockIn(e.intent.params);
    case EventKind::kStepDone: return e.done.clock_s >= 0 ? e.done.clock_s : ClockIn(e.done.output);
    case EventKind::kStepFailed: return e.failed.clock_s;
    case EventKind::kCompensated: return e.compensated.clock_s;
    default: return -1;
  }
}

BlackoutSteps BlackoutStepsOf(const OperationState& s) {
  BlackoutSteps b{s.info.freeze_step, s.info.restart_step};
  if (b.freeze >= 0 || b.restart >= 0) return b;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (s.steps[i].name == kFreezeStepBefore) b.freeze = static_cast<int>(i);
    if (s.steps[i].name == kRestartStepBefore) b.restart = static_cast<int>(i);
  }
  return b;
}

Timeline BuildTimeline(const std::vector<journal::Event>& events) {
  Timeline t;
  t.state = Fold(events);
  t.events = events.size();

  // Clocks: each event's own reading, else the next one, else the last one.
  const size_t n = events.size();
  t.clock.assign(n, -1);
  int64_t next = -1;
  for (size_t i = n; i-- > 0;) {
    int64_t own = ClockReading(events[i]);
    if (own >= 0) next = own;
    t.clock[i] = own >= 0 ? own : next;
  }
  int64_t last = -1;
  for (size_t i = 0; i < n; ++i) {
    if (ClockReading(events[i]) >= 0) {
      last = ClockReading(events[i]);
      if (t.start_s < 0) t.start_s = last;
      if (last > t.end_s) t.end_s = last;
    }
    if (t.clock[i] < 0) t.clock[i] = last;
  }

  for (size_t i = 0; i < t.state.steps.size(); ++i) {
    StepLine line;
    line.index = static_cast<uint32_t>(i);
    line.name = t.state.steps[i].name;
    line.status = t.state.steps[i];
    t.steps.push_back(std::move(line));
  }
  auto step = [&](uint32_t index) -> StepLine* {
    return index < t.steps.size() ? &t.steps[index] : nullptr;
  };
  const BlackoutSteps blackout = BlackoutStepsOf(t.state);
  auto is = [](const StepLine* line, int index) { return index >= 0 && line->index == static_cast<uint32_t>(index); };

  int64_t checkpoint_intent_s = -1;  // of the last forward intent of the checkpoint
  for (size_t i = 0; i < n; ++i) {
    const journal::Event& e = events[i];
    const int64_t clock = t.clock[i];
    // An open span ends where the journal goes on without it.
    for (StepLine& line : t.steps) {
      if (!line.spans.empty() && line.spans.back().end == Span::End::kOpen &&
          line.spans.back().start_seq != e.seq && line.spans.back().end_seq == line.spans.back().start_seq) {
        line.spans.back().end_seq = e.seq;
        line.spans.back().end_s = clock;
        line.spans.back().end_us = e.time_us;
      }
    }
    switch (e.kind) {
      case EventKind::kOpStarted: t.started = MarkOf(e, clock); break;
      case EventKind::kStepIntent: {
        StepLine* line = step(e.intent.step);
        if (line == nullptr) break;
        Span s;
        s.direction = e.intent.direction;
        s.attempt = e.intent.attempt;
        s.start_seq = s.end_seq = e.seq;
        s.start_s = s.end_s = clock;
        s.start_us = s.end_us = e.time_us;
        s.params = e.intent.params;
        line->spans.push_back(std::move(s));
        if (is(line, blackout.freeze) && e.intent.direction == Direction::kForward) {
          checkpoint_intent_s = clock;
        }
        break;
      }
      case EventKind::kStepDone: {
        StepLine* line = step(e.done.step);
        Span* s = line ? OpenSpan(line, Direction::kForward) : nullptr;
        if (s == nullptr) break;  // the fold records the anomaly
        Close(s, Span::End::kDone, e, clock);
        s->output = e.done.output;
        s->recovered = e.done.recovered;
        if (is(line, blackout.restart) && checkpoint_intent_s >= 0) {
          t.blackout_start_s = checkpoint_intent_s;
          t.blackout_end_s = clock;
          t.blackout_ended_by_thaw = false;
        }
        break;
      }
      case EventKind::kStepFailed: {
        StepLine* line = step(e.failed.step);
        Span* s = line ? OpenSpan(line, e.failed.direction) : nullptr;
        if (s == nullptr) break;
        Close(s, Span::End::kFailed, e, clock);
        s->error = e.failed.error;
        s->retryable = e.failed.retryable;
        break;
      }
      case EventKind::kCompensated: {
        StepLine* line = step(e.compensated.step);
        if (line == nullptr) break;
        Span* s = OpenSpan(line, Direction::kCompensate);
        if (s == nullptr) {
          // Found undone by probe, with no compensation intent of its own.
          Span probe;
          probe.direction = Direction::kCompensate;
          probe.start_seq = e.seq;
          probe.start_s = clock;
          probe.start_us = e.time_us;
          line->spans.push_back(std::move(probe));
          s = &line->spans.back();
        }
        Close(s, Span::End::kCompensated, e, clock);
        s->recovered = e.compensated.recovered;
        if (is(line, blackout.freeze) && checkpoint_intent_s >= 0 && t.blackout_end_s < 0) {
          t.blackout_start_s = checkpoint_intent_s;
          t.blackout_end_s = clock;
          t.blackout_ended_by_thaw = true;
        }
        break;
      }
      case EventKind::kPointOfNoReturn: t.ponr = MarkOf(e, clock); break;
      case EventKind::kRollbackStarted:
        if (!t.rollback.present) t.rollback = MarkOf(e, clock);
        break;
      case EventKind::kOpFinished: t.finished = MarkOf(e, clock); break;
      case EventKind::kSession:
      case EventKind::kOperatorAction:
      case EventKind::kGaveUp:
      case EventKind::kStopped:
      case EventKind::kScriptIntent:
      case EventKind::kScriptDone:
        t.notes.push_back({e, clock});
        break;
      case EventKind::kCheckResult:
      case EventKind::kEstimate:
        break;
    }
  }
  // Frozen, and neither restarted on the surrogate nor thawed: still open.
  if (t.blackout_start_s < 0) t.blackout_start_s = checkpoint_intent_s;
  return t;
}

}  // namespace lvu::replay
