// Executor: runs, resumes and rolls back operations by writing the journal
// and calling the drivers.
//
// The loop (DESIGN.md): fold the journal into the operation's state, let
// replay::Decide pick the next move, carry it out, repeat. Every world change
// is preceded by its durable stepIntent (write-ahead); the result is recorded
// after. A crash at any instant leaves a journal from which the same loop, in
// a new process, finishes the work (resume) or undoes it (rollback).
//
// Expected failures (a driver command failing, a validation check FAILED) are
// recorded in the journal and reported in OpResult; the returned Status is
// non-OK only when the executor itself could not go on (the journal could not
// be written, the operation's record is corrupted, bad input).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actions/engine/op_result.h"
#include "actions/engine/plan.h"
#include "actions/engine/step.h"
#include "actions/validation/validation.h"
#include "actions/engine/world_check.h"
#include "base/status.h"
#include "drivers/system.h"
#include "journal/journal.h"
#include "replay/decide.h"
#include "replay/op_state.h"

namespace lvu::actions {

// Sees every event the executor appends, after it is written.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void OnEvent(const journal::Event& e, const replay::OperationState& state) = 0;
  // The validate step's whole report (sizes, estimate, every check line),
  // before its checkResult and estimate events are appended.
  virtual void OnValidation(const ValidationReport&) {}
};

struct Settings {
  uint32_t max_attempts = 3;
  bool auto_rollback = true;
  std::string host = "localhost";
  std::string hmc_token_file;  // for a validation resumed from the journal
  std::string home;            // registrations (<home>/liveupdate) and scripts' LVUPDATE_HOME
  std::string user;            // who runs the command: recorded in session and operatorAction events
  uint32_t pid = 0;            // the command's process id, recorded in session events
};

// What the operator tells `resume` about the step whose retries ran out
// (a gaveUp in the journal). Each is journaled as an operatorAction event,
// with the user and reason, before it takes effect.
struct ResumeOverride {
  enum class Kind {
    kNone,       // plain resume: refused (stopped, needs_decision) while a step gave up
    kRetryStep,  // run the failed step (or compensation) again: its cause was fixed
    kSkipStep,   // mark `step` done without running it: only a skippable step, next in the plan
  };
  Kind kind = Kind::kNone;
  std::string step;    // kSkipStep: a step name, or its number in the plan (1-based)
  std::string reason;  // why; required for kSkipStep
};

struct RunRequest {
  ValidationInput input;
  std::string config_text;  // lvupdate.data as read; secrets are redacted before journaling
};

class Executor {
 public:
  Executor(journal::Journal* journal, drivers::System* sys, Observer* observer, Settings settings);

  // Starts a new live update. InvalidArgument when an operation is unfinished.
  Status Run(const RunRequest& request, OpResult* result);
  // Finishes the unfinished operation (forward, or its rollback if one began).
  // Writes a session event first. With none: ending kNothingToDo (exit 0),
  // or InvalidArgument with an override. With an override: InvalidArgument, writing
  // nothing, when it does not apply (no failed step to retry; a step that is
  // not skippable or not the next one; a skip without a reason).
  Status Resume(const ResumeOverride& o, OpResult* result);
  Status Resume(OpResult* result) { return Resume(ResumeOverride{}, result); }
  // Undoes the unfinished operation before the point of no return; past it,
  // finishes the update and then reverts it. On a completed update: reverts it.
  // Never acts on an imported operation. Which operation: see
  // actions/rollback_target.h (`op_arg`: --op, "" for the default).
  Status Rollback(const std::string& op_arg, OpResult* result);
  Status Rollback(OpResult* result) { return Rollback("", result); }

  // Reads the world against the unfinished operation `op_id` (world_check.h):
  // the steps the journal shows never started that the world shows applied.
  // Writes nothing; for `journal verify`. Empty for a finished operation.
  Status Reconcile(const std::string& op_id, std::vector<Unrecorded>* found);

 private:
  struct Session;
  class ScriptJournal;  // the ScriptLedger of a session: script runs as journal events
  // When a rollback is under way and applications heard LVUP_CHECK: the
  // LVUP_ERROR notification, once per session (its scripts once per operation).
  Status NotifyRollbackOnce(Session* s);
  Status Load(const std::string& op_id, Session* s);
  // Conflict (nothing written) when the world shows a step applied that the
  // journal shows never started: records were lost (world_check.h).
  Status CheckWorldNotAhead(Session* s);
  // Before move `m`: when a stop was asked (a signal, base/stop_request.h)
  // and `m` would change the world, writes a stopped event (synced) and
  // fills *result as interrupted (*stopped = true); not while the world shows
  // the workload frozen (the blackout): then the operation goes on.
  Status StopIfAsked(Session* s, const replay::Move& m, OpResult* result, bool* stopped);
  Status Drive(Session* s, OpResult* result);
  Status Append(Session* s, journal::Event e, bool sync);
  journal::Event Intent(const Session& s, uint32_t index, journal::Direction dir);
  journal::Event Failed(const Session& s, uint32_t index, journal::Direction dir, const Status& st);
  journal::Event RecoveredDone(const Session& s, uint32_t index);
  Status ApplyStep(Session* s, uint32_t index);
  // Probes `step`: true with *applied; false (a probe that failed: the
  // operation stops, interrupted, *result saying why) when it cannot.
  bool ProbeOrReport(Session* s, uint32_t step, bool* applied, OpResult* result);
  Status CompensateStep(Session* s, uint32_t index);
  Status StartRevert(const Session& update, OpResult* result);
  Status AppendSession(Session* s, const char* command);
  // The operatorAction event `o` asks for; InvalidArgument when it does not apply.
  Status OverrideEvent(const Session& s, const ResumeOverride& o, journal::Event* e);
  Status GiveUp(Session* s, const replay::Move& m);
  void Fill(const Session& s, OpResult* r);

  journal::Journal* journal_;
  drivers::System* sys_;
  Observer* observer_;
  Settings settings_;
};

}  // namespace lvu::actions
