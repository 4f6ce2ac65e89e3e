# The live update journal's record format (see docs/journal-format.md).
#
# Every value of the journal's "events" column family is one flat Cap'n Proto
# message whose root is `Event`; every value of the "ops" column family is one
# whose root is `OpSummary`. journal/event.h holds the plain C++ twins of these
# structs; journal/event_codec.cc is the only code that converts between them.
#
# Compatibility rule: fields and enumerants are only ever ADDED, with the next
# free ordinal. Nothing is renumbered, renamed in meaning, retyped or reused:
# journals written by older versions must keep decoding. Names are stable too,
# since they appear in the JSON export (`ToJson`).

@0xc2ecc51cb7ffe781;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("lvu::journal::schema");

# JSON form (ToJson / FromJson, `journal events --json`, `journal export`): the
# annotations below only change the JSON, never the binary records. Enumerants
# are written with the names lvupdate prints everywhere else (`status --json`,
# `preview --json`: OutcomeName(), CheckOutcomeName()), and every Event carries
# a "kind" field naming its union member. See docs/journal-format.md.
using Json = import "/capnp/compat/json.capnp";

# Which way a step is being driven.
enum Direction {
  forward @0;     # applying the step
  compensate @1;  # undoing it (rollback)
}

# The result of one preview / validation check.
enum CheckOutcome {
  passed @0 $Json.name("PASSED");  # printed "PASSED"
  failed @1 $Json.name("FAILED");  # printed "FAILED"; any failure ends the operation before a change
  info @2 $Json.name("INFO");      # printed "INFO"; informational only
}

# How an operation ended.
enum Outcome {
  completed @0;         # the update is in place ("completed")
  rolledBack @1 $Json.name("rolled_back");              # every change was compensated
  failedValidation @2 $Json.name("failed_validation");  # stopped by a FAILED check, nothing changed
  reverted @3;          # a completed update was reverted ("reverted")
}

# What an operation is.
enum OpKind {
  update @0;  # a live update
  revert @1;  # the revert of a completed live update
}

# The first event of every operation (seq 0).
struct OpStarted {
  opKind @0 :OpKind;           # update or revert
  config @1 :Text;             # lvupdate.data text, secrets removed
  fixes @2 :List(Text);        # ifix file names as given
  plan @3 :List(Text);         # step names in order; index = step number - 1
  driver @4 :Text;             # "sim" or "aix"
  host @5 :Text;               # host name the operation ran on
  toolVersion @6 :Text;        # lvupdate version that wrote the operation
  reverts @7 :Text;            # kind revert: the id of the operation reverted
  system @8 :Text;             # the system it started on, for `replay --against-sim`: with the
                               # sim driver, a JSON object of the settings that differ from the
                               # seed lab ({"fs./var.free_mb": "10"}); "" with the aix driver
  freezeStep @9 :Int32 = -1;   # the step whose apply freezes the workload (the blackout begins),
                               # as the plan declares it; -1: none, or written before this field
  restartStep @10 :Int32 = -1; # the step whose completion has the workload run again on the new
                               # partition (the blackout ends; the point of no return); -1 likewise
}

# One preview / validation check's result.
struct CheckResult {
  name @0 :Text;               # stable check name, e.g. "adapters.two_sets"
  result @1 :CheckOutcome;     # passed, failed or info
  message @2 :Text;            # the line as printed to the administrator
}

# Estimated durations, from preview.
struct Estimate {
  blackoutS @0 :Int64;         # estimated workload blackout, seconds
  globalS @1 :Int64;           # estimated whole operation, seconds
}

# Written (durably) BEFORE a step is applied or compensated.
struct StepIntent {
  step @0 :UInt32;             # index into the plan
  action @1 :Text;             # step name, e.g. "lpar.rename_original"
  params @2 :Text;             # JSON object: what apply/compensate will use
  attempt @3 :UInt32;          # 1 for the first try of this direction
  direction @4 :Direction;     # forward or compensate
  clockS @5 :Int64 = -1;       # the world's clock (s) when written; -1: written before this field
                               # (older journals carry it as "clock_s" in params)
}

# The world shows the step applied.
struct StepDone {
  step @0 :UInt32;             # index into the plan
  output @1 :Text;             # JSON object or text: what the step produced
  recovered @2 :Bool;          # found done by probe after a crash
  clockS @3 :Int64 = -1;       # the world's clock (s) when the step was found done; -1 as above
  commands @4 :List(Text);     # the commands the driver ran for it, as command lines (aix driver;
                               # empty with the simulator and before this field)
}

# A driver error while applying or compensating a step.
struct StepFailed {
  step @0 :UInt32;             # index into the plan
  direction @1 :Direction;     # which way the step was being driven
  error @2 :Text;              # the error as reported
  retryable @3 :Bool;          # a retry may succeed (transient failure)
  clockS @4 :Int64 = -1;       # the world's clock (s) when it failed; -1: not recorded
  commands @5 :List(Text);     # the commands the driver ran for it, the failed one last
}

# The workload runs on the surrogate: from here only forward recovery.
# Empty today; a struct (not Void) so that fields can be added later.
struct PointOfNoReturn {
}

# Rollback begins.
struct RollbackStarted {
  reason @0 :Text;             # why, as printed
  automatic @1 :Bool;          # started by the engine, not requested by a user
}

# A step was undone (a compensation log record: never undone twice).
struct Compensated {
  step @0 :UInt32;             # index into the plan
  recovered @1 :Bool;          # found undone by probe after a crash
  clockS @2 :Int64 = -1;       # the world's clock (s) when undone; -1: not recorded
  commands @3 :List(Text);     # the commands the driver ran to undo it
}

