// Timeline: an operation's story, built from its events for `journal show`
// and its SVG picture (view/timeline_svg.h). A pure function; no I/O.
//
// Every attempt of a step in one direction is a Span, from its stepIntent to
// its result (stepDone, stepFailed or compensated). A span with no result is
// open: the process died while the step was in flight, or it is running now.
//
// Clock: the world's clock in seconds (simulated with the sim driver) that the
// executor records in every step event's clockS (older journals: "clock_s" in
// stepIntent's params and stepDone's output). The other events carry no reading: each gets the next
// recorded reading, since the executor changes nothing in the world between
// an event and the next step's intent, or the last reading when none follows.
// -1 everywhere when the operation has no reading at all. An open span ends
// at the clock of the event after its intent (its successor in the journal:
// the crash came before it), or at the last reading.
//
// Blackout (the one computation of it: actions/op_timing.h, `status`, the run's
// summary and `journal show` all read it from here): from the last forward
// intent of the step that freezes the workload to the completion of the step
// that restarts it (BlackoutStepsOf); when the freeze was compensated
// instead (rollback thawed the workload on the original), the window ends at
// that compensation, with ended_by_thaw set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journal/event.h"
#include "replay/op_state.h"

namespace lvu::replay {

struct Span {
  enum class End { kOpen, kDone, kFailed, kCompensated };
  journal::Direction direction = journal::Direction::kForward;
  uint32_t attempt = 0;      // the intent's attempt; 0 for a compensation found done by probe (no intent)
  End end = End::kOpen;
  uint64_t start_seq = 0;    // the intent (or the compensated record, for attempt 0)
  uint64_t end_seq = 0;      // the result; for an open span, the event after the intent (or the last)
  int64_t start_s = -1;      // clock
  int64_t end_s = -1;
  int64_t start_us = 0;      // wall clock, microseconds since the epoch
  int64_t end_us = 0;
  std::string params;        // the intent's params (JSON text)
  std::string output;        // stepDone's output (JSON text)
  std::string error;         // stepFailed's error
  bool retryable = false;
  bool recovered = false;    // the result was found by probe after a crash
  int64_t seconds() const { return start_s >= 0 && end_s >= 0 ? end_s - start_s : -1; }
};

const char* SpanEndName(Span::End e);  // "open", "done", "failed", "compensated"

struct StepLine {
  uint32_t index = 0;        // into the plan; step number = index + 1
  std::string name;
  StepStatus status;         // the fold's view of the step
  std::vector<Span> spans;   // in journal order
};

// A one-off event of the operation, when it happened.
struct Mark {
  bool present = false;
  uint64_t seq = 0;
  int64_t clock_s = -1;
  int64_t time_us = 0;
};

// An event that is neither part of a step's span nor a mark: who ran a
// command (session), an operator's decision (operatorAction), a step giving
// up (gaveUp), a notification script's run (scriptIntent, scriptDone).
struct Note {
  journal::Event event;
  int64_t clock_s = -1;
};

struct Timeline {
  OperationState state;              // the fold of the same events
  std::vector<StepLine> steps;       // one per plan entry
  std::vector<int64_t> clock;        // per event, in the order given (= seq for an intact operation)
  int64_t start_s = -1;              // first and last clock reading
  int64_t end_s = -1;
  Mark started;
  Mark ponr;                         // pointOfNoReturn
  Mark rollback;                     // rollbackStarted (state.rollback has reason and automatic)
  Mark finished;                     // opFinished (state.outcome)
  int64_t blackout_start_s = -1;
  int64_t blackout_end_s = -1;       // -1 while the workload is frozen (or never was)
  bool blackout_ended_by_thaw = false;
  std::vector<Note> notes;           // in journal order
  uint64_t events = 0;
  int64_t seconds() const { return start_s >= 0 && end_s >= 0 ? end_s - start_s : -1; }
  int64_t blackout_seconds() const {
    return blackout_start_s >= 0 && blackout_end_s >= 0 ? blackout_end_s - blackout_start_s : -1;
  }
};

// The clock reading an event carries (its clockS field; in journals written
// before that field, "clock_s" in an intent's params or a done's output), or -1.
int64_t ClockReading(const journal::Event& e);

// The steps that begin (freezes the workload) and end (restarts it on the new
// partition) the blackout: as the operation's opStarted records them from its
// plan's declarations, or, in journals written before those fields, by the
// names of lvupdate 0.1.0's plan. -1 when the plan has none (a revert).
struct BlackoutSteps {
  int freeze = -1;
  int restart = -1;
};
BlackoutSteps BlackoutStepsOf(const OperationState& s);

Timeline BuildTimeline(const std::vector<journal::Event>& events);

}  // namespace lvu::replay
