// Event codec: see event_codec.h.
#include "journal/event_codec.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/array.h>
#include <kj/exception.h>

#include <cstring>

#include "journal/event_capnp.h"

namespace lvu::journal {

namespace {

namespace cp = ::lvu::journal::schema;

// ---- C++ -> Cap'n Proto --------------------------------------------------

capnp::Text::Reader T(const std::string& s) { return capnp::Text::Reader(s.data(), s.size()); }

void SetList(capnp::List<capnp::Text>::Builder b, const std::vector<std::string>& v) {
  for (size_t i = 0; i < v.size(); ++i) b.set(static_cast<unsigned>(i), T(v[i]));
}

cp::Direction ToCp(Direction d) {
  return d == Direction::kCompensate ? cp::Direction::COMPENSATE : cp::Direction::FORWARD;
}

cp::CheckOutcome ToCp(CheckOutcome c) {
  switch (c) {
    case CheckOutcome::kPassed: return cp::CheckOutcome::PASSED;
    case CheckOutcome::kFailed: return cp::CheckOutcome::FAILED;
    case CheckOutcome::kInfo: return cp::CheckOutcome::INFO;
  }
  return cp::CheckOutcome::PASSED;
}

cp::Outcome ToCp(Outcome o) {
  switch (o) {
    case Outcome::kCompleted: return cp::Outcome::COMPLETED;
    case Outcome::kRolledBack: return cp::Outcome::ROLLED_BACK;
    case Outcome::kFailedValidation: return cp::Outcome::FAILED_VALIDATION;
    case Outcome::kReverted: return cp::Outcome::REVERTED;
  }
  return cp::Outcome::COMPLETED;
}

cp::OpKind ToCp(OpKind k) { return k == OpKind::kRevert ? cp::OpKind::REVERT : cp::OpKind::UPDATE; }

cp::OperatorActionKind ToCp(OperatorActionKind a) {
  return a == OperatorActionKind::kSkipStep ? cp::OperatorActionKind::SKIP_STEP
                                            : cp::OperatorActionKind::RETRY_STEP;
}

}  // namespace

void BuildEvent(const Event& e, cp::Event::Builder b) {
  b.setOpId(T(e.op_id));
  b.setSeq(e.seq);
  b.setTimeUs(e.time_us);
  switch (e.kind) {
    case EventKind::kOpStarted: {
      const OpStarted& s = e.op_started;
      auto o = b.initOpStarted();
      o.setOpKind(ToCp(s.op_kind));
      o.setConfig(T(s.config));
      SetList(o.initFixes(static_cast<unsigned>(s.fixes.size())), s.fixes);
      SetList(o.initPlan(static_cast<unsigned>(s.plan.size())), s.plan);
      o.setDriver(T(s.driver));
      o.setHost(T(s.host));
      o.setToolVersion(T(s.tool_version));
      o.setReverts(T(s.reverts));
      o.setSystem(T(s.system));
      o.setFreezeStep(s.freeze_step);
      o.setRestartStep(s.restart_step);
      break;
    }
    case EventKind::kCheckResult: {
      auto o = b.initCheckResult();
      o.setName(T(e.check.name));
      o.setResult(ToCp(e.check.result));
      o.setMessage(T(e.check.message));
      break;
    }
    case EventKind::kEstimate: {
      auto o = b.initEstimate();
      o.setBlackoutS(e.estimate.blackout_s);
      o.setGlobalS(e.estimate.global_s);
      break;
    }
    case EventKind::kStepIntent: {
      auto o = b.initStepIntent();
      o.setStep(e.intent.step);
      o.setAction(T(e.intent.action));
      o.setParams(T(e.intent.params));
      o.setAttempt(e.intent.attempt);
      o.setDirection(ToCp(e.intent.direction));
      o.setClockS(e.intent.clock_s);
      break;
    }
    case EventKind::kStepDone: {
      auto o = b.initStepDone();
      o.setStep(e.done.step);
      o.setOutput(T(e.done.output));
      o.setRecovered(e.done.recovered);
      o.setClockS(e.done.clock_s);
      if (!e.done.commands.empty()) SetList(o.initCommands(static_cast<unsigned>(e.done.commands.size())), e.done.commands);
      break;
    }
    case EventKind::kStepFailed: {
      auto o = b.initStepFailed();
      o.setStep(e.failed.step);
      o.setDirection(ToCp(e.failed.direction));
      o.setError(T(e.failed.error));
      o.setRetryable(e.failed.retryable);
      o.setClockS(e.failed.clock_s);
      if (!e.failed.commands.empty()) {
        SetList(o.initCommands(static_cast<unsigned>(e.failed.commands.size())), e.failed.commands);
      }
      break;
    }
    case EventKind::kPointOfNoReturn:
      b.initPointOfNoReturn();
      break;
    case EventKind::kRollbackStarted: {
      auto o = b.initRollbackStarted();
      o.setReason(T(e.rollback.reason));
      o.setAutomatic(e.rollback.automatic);
      break;
    }
    case EventKind::kCompensated: {
      auto o = b.initCompensated();
      o.setStep(e.compensated.step);
      o.setRecovered(e.compensated.recovered);
      o.setClockS(e.compensated.clock_s);
      if (!e.compensated.commands.empty()) {
        SetList(o.initCommands(static_cast<unsigned>(e.compensated.commands.size())), e.compensated.commands);
      }
      break;
    }
    case EventKind::kOpFinished:
      b.initOpFinished().setOutcome(ToCp(e.finished.outcome));
      break;
    case EventKind::kScriptIntent: {
      const ScriptIntent& x = e.script_intent;
      auto o = b.initScriptIntent();
      o.setStep(x.step);
      o.setPhase(T(x.phase));
      o.setSide(T(x.side));
      o.setLabel(T(x.label));
      o.setCommand(T(x.command));
      o.setPriority(x.priority);
      o.setAttempt(x.attempt);
      o.setTimeoutS(x.timeout_s);
      break;
    }
    case EventKind::kScriptDone: {
      const ScriptDone& x = e.script_done;
      auto o = b.initScriptDone();
      o.setStep(x.step);
      o.setPhase(T(x.phase));
      o.setSide(T(x.side));
      o.setLabel(T(x.label));
      o.setExitCode(x.exit_code);
      o.setSignal(x.signal);
      o.setTimedOut(x.timed_out);
      o.setError(T(x.error));
      o.setOutput(T(x.output));
      o.setElapsedMs(x.elapsed_ms);
      break;
    }
    case EventKind::kSession: {
      auto o = b.initSession();
      o.setCommand(T(e.session.command));
      o.setUser(T(e.session.user));
      o.setHost(T(e.session.host));
      o.setPid(e.session.pid);
      break;
    }
    case EventKind::kOperatorAction: {
      const OperatorAction& x = e.op_action;
      auto o = b.initOperatorAction();
      o.setAction(ToCp(x.action));
      o.setStep(x.step);
      o.setDirection(ToCp(x.direction));
      o.setReason(T(x.reason));
      o.setUser(T(x.user));
      break;
    }
    case EventKind::kGaveUp: {
      const GaveUp& x = e.gave_up;
      auto o = b.initGaveUp();
      o.setStep(x.step);
      o.setDirection(ToCp(x.direction));
      o.setError(T(x.error));
      o.setAttempts(x.attempts);
      break;
    }
    case EventKind::kStopped: {
      const Stopped& x = e.stopped;
      auto o = b.initStopped();
      o.setSignal(T(x.signal));
      o.setWhere(T(x.where));
      o.setPid(x.pid);
      break;
    }
  }
}

namespace {

void BuildSummary(const OpSummary& s, cp::OpSummary::Builder b) {
  b.setOpId(T(s.op_id));
  b.setOpKind(ToCp(s.op_kind));
  SetList(b.initFixes(static_cast<unsigned>(s.fixes.size())), s.fixes);
  b.setStartedUs(s.started_us);
  b.setFinishedUs(s.finished_us);
  b.setFinished(s.finished);
  b.setOutcome(ToCp(s.outcome));
  b.setLastSeq(s.last_seq);
  b.setStepsTotal(s.steps_total);
  b.setStepsDone(s.steps_done);
  b.setImported(s.imported);
}

std::string Flatten(capnp::MessageBuilder& message) {
  kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
  kj::ArrayPtr<const kj::byte> bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

// ---- Cap'n Proto -> C++ --------------------------------------------------
// Readers are lazy: every getter may throw kj::Exception on a malformed
// message, so all of this runs inside ReadMessage's try block.

std::string S(capnp::Text::Reader t) { return std::string(t.begin(), t.end()); }

std::vector<std::string> L(capnp::List<capnp::Text>::Reader l) {
  std::vector<std::string> v;
  v.reserve(l.size());
  for (capnp::Text::Reader t : l) v.push_back(S(t));
  return v;
}

Status FromCp(cp::Direction d, Direction* out) {
  switch (d) {
    case cp::Direction::FORWARD: *out = Direction::kForward; return Status::OK();
    case cp::Direction::COMPENSATE: *out = Direction::kCompensate; return Status::OK();
  }
  return Status::Corruption("unknown direction " + std::to_string(static_cast<unsigned>(d)));
}

Status FromCp(cp::CheckOutcome c, CheckOutcome* out) {
  switch (c) {
    case cp::CheckOutcome::PASSED: *out = CheckOutcome::kPassed; return Status::OK();
    case cp::CheckOutcome::FAILED: *out = CheckOutcome::kFailed; return Status::OK();
    case cp::CheckOutcome::INFO: *out = CheckOutcome::kInfo; return Status::OK();
  }
  return Status::Corruption("unknown check outcome " + std::to_string(static_cast<unsigned>(c)));
}

Status FromCp(cp::Outcome o, Outcome* out) {
  switch (o) {
    case cp::Outcome::COMPLETED: *out = Outcome::kCompleted; return Status::OK();
    case cp::Outcome::ROLLED_BACK: *out = Outcome::kRolledBack; return Status::OK();
    case cp::Outcome::FAILED_VALIDATION: *out = Outcome::kFailedValidation; return Status::OK();
    case cp::Outcome::REVERTED: *out = Outcome::kReverted; return Status::OK();
  }
  return Status::Corruption("unknown outcome " + std::to_string(static_cast<unsigned>(o)));
}

Status FromCp(cp::OpKind k, OpKind* out) {
  switch (k) {
    case cp::OpKind::UPDATE: *out = OpKind::kUpdate; return Status::OK();
    case cp::OpKind::REVERT: *out = OpKind::kRevert; return Status::OK();
  }
  return Status::Corruption("unknown operation kind " + std::to_string(static_cast<unsigned>(k)));
}

Status FromCp(cp::OperatorActionKind a, OperatorActionKind* out) {
  switch (a) {
    case cp::OperatorActionKind::RETRY_STEP: *out = OperatorActionKind::kRetryStep; return Status::OK();
    case cp::OperatorActionKind::SKIP_STEP: *out = OperatorActionKind::kSkipStep; return Status::OK();
  }
  return Status::Corruption("unknown operator action " + std::to_string(static_cast<unsigned>(a)));
}

}  // namespace

Status ReadEvent(cp::Event::Reader r, Event* out) {
  Event e;
  e.op_id = S(r.getOpId());
  e.seq = r.getSeq();
  e.time_us = r.getTimeUs();
  switch (r.which()) {
    case cp::Event::OP_STARTED: {
      e.kind = EventKind::kOpStarted;
      auto o = r.getOpStarted();
      LVU_RETURN_IF_ERROR(FromCp(o.getOpKind(), &e.op_started.op_kind));
      e.op_started.config = S(o.getConfig());
      e.op_started.fixes = L(o.getFixes());
      e.op_started.plan = L(o.getPlan());
      e.op_started.driver = S(o.getDriver());
      e.op_started.host = S(o.getHost());
      e.op_started.tool_version = S(o.getToolVersion());
      e.op_started.reverts = S(o.getReverts());
      e.op_started.system = S(o.getSystem());
      e.op_started.freeze_step = o.getFreezeStep();
      e.op_started.restart_step = o.getRestartStep();
      break;
    }
    case cp::Event::CHECK_RESULT: {
      e.kind = EventKind::kCheckResult;
      auto o = r.getCheckResult();
      e.check.name = S(o.getName());
      LVU_RETURN_IF_ERROR(FromCp(o.getResult(), &e.check.result));
      e.check.message = S(o.getMessage());
      break;
    }
    case cp::Event::ESTIMATE: {
      e.kind = EventKind::kEstimate;
      auto o = r.getEstimate();
      e.estimate.blackout_s = o.getBlackoutS();
      e.estimate.global_s = o.getGlobalS();
      break;
    }
    case cp::Event::STEP_INTENT: {
      e.kind = EventKind::kStepIntent;
      auto o = r.getStepIntent();
      e.intent.step = o.getStep();
      e.intent.action = S(o.getAction());
      e.intent.params = S(o.getParams());
      e.intent.attempt = o.getAttempt();
      LVU_RETURN_IF_ERROR(FromCp(o.getDirection(), &e.intent.direction));
      e.intent.clock_s = o.getClockS();
      break;
    }
    case cp::Event::STEP_DONE: {
      e.kind = EventKind::kStepDone;
      auto o = r.getStepDone();
      e.done.step = o.getStep();
      e.done.output = S(o.getOutput());
      e.done.recovered = o.getRecovered();
      e.done.clock_s = o.getClockS();
      e.done.commands = L(o.getCommands());
      break;
    }
    case cp::Event::STEP_FAILED: {
      e.kind = EventKind::kStepFailed;
      auto o = r.getStepFailed();
      e.failed.step = o.getStep();
      LVU_RETURN_IF_ERROR(FromCp(o.getDirection(), &e.failed.direction));
      e.failed.error = S(o.getError());
      e.failed.retryable = o.getRetryable();
      e.failed.clock_s = o.getClockS();
      e.failed.commands = L(o.getCommands());
      break;
    }
    case cp::Event::POINT_OF_NO_RETURN:
      e.kind = EventKind::kPointOfNoReturn;
      r.getPointOfNoReturn();  // validates the pointer
      break;
    case cp::Event::ROLLBACK_STARTED: {
      e.kind = EventKind::kRollbackStarted;
      auto o = r.getRollbackStarted();
      e.rollback.reason = S(o.getReason());
      e.rollback.automatic = o.getAutomatic();
      break;
    }
    case cp::Event::COMPENSATED: {
      e.kind = EventKind::kCompensated;
      auto o = r.getCompensated();
      e.compensated.step = o.getStep();
      e.compensated.recovered = o.getRecovered();
      e.compensated.clock_s = o.getClockS();
      e.compensated.commands = L(o.getCommands());
      break;
    }
    case cp::Event::OP_FINISHED:
      e.kind = EventKind::kOpFinished;
      LVU_RETURN_IF_ERROR(FromCp(r.getOpFinished().getOutcome(), &e.finished.outcome));
      break;
    case cp::Event::SCRIPT_INTENT: {
      e.kind = EventKind::kScriptIntent;
      auto o = r.getScriptIntent();
      e.script_intent.step = o.getStep();
      e.script_intent.phase = S(o.getPhase());
      e.script_intent.side = S(o.getSide());
      e.script_intent.label = S(o.getLabel());
      e.script_intent.command = S(o.getCommand());
      e.script_intent.priority = o.getPriority();
      e.script_intent.attempt = o.getAttempt();
      e.script_intent.timeout_s = o.getTimeoutS();
      break;
    }
    case cp::Event::SCRIPT_DONE: {
      e.kind = EventKind::kScriptDone;
      auto o = r.getScriptDone();
      e.script_done.step = o.getStep();
      e.script_done.phase = S(o.getPhase());
      e.script_done.side = S(o.getSide());
      e.script_done.label = S(o.getLabel());
      e.script_done.exit_code = o.getExitCode();
      e.script_done.signal = o.getSignal();
      e.script_done.timed_out = o.getTimedOut();
      e.script_done.error = S(o.getError());
      e.script_done.output = S(o.getOutput());
      e.script_done.elapsed_ms = o.getElapsedMs();
      break;
    }
    case cp::Event::SESSION: {
      e.kind = EventKind::kSession;
      auto o = r.getSession();
      e.session.command = S(o.getCommand());
      e.session.user = S(o.getUser());
      e.session.host = S(o.getHost());
      e.session.pid = o.getPid();
      break;
    }
    case cp::Event::OPERATOR_ACTION: {
      e.kind = EventKind::kOperatorAction;
      auto o = r.getOperatorAction();
      LVU_RETURN_IF_ERROR(FromCp(o.getAction(), &e.op_action.action));
      e.op_action.step = o.getStep();
      LVU_RETURN_IF_ERROR(FromCp(o.getDirection(), &e.op_action.direction));
      e.op_action.reason = S(o.getReason());
      e.op_action.user = S(o.getUser());
      break;
    }
    case cp::Event::GAVE_UP: {
      e.kind = EventKind::kGaveUp;
      auto o = r.getGaveUp();
      e.gave_up.step = o.getStep();
      LVU_RETURN_IF_ERROR(FromCp(o.getDirection(), &e.gave_up.direction));
      e.gave_up.error = S(o.getError());
      e.gave_up.attempts = o.getAttempts();
      break;
    }
    case cp::Event::STOPPED: {
      e.kind = EventKind::kStopped;
      auto o = r.getStopped();
      e.stopped.signal = S(o.getSignal());
      e.stopped.where = S(o.getWhere());
      e.stopped.pid = o.getPid();
      break;
    }
    default:
      return Status::Corruption("unknown event kind " +
                                std::to_string(static_cast<unsigned>(r.which())) +
                                " (written by a newer lvupdate?)");
  }
  *out = std::move(e);
  return Status::OK();
}

namespace {

Status Read(cp::Event::Reader r, Event* out) { return ReadEvent(r, out); }

Status Read(cp::OpSummary::Reader r, OpSummary* out) {
  OpSummary s;
  s.op_id = S(r.getOpId());
  LVU_RETURN_IF_ERROR(FromCp(r.getOpKind(), &s.op_kind));
  s.fixes = L(r.getFixes());
  s.started_us = r.getStartedUs();
  s.finished_us = r.getFinishedUs();
  s.finished = r.getFinished();
  LVU_RETURN_IF_ERROR(FromCp(r.getOutcome(), &s.outcome));
  s.last_seq = r.getLastSeq();
  s.steps_total = r.getStepsTotal();
  s.steps_done = r.getStepsDone();
  s.imported = r.getImported();
  *out = std::move(s);
  return Status::OK();
}

// Copies `bytes` into an aligned buffer, parses exactly one message whose root
// is Root, and converts it with Read. Every kj::Exception the reader raises on
// malformed input becomes a Corruption here.
template <typename Root, typename Out>
Status ReadMessage(std::string_view bytes, Out* out) {
  constexpr size_t kWord = sizeof(capnp::word);
  if (bytes.empty()) return Status::Corruption("empty value");
  if (bytes.size() % kWord != 0) {
    return Status::Corruption(std::to_string(bytes.size()) +
                              " bytes is not a whole number of 8-byte words (torn write?)");
  }
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(bytes.size() / kWord);
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  try {
    capnp::FlatArrayMessageReader reader(words.asPtr());
    if (reader.getEnd() != words.end()) {
      return Status::Corruption(
          std::to_string(static_cast<size_t>(words.end() - reader.getEnd()) * kWord) +
          " trailing bytes after the message");
    }
    return Read(reader.getRoot<Root>(), out);
  } catch (const kj::Exception& ex) {
    return Status::Corruption(std::string("does not decode: ") + ex.getDescription().cStr());
  }
}

}  // namespace

std::string Encode(const Event& e) {
  capnp::MallocMessageBuilder message;
  BuildEvent(e, message.initRoot<cp::Event>());
  return Flatten(message);
}

Status Decode(std::string_view bytes, Event* out) {
  return ReadMessage<cp::Event>(bytes, out);
}

std::string EncodeSummary(const OpSummary& s) {
  capnp::MallocMessageBuilder message;
  BuildSummary(s, message.initRoot<cp::OpSummary>());
  return Flatten(message);
}

Status DecodeSummary(std::string_view bytes, OpSummary* out) {
  return ReadMessage<cp::OpSummary>(bytes, out);
}

}  // namespace lvu::journal
