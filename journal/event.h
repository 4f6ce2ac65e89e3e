// Event: one record of the live update journal, as plain C++ values.
//
// The journal stores each Event as a Cap'n Proto `Event` (journal/events.capnp);
// this struct is its in-memory twin, so that replay/ and actions/ never touch
// Cap'n Proto readers or builders. The journal knows nothing of what a step
// means: it only records what the executor tells it.
//
// Only the fields of `kind` are meaningful; the others keep their defaults.
// Fields are only ever added (as in the schema), never renumbered or reused.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lvu::journal {

enum class EventKind {
  kOpStarted,
  kCheckResult,
  kEstimate,
  kStepIntent,
  kStepDone,
  kStepFailed,
  kPointOfNoReturn,
  kRollbackStarted,
  kCompensated,
  kOpFinished,
  kScriptIntent,
  kScriptDone,
  kSession,
  kOperatorAction,
  kGaveUp,
  kStopped,
};

enum class Direction { kForward, kCompensate };

enum class CheckOutcome { kPassed, kFailed, kInfo };

enum class Outcome { kCompleted, kRolledBack, kFailedValidation, kReverted };

// What an operation is: a live update, or the revert of a completed one.
enum class OpKind { kUpdate, kRevert };

struct OpStarted {
  OpKind op_kind = OpKind::kUpdate;
  std::string config;              // lvupdate.data text, secrets removed
  std::vector<std::string> fixes;  // ifix file names as given
  std::vector<std::string> plan;   // step names, in order; index = step number - 1
  std::string driver;              // "sim" or "aix"
  std::string host;
  std::string tool_version;
  std::string reverts;             // kRevert: the id of the operation reverted
  std::string system;              // drivers::System::ReplaySettings() at the start
  int32_t freeze_step = -1;        // the step that freezes the workload (blackout begins); -1: none/unknown
  int32_t restart_step = -1;       // the step after which it runs again on the new partition; -1 likewise
};

struct CheckResult {
  std::string name;     // stable check name, e.g. "adapters.two_sets"
  CheckOutcome result = CheckOutcome::kPassed;
  std::string message;  // the line as printed: "adapters can be divided ..."
};

struct Estimate {
  int64_t blackout_s = 0;
  int64_t global_s = 0;
};

struct StepIntent {
  uint32_t step = 0;      // index into the plan
  std::string action;     // step name, e.g. "lpar.rename_original"
  std::string params;     // JSON object: what apply/compensate will use
  uint32_t attempt = 1;   // 1 for the first try of this direction
  Direction direction = Direction::kForward;
  int64_t clock_s = -1;   // the world's clock when written; -1: not recorded (older: "clock_s" in params)
};

struct StepDone {
  uint32_t step = 0;
  std::string output;     // JSON object or text: what the step produced
  bool recovered = false; // found done by probe after a crash
  int64_t clock_s = -1;   // the world's clock when done; -1: not recorded (older: in output)
  std::vector<std::string> commands;  // the driver's command lines for it (aix); empty with sim
};

struct StepFailed {
  uint32_t step = 0;
  Direction direction = Direction::kForward;
  std::string error;
  bool retryable = false;
  int64_t clock_s = -1;
  std::vector<std::string> commands;  // the driver's command lines for it, the failed one last
};

struct RollbackStarted {
  std::string reason;
  bool automatic = false;
};

struct Compensated {
  uint32_t step = 0;
  bool recovered = false;  // found undone by probe after a crash
  int64_t clock_s = -1;
  std::vector<std::string> commands;  // the driver's command lines that undid it
};

struct OpFinished {
  Outcome outcome = Outcome::kCompleted;
};

// A notification script is about to run (see events.capnp).
struct ScriptIntent {
  uint32_t step = 0;
  std::string phase;     // "LVUP_CHECK", ...
  std::string side;      // "orig" or "surr"
  std::string label;
  std::string command;   // program and arguments
  uint32_t priority = 0;
  uint32_t attempt = 1;
  uint32_t timeout_s = 0;
};

// A notification script ended.
struct ScriptDone {
  uint32_t step = 0;
  std::string phase;
  std::string side;
  std::string label;
  int32_t exit_code = -1;
  int32_t signal = 0;
  bool timed_out = false;
  std::string error;     // could not start
  std::string output;    // end of its output, at most 4 KiB
  int64_t elapsed_ms = 0;
};

// `resume` or `rollback` began work on the operation (see events.capnp).
struct Session {
  std::string command;   // "resume" or "rollback"
  std::string user;
  std::string host;
  uint32_t pid = 0;
};

enum class OperatorActionKind { kRetryStep, kSkipStep };

// An operator's decision about one step, with who and why.
struct OperatorAction {
  OperatorActionKind action = OperatorActionKind::kRetryStep;
  uint32_t step = 0;
  Direction direction = Direction::kForward;
  std::string reason;
  std::string user;
};

// A step's retries ran out: the operation waits for an operator's decision.
struct GaveUp {
  uint32_t step = 0;
  Direction direction = Direction::kForward;
  std::string error;
  uint32_t attempts = 0;
};

// The operation stopped at a safe point at the operator's request (a signal).
struct Stopped {
  std::string signal;    // "SIGINT", ...
  std::string where;     // "after step 8 path.split"
  uint32_t pid = 0;
};

struct Event {
  std::string op_id;
  uint64_t seq = 0;      // contiguous from 0 within an operation
  int64_t time_us = 0;   // wall clock, microseconds since the epoch
  EventKind kind = EventKind::kOpStarted;

  OpStarted op_started;
  CheckResult check;
  Estimate estimate;
  StepIntent intent;
  StepDone done;
  StepFailed failed;
  RollbackStarted rollback;
  Compensated compensated;
  OpFinished finished;
  ScriptIntent script_intent;
  ScriptDone script_done;
  Session session;
  OperatorAction op_action;
  GaveUp gave_up;
  Stopped stopped;
};

// Stable lower-case names, as used in the JSON export and `--kind`.
const char* KindName(EventKind k);          // "stepIntent"
const char* OutcomeName(Outcome o);          // "completed"
const char* DirectionName(Direction d);      // "forward"
const char* CheckOutcomeName(CheckOutcome c);// "PASSED"
const char* OperatorActionName(OperatorActionKind a);  // "retry_step", "skip_step"
bool ParseKindName(const std::string& s, EventKind* out);

}  // namespace lvu::journal
