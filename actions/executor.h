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

#include "actions/plan.h"
#include "actions/step.h"
#include "actions/validation.h"
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
};

struct RunRequest {
  ValidationInput input;
  std::string config_text;  // lvupdate.data as read; secrets are redacted before journaling
};

enum class Ending {
  kCompleted,
  kRolledBack,
  kFailedValidation,
  kReverted,
  kInterrupted,   // stopped: `lvupdate resume` or `lvupdate rollback`
  kNothingToDo,   // rollback of an operation already rolled back or reverted
};

struct OpResult {
  std::string op_id;
  Ending ending = Ending::kInterrupted;
  std::string reason;        // why it stopped or rolled back
  int64_t clock_start_s = -1;
  int64_t clock_end_s = -1;
  int64_t blackout_s = -1;   // -1 when the workload never moved
  int64_t estimated_blackout_s = -1;  // from the estimate event; -1 when none
  int64_t estimated_global_s = -1;
};

// 0 done (completed, reverted, nothing to do), 3 validation failed,
// 4 failed and rolled back, 5 interrupted.
int ExitCode(Ending e);
const char* EndingName(Ending e);

class Executor {
 public:
  Executor(journal::Journal* journal, drivers::System* sys, Observer* observer, Settings settings);

  // Starts a new live update. InvalidArgument when an operation is unfinished.
  Status Run(const RunRequest& request, OpResult* result);
  // Finishes the unfinished operation (forward, or its rollback if one began).
  Status Resume(OpResult* result);
  // Undoes the unfinished operation before the point of no return; past it,
  // finishes the update and then reverts it. On a completed update: reverts it.
  Status Rollback(OpResult* result);

 private:
  struct Session;
  class ScriptJournal;  // the ScriptLedger of a session: script runs as journal events
  // When a rollback is under way and applications heard LVUP_CHECK: the
  // LVUP_ERROR notification, once per session (its scripts once per operation).
  Status NotifyRollbackOnce(Session* s);
  Status Load(const std::string& op_id, Session* s);
  Status Drive(Session* s, OpResult* result);
  Status Append(Session* s, journal::Event e, bool sync);
  journal::Event Intent(const Session& s, uint32_t index, journal::Direction dir);
  journal::Event Failed(const Session& s, uint32_t index, journal::Direction dir, const Status& st);
  journal::Event RecoveredDone(const Session& s, uint32_t index);
  Status ApplyStep(Session* s, uint32_t index);
  Status CompensateStep(Session* s, uint32_t index);
  Status StartRevert(const Session& update, OpResult* result);
  void Fill(const Session& s, OpResult* r);

  journal::Journal* journal_;
  drivers::System* sys_;
  Observer* observer_;
  Settings settings_;
};

}  // namespace lvu::actions