# The last event of every operation.
struct OpFinished {
  outcome @0 :Outcome;         # how the operation ended
}

# A notification script (lvupdate regscript) is about to run: written
# durably before it is started, so that a crash never runs it twice.
struct ScriptIntent {
  step @0 :UInt32;             # the step running it (index into the plan)
  phase @1 :Text;              # "LVUP_CHECK", "LVUP_PRE", ..., "LVUP_ERROR"
  side @2 :Text;               # "orig" or "surr"
  label @3 :Text;              # its registration label
  command @4 :Text;            # the command line run: program and arguments
  priority @5 :UInt32;         # 1 to 10
  attempt @6 :UInt32;          # 1; more only for a re-runnable script run again after a crash
  timeoutS @7 :UInt32;         # killed with its process group after this many seconds
}

# A notification script ended (or could not start).
struct ScriptDone {
  step @0 :UInt32;             # the step that ran it
  phase @1 :Text;              # as in its scriptIntent
  side @2 :Text;
  label @3 :Text;
  exitCode @4 :Int32;          # its exit status; -1 when it did not exit by itself
  signal @5 :Int32;            # the signal that ended it, 0 if none
  timedOut @6 :Bool;           # killed at its timeout
  error @7 :Text;              # why it could not start; "" when it started
  output @8 :Text;             # the end of its output (stdout and stderr), at most 4 KiB
  elapsedMs @9 :Int64;         # how long it ran
}

# A command began work on an unfinished operation: `resume` or `rollback`
# (a `run` is implied by opStarted, the rollback of a completed update by the
# revert's opStarted). Who ran what, and where: support reads the sessions of
# an operation, and `replay --against-sim` re-runs them.
struct Session {
  command @0 :Text;            # "resume" or "rollback"
  user @1 :Text;               # the login name running it ("root", "root (sudo by alice)")
  host @2 :Text;               # the host it ran on
  pid @3 :UInt32;              # its process id
}

# What an operator told the engine to do about one step.
enum OperatorActionKind {
  retryStep @0 $Json.name("retry_step");  # run the step again after fixing its cause (resume --retry-step)
  skipStep @1 $Json.name("skip_step");    # mark it done without running it (resume --skip STEP --reason TEXT)
}

# An operator's decision, journaled with who and why before it takes effect.
struct OperatorAction {
  action @0 :OperatorActionKind;
  step @1 :UInt32;             # index into the plan
  direction @2 :Direction;     # of the step retried (skip: always forward)
  reason @3 :Text;             # --reason; required to skip
  user @4 :Text;               # as in Session
}

# The retries of a step ran out (or its error is not retryable past the point
# of no return): the operation stops until an operator decides. Plain
# `lvupdate resume` refuses; `resume --retry-step`, `resume --skip` or
# `rollback` go on.
struct GaveUp {
  step @0 :UInt32;             # index into the plan
  direction @1 :Direction;     # forward, or compensate during a rollback
  error @2 :Text;              # the step's last error
  attempts @3 :UInt32;         # attempts of this direction so far
}

# The operation stopped at a safe point because the operator asked (a signal:
# Ctrl-C, kill, a hang-up): after the step in flight, and inside the blackout
# only once the workload ran again. The last event of its session; `resume`
# or `rollback` go on from it.
struct Stopped {
  signal @0 :Text;             # "SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"
  where @1 :Text;              # where it stopped, as printed ("after step 8 path.split")
  pid @2 :UInt32;              # the process that stopped
}

# One journal record: the value stored at events/<opId><seq>.
# In JSON, "kind" names the union member, which follows as an object.
struct Event $Json.discriminator(name = "kind") {
  opId @0 :Text;               # the operation's ULID (26 Crockford base32 chars); equals the key's
  seq @1 :UInt64;              # contiguous from 0 within the operation; equals the key's
  timeUs @2 :Int64;            # wall clock when appended, microseconds since the epoch

  # What happened. The member's name is the event kind's stable name.
  union {
    opStarted @3 :OpStarted;
    checkResult @4 :CheckResult;
    estimate @5 :Estimate;
    stepIntent @6 :StepIntent;
    stepDone @7 :StepDone;
    stepFailed @8 :StepFailed;
    pointOfNoReturn @9 :PointOfNoReturn;
    rollbackStarted @10 :RollbackStarted;
    compensated @11 :Compensated;
    opFinished @12 :OpFinished;
    scriptIntent @13 :ScriptIntent;
    scriptDone @14 :ScriptDone;
    session @15 :Session;
    operatorAction @16 :OperatorAction;
    gaveUp @17 :GaveUp;
    stopped @18 :Stopped;
  }
}

# The value stored at ops/<opId>: the headline of one operation, rewritten in
# the same write batch as every event appended to it.
struct OpSummary {
  opId @0 :Text;               # the operation's ULID; equals the key
  opKind @1 :OpKind;           # from opStarted
  fixes @2 :List(Text);        # from opStarted
  startedUs @3 :Int64;         # timeUs of opStarted
  finishedUs @4 :Int64;        # timeUs of opFinished; 0 while unfinished
  finished @5 :Bool;           # an opFinished event was appended
  outcome @6 :Outcome;         # from opFinished; meaningful when finished
  lastSeq @7 :UInt64;          # seq of the last event appended
  stepsTotal @8 :UInt32;       # length of opStarted's plan
  stepsDone @9 :UInt32;        # number of stepDone events appended
  imported @10 :Bool;          # written by `journal import`, not run from this home
}
