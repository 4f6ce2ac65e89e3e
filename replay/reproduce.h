// Reproduce: the pure part of `lvupdate replay OP --against-sim`.
//
// From one operation's events (and, for a revert, those of the update it
// reverts) it derives a Reproduction: the lvupdate commands that ran on the
// operation, one per session, in order, each with the simulator faults that
// make the engine meet the same failures and crashes at the same steps. The
// command part (cli/replay_sim.cc) runs them on a fresh simulated lab and then
// compares the events written there with the recorded ones (Compare).
//
// Sessions come from the journal itself: a `run` starts with opStarted, a
// `resume` or `rollback` of an unfinished operation writes a `session` event
// first, the operator's choice (`resume --retry-step`, `resume --skip`) an
// `operatorAction` after it; a revert begins with its own opStarted, in the
// same process as the update's last `rollback` session when that session
// finished the update past the point of no return, else in a `rollback` of
// the completed update.
//
// Faults, per session, from what the journal shows:
//   stepFailed retryable=false              -> fail        (at the step and its phase)
//   stepFailed retryable=true               -> transient   (consecutive ones: --times N)
//   a session without opFinished or gaveUp  -> it crashed: its last intent without
//     a result is the crash point; crash-after when the next session finds it
//     applied (stepDone recovered, or compensated recovered for a compensation),
//     else crash-before; with no intent in flight, when its last event is a
//     step's result (stepDone or compensated), crash-recorded at that step:
//     killed between two steps.
//
// The lab is first made the recorded system: opStarted.system holds the
// simulator's settings that differed from the seed lab (drivers/system.h).
//
// Not reproducible from the journal alone (the Reproduction says why, or a
// note says what is not compared): a FAILED validation check of an operation
// recorded without its system (an older lvupdate: the lab passes it), a
// session that ended on another event without opFinished (a kill right after
// a pointOfNoReturn, rollbackStarted or session event), a driver other than
// sim. Notification-script
// events (scriptIntent, scriptDone) are left out of the comparison: the lab
// has none of the customer's registrations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journal/event.h"

namespace lvu::replay {

// One `lvupdate sim fault add STEP --kind KIND --phase PHASE --times N`.
struct SimFault {
  std::string step;    // "disk.assign"
  std::string kind;    // fail | transient | crash-before | crash-after
  std::string phase;   // apply | compensate
  uint32_t times = 1;
};

bool operator==(const SimFault& a, const SimFault& b);

struct ReproSession {
  enum class Command { kRun, kResume, kResumeRetryStep, kResumeSkip, kRollback };
  Command command = Command::kRun;
  std::string skip_step;     // kResumeSkip: the step's name
  std::string skip_reason;   // kResumeSkip: --reason
  bool no_auto_rollback = false;  // a failure before the point of no return gave up instead of rolling back
  std::vector<SimFault> faults;   // added (after `sim fault clear`) before the command, in this order
  bool crashes = false;           // the session ends in a crash fault (exit 86)
  int expected_exit = -1;         // the command's exit code; -1 when the journal cannot tell
  // Where its events are: the operation (its index in Reproduction::ops) and
  // the seq range [first_seq, last_seq] written by this session there. A
  // session spanning an update and its revert lists the revert part in
  // `also` (rollback past the point of no return).
  size_t op = 0;
  uint64_t first_seq = 0, last_seq = 0;
  struct Part {
    size_t op = 0;
    uint64_t first_seq = 0, last_seq = 0;
  };
  std::vector<Part> also;
};

// The command's arguments after `lvupdate`: {"resume", "--retry-step"},
// {"resume", "--skip", STEP, "--reason", R}, ... `run` is {"run"} alone: the
// caller adds -d and the fixes.
std::vector<std::string> CommandArgs(const ReproSession& s);
// As a person would type it ("lvupdate resume --skip path.restore --reason '...'").
std::string CommandText(const ReproSession& s);

struct Reproduction {
  // The operations compared, in the order they are replayed: the update, then
  // (for a revert) the revert.
  std::vector<const std::vector<journal::Event>*> ops;
  std::vector<ReproSession> sessions;
  std::string problem;             // non-empty: it cannot be reproduced, and why
  std::vector<std::string> notes;  // what is not compared, and why
};

// `op_events`: the operation to reproduce (from seq 0, intact). For a revert,
// `reverted` holds the events of the update it reverts (opStarted.reverts);
// otherwise it is ignored and may be null. The Reproduction points into both.
Reproduction Derive(const std::vector<journal::Event>& op_events, const std::vector<journal::Event>* reverted);

// Comparison. An event's signature is what a reproduction must give again:
// its kind, step, direction, attempt, recovered, retryable, outcome, automatic,
// operator action, session command, gave-up attempts and a check's name; never
// times, ids, params, outputs, error texts, reasons, users, hosts or pids.
std::string Signature(const journal::Event& e);
// Whether `e` takes part in the comparison (script events do not).
bool Compared(const journal::Event& e);

struct Divergence {
  bool found = false;
  size_t op = 0;        // which operation (index in Reproduction::ops)
  // The events at the first difference; null when that side has none left.
  const journal::Event* recorded = nullptr;
  const journal::Event* replayed = nullptr;
  size_t compared = 0;  // events that matched before it (all operations)
};

// Compares operation by operation, in order, the compared events only.
// replayed[i] are the events the replay wrote for recorded[i].
Divergence Compare(const std::vector<const std::vector<journal::Event>*>& recorded,
                   const std::vector<std::vector<journal::Event>>& replayed);

}  // namespace lvu::replay
