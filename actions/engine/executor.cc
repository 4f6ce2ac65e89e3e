#include "actions/engine/executor.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "actions/apps/app_context.h"
#include "actions/apps/notify_scripts.h"
#include "actions/engine/op_timing.h"
#include "actions/engine/rollback_target.h"
#include "actions/apps/script_ledger.h"
#include "actions/validation/validation.h"
#include "actions/engine/world_check.h"
#include "actions/engine/world_view.h"
#include "base/stop_request.h"
#include "replay/fold.h"

namespace lvu::actions {

using journal::Direction;
using journal::Event;
using journal::EventKind;
using replay::Move;
using replay::StepState;
using FaultPhase = drivers::FaultPoint::Phase;
using FaultWhen = drivers::FaultPoint::When;

struct Executor::Session {
  std::string op_id;
  std::vector<journal::Event> events;  // as journaled: the timeline's input (op_timing.h)
  replay::OperationState state;
  Plan plan;
  replay::Policy policy;
  StepContext ctx;
  ValidationInput input;  // rebuilt from opStarted while validate is not done
  AppContext apps;
  ScriptRecords scripts;  // folded from the journal's scriptIntent / scriptDone
  std::unique_ptr<ScriptLedger> ledger;
  bool rollback_notified = false;
};

class Executor::ScriptJournal : public ScriptLedger {
 public:
  ScriptJournal(Executor* ex, Session* s) : ex_(ex), s_(s) {}
  const ScriptRecord* Find(const ScriptKey& key) const override { return s_->scripts.Find(key); }
  Status Started(const journal::ScriptIntent& intent) override {
    Event e;
    e.kind = EventKind::kScriptIntent;
    e.script_intent = intent;
    return ex_->Append(s_, e, /*sync=*/true);  // before the script starts
  }
  Status Ended(const journal::ScriptDone& done) override {
    Event e;
    e.kind = EventKind::kScriptDone;
    e.script_done = done;
    return ex_->Append(s_, e, /*sync=*/true);
  }

 private:
  Executor* ex_;
  Session* s_;
};

Executor::Executor(journal::Journal* journal, drivers::System* sys, Observer* observer, Settings settings)
    : journal_(journal), sys_(sys), observer_(observer), settings_(std::move(settings)) {}

namespace {

Event NewEvent(const std::string& op, EventKind kind) {
  Event e;
  e.op_id = op;
  e.kind = kind;
  return e;
}

// What the plan declares of its steps, recorded with the operation so that
// the journal alone tells where the blackout begins and ends.
void RecordRoles(const Plan& plan, journal::OpStarted* o) {
  for (size_t i = 0; i < plan.size(); i++) {
    if (plan[i]->FreezesWorkload()) o->freeze_step = static_cast<int32_t>(i);
  }
  o->restart_step = PointOfNoReturnStep(plan);
}


}  // namespace

Status Executor::Append(Session* s, Event e, bool sync) {
  e.op_id = s->op_id;
  Status st = journal_->Append(&e, sync);
  if (!st.ok()) return st.WithContext("cannot write the journal");
  replay::Apply(&s->state, e);
  s->events.push_back(e);
  s->scripts.Apply(e);
  spdlog::info("{} seq {} {}", s->op_id, e.seq, journal::KindName(e.kind));
  if (observer_ != nullptr) observer_->OnEvent(e, s->state);
  return Status::OK();
}

journal::Event Executor::Intent(const Session& s, uint32_t index, Direction dir) {
  const replay::StepStatus& st = s.state.steps[index];
  Event e = NewEvent(s.op_id, EventKind::kStepIntent);
  e.intent.step = index;
  e.intent.action = s.plan[index]->name();
  e.intent.params = s.plan[index]->Params(s.ctx).dump();
  e.intent.clock_s = sys_->ClockSeconds();
  e.intent.attempt = (dir == Direction::kForward ? st.attempts : st.compensate_attempts) + 1;
  e.intent.direction = dir;
  return e;
}

journal::Event Executor::Failed(const Session& s, uint32_t index, Direction dir, const Status& st) {
  spdlog::warn("{} {} of {} failed: {}", s.op_id, journal::DirectionName(dir), s.plan[index]->name(),
               st.ToString());
  Event e = NewEvent(s.op_id, EventKind::kStepFailed);
  e.failed.step = index;
  e.failed.direction = dir;
  e.failed.error = st.message();
  e.failed.retryable = st.IsTransient();
  e.failed.clock_s = sys_->ClockSeconds();
  e.failed.commands = sys_->TakeCommandLines();
  return e;
}

journal::Event Executor::RecoveredDone(const Session& s, uint32_t index) {
  Event e = NewEvent(s.op_id, EventKind::kStepDone);
  e.done.step = index;
  e.done.recovered = true;
  e.done.clock_s = sys_->ClockSeconds();
  e.done.commands = sys_->TakeCommandLines();
  return e;
}

Status Executor::Load(const std::string& op_id, Session* s) {
  std::vector<Event> events;
  LVU_RETURN_IF_ERROR(journal_->ReadOp(op_id, &events));
  s->op_id = op_id;
  s->state = replay::Fold(events);
  s->events = events;
  for (const auto& e : events) s->scripts.Apply(e);
  s->apps.home = settings_.home;
  s->apps.op_id = op_id;
  s->ledger = std::make_unique<ScriptJournal>(this, s);
  s->apps.ledger = s->ledger.get();
  s->ctx.apps = &s->apps;
  s->input.home = settings_.home;
  if (!s->state.started) return Status::Corruption("operation " + op_id + " has no opStarted record");
  if (!s->state.anomalies.empty()) {
    return Status::Corruption("operation " + op_id + ": " + s->state.anomalies.front() +
                              " (run `lvupdate journal verify`)");
  }
  journal::OpKind kind = s->state.info.op_kind;
  // The plan it was recorded with drives it, whatever this version's plans are.
  LVU_RETURN_IF_ERROR(PlanFromNames(s->state.info.plan, &s->plan).WithContext("operation " + op_id));
  s->policy.max_attempts = settings_.max_attempts;
  s->policy.auto_rollback = settings_.auto_rollback;
  s->policy.ponr_step = PointOfNoReturnStep(s->plan);
  for (const auto& st : s->state.steps) {
    s->policy.base_attempts.push_back(st.attempts);
    s->policy.base_compensate_attempts.push_back(st.compensate_attempts);
  }
  s->ctx.sys = sys_;
  // The parameters: decided by validate, in this operation or, for a revert,
  // in the update it reverts.
  const replay::OperationState* source = &s->state;
  replay::OperationState reverted;
  if (kind == journal::OpKind::kRevert) {
    std::vector<Event> ev;
    LVU_RETURN_IF_ERROR(journal_->ReadOp(s->state.info.reverts, &ev));
    reverted = replay::Fold(ev);
    source = &reverted;
  }
  if (!source->steps.empty() && source->steps[0].state == StepState::kDone) {
    LVU_RETURN_IF_ERROR(OpParams::FromJson(source->steps[0].output, &s->ctx.params));
  } else if (kind == journal::OpKind::kUpdate) {
    LVU_RETURN_IF_ERROR(ParseLvupdateData(s->state.info.config, "lvupdate.data (as journaled)", &s->input.data));
    s->input.fixes = s->state.info.fixes;
    s->input.hmc_token_file = settings_.hmc_token_file;
    s->ctx.input = &s->input;
  } else {
    return Status::Corruption("revert " + op_id + " refers to " + s->state.info.reverts +
                              ", whose parameters are not recorded");
  }
  return Status::OK();
}

Status Executor::CheckWorldNotAhead(Session* s) {
  std::vector<Unrecorded> found;
  LVU_RETURN_IF_ERROR(FindUnrecorded(s->plan, s->state, s->ctx, &found));
  if (found.empty()) return Status::OK();
  for (const auto& u : found) spdlog::error("{} step {} applied in the world, never started in the journal: {}", s->op_id, u.name, u.effect);
  return UnrecordedConflict(s->op_id, found);
}

Status Executor::Reconcile(const std::string& op_id, std::vector<Unrecorded>* found) {
  found->clear();
  Session s;
  LVU_RETURN_IF_ERROR(Load(op_id, &s));
  if (s.state.finished) return Status::OK();
  return FindUnrecorded(s.plan, s.state, s.ctx, found);
}

Status Executor::ApplyStep(Session* s, uint32_t index) {
  Step& step = *s->plan[index];
  LVU_RETURN_IF_ERROR(GuardWorkload(step, s->ctx, Direction::kForward));
  LVU_RETURN_IF_ERROR(Append(s, Intent(*s, index, Direction::kForward), /*sync=*/true));
  s->apps.step = index;

  StepOutput out;
  Status st = sys_->faults().Hit(step.name(), FaultPhase::kApply, FaultWhen::kBefore);
  if (st.ok()) st = step.Apply(s->ctx, &out);
  if (st.ok()) st = sys_->faults().Hit(step.name(), FaultPhase::kApply, FaultWhen::kAfter);
  if (out.report != nullptr && observer_ != nullptr) observer_->OnValidation(*out.report);
  for (Event& e : out.events) LVU_RETURN_IF_ERROR(Append(s, std::move(e), false));
  if (st.ok()) {
    Event done = NewEvent(s->op_id, EventKind::kStepDone);
    done.done.step = index;
    done.done.output = out.output;
    done.done.commands = sys_->TakeCommandLines();
    done.done.clock_s = sys_->ClockSeconds();
    // Not synced: if it is lost, probe finds the step applied after a crash;
    // the next intent's sync makes it durable.
    LVU_RETURN_IF_ERROR(Append(s, done, false));
    return sys_->faults().Hit(step.name(), FaultPhase::kApply, FaultWhen::kRecorded);
  }
  return Append(s, Failed(*s, index, Direction::kForward, st), false);
}

Status Executor::CompensateStep(Session* s, uint32_t index) {
  Step& step = *s->plan[index];
  LVU_RETURN_IF_ERROR(GuardWorkload(step, s->ctx, Direction::kCompensate));
  LVU_RETURN_IF_ERROR(Append(s, Intent(*s, index, Direction::kCompensate), /*sync=*/true));
  s->apps.step = index;

  Status st = sys_->faults().Hit(step.name(), FaultPhase::kCompensate, FaultWhen::kBefore);
  if (st.ok()) st = step.Compensate(s->ctx);
  if (st.ok()) st = sys_->faults().Hit(step.name(), FaultPhase::kCompensate, FaultWhen::kAfter);
  if (st.ok()) {
    Event c = NewEvent(s->op_id, EventKind::kCompensated);
    c.compensated.step = index;
    c.compensated.clock_s = sys_->ClockSeconds();
    c.compensated.commands = sys_->TakeCommandLines();
    LVU_RETURN_IF_ERROR(Append(s, c, false));
    return sys_->faults().Hit(step.name(), FaultPhase::kCompensate, FaultWhen::kRecorded);
  }
  return Append(s, Failed(*s, index, Direction::kCompensate, st), false);
}

bool Executor::ProbeOrReport(Session* s, uint32_t step, bool* applied, OpResult* result) {
  Status st = s->plan[step]->Probe(s->ctx, applied);
  if (st.ok()) return true;
  result->reason = "cannot probe step " + std::string(s->plan[step]->name()) + ": " + st.message();
  Fill(*s, result);
  return false;
}

void Executor::Fill(const Session& s, OpResult* r) {
  const std::string reason = r->reason;
  *r = DescribeOp(s.events, s.state, s.plan, s.policy);
  if (!reason.empty()) r->reason = reason;
}

Status Executor::AppendSession(Session* s, const char* command) {
  Event e = NewEvent(s->op_id, EventKind::kSession);
  e.session.command = command;
  e.session.user = settings_.user;
  e.session.host = settings_.host;
  e.session.pid = settings_.pid;
  // Not synced: it rides on the next intent's sync, like opStarted.
  return Append(s, e, false);
}

Status Executor::GiveUp(Session* s, const Move& m) {
  const replay::StepStatus& st = s->state.steps[m.step];
  Event e = NewEvent(s->op_id, EventKind::kGaveUp);
  e.gave_up.step = m.step;
  e.gave_up.direction = s->state.rolling_back ? Direction::kCompensate : Direction::kForward;
  e.gave_up.error = st.last_error;
  e.gave_up.attempts = s->state.rolling_back ? st.compensate_attempts : st.attempts;
  LVU_RETURN_IF_ERROR(Append(s, e, true));
  // The system's error log says so too (errpt -N LVUPDATE), on the partition
  // running the workload; the operation is stopped whatever it answers.
  if (!s->state.steps.empty() && s->state.steps[0].state == StepState::kDone) {
    int lpar = replay::ForwardOnly(s->state, s->policy) ? s->ctx.params.new_id : s->ctx.params.orig_id;
    Status st2 = sys_->os().ErrlogAdd(lpar, "LVUPDATE", "Live AIX update stopped: " + m.reason);
    if (!st2.ok()) spdlog::warn("{} cannot write the errlog entry: {}", s->op_id, st2.ToString());
  }
  return Status::OK();
}

namespace {

// A step named by its name or its number in the plan (1-based); -1 if none.
int FindStep(const Plan& plan, const std::string& which) {
  for (size_t i = 0; i < plan.size(); i++) {
    if (which == plan[i]->name()) return static_cast<int>(i);
  }
  if (!which.empty() && which.find_first_not_of("0123456789") == std::string::npos && which.size() < 4) {
    int n = std::stoi(which);
    if (n >= 1 && static_cast<size_t>(n) <= plan.size()) return n - 1;
  }
  return -1;
}

}  // namespace

Status Executor::OverrideEvent(const Session& sess, const ResumeOverride& o, Event* out) {
  const Session* s = &sess;
  const replay::OperationState& state = s->state;
  Event& e = *out;
  e = NewEvent(s->op_id, EventKind::kOperatorAction);
  e.op_action.reason = o.reason;
  e.op_action.user = settings_.user;
  if (o.kind == ResumeOverride::Kind::kRetryStep) {
    e.op_action.action = journal::OperatorActionKind::kRetryStep;
    StepState failed = state.rolling_back ? StepState::kCompensateFailed : StepState::kFailed;
    int index = -1;
    for (size_t i = 0; i < state.steps.size(); i++) {
      if (state.steps[i].state == failed) index = static_cast<int>(i);
    }
    if (index < 0) {
      return Status::InvalidArgument("operation " + s->op_id + " has no failed step to retry: `lvupdate status` shows its steps");
    }
    e.op_action.step = static_cast<uint32_t>(index);
    e.op_action.direction = state.rolling_back ? Direction::kCompensate : Direction::kForward;
    return Status::OK();
  }
  e.op_action.action = journal::OperatorActionKind::kSkipStep;
  int index = FindStep(s->plan, o.step);
  if (index < 0) {
    return Status::InvalidArgument("--skip " + o.step + ": no such step in the plan of operation " + s->op_id);
  }
  const Step& step = *s->plan[index];
  const replay::StepStatus& st = state.steps[index];
  if (*step.SkipNote() == '\0') {
    return Status::InvalidArgument("--skip " + std::string(step.name()) +
                                   ": this step cannot be skipped (docs/operations.md lists the ones that can)");
  }
  if (o.reason.empty()) {
    return Status::InvalidArgument("--skip " + std::string(step.name()) + " needs --reason TEXT: why it is skipped");
  }
  if (state.rolling_back) {
    return Status::InvalidArgument("--skip " + std::string(step.name()) + ": operation " + s->op_id +
                                   " is rolling back; only its forward steps can be skipped");
  }
  size_t next = 0;
  while (next < state.steps.size() && state.steps[next].state == StepState::kDone) next++;
  if (static_cast<size_t>(index) != next || (st.state != StepState::kPending && st.state != StepState::kFailed)) {
    return Status::InvalidArgument("--skip " + std::string(step.name()) + ": only the next step of the plan (" +
                                   (next < state.steps.size() ? state.steps[next].name : "none") +
                                   "), pending or failed, can be skipped; this one is " +
                                   replay::StepStateName(st.state));
  }
  e.op_action.step = static_cast<uint32_t>(index);
  e.op_action.direction = Direction::kForward;
  return Status::OK();
}

Status Executor::NotifyRollbackOnce(Session* s) {
  if (!s->state.rolling_back || s->rollback_notified) return Status::OK();
  s->rollback_notified = true;
  for (uint32_t i = 0; i < s->state.steps.size() && i < s->plan.size(); i++) {
    if (!s->plan[i]->OwesErrorNotice() || s->state.steps[i].attempts == 0) continue;
    s->apps.step = i;
    Status st = NotifyRollback(*s->ctx.sys, s->ctx.apps, s->ctx.params.orig_id);
    // The notice belongs to no step the journal records next: its commands
    // go to the log, not to the next compensation's list.
    const std::vector<std::string> lines = sys_->TakeCommandLines();
    if (!lines.empty()) {
      std::string all;
      for (const auto& l : lines) all += (all.empty() ? "`" : "; `") + l + "`";
      spdlog::info("{} the LVUP_ERROR notice ran {}", s->op_id, all);
    }
    return st;
  }
  return Status::OK();
}

namespace {

bool ChangesWorld(Move::Kind k) {
  return k == Move::Kind::kProbe || k == Move::Kind::kApply || k == Move::Kind::kProbeCompensate ||
         k == Move::Kind::kCompensate || k == Move::Kind::kStartRollback;
}

// Where the operation stops if asked before move `m`, for the operator.
std::string StopPoint(const Plan& plan, const Move& m) {
  const std::string n = std::to_string(m.step + 1) + " " + plan[m.step]->name();
  if (m.kind == Move::Kind::kCompensate || m.kind == Move::Kind::kProbeCompensate) return "after the undo of step " + n;
  if (m.kind == Move::Kind::kStartRollback) return "before the rollback begins";
  if (plan[m.step]->FreezesWorkload() && m.step + 1 < plan.size()) {
    return "after step " + std::to_string(m.step + 2) + " " + plan[m.step + 1]->name() +
           ", once the workload runs again (step " + n + " freezes it: the blackout)";
  }
  return "after step " + n;
}

// Where it stopped, just before move `m`: "before step 9 disk.assign".
std::string StoppedBefore(const Plan& plan, const Move& m) {
  const std::string n = std::to_string(m.step + 1) + " " + plan[m.step]->name();
  if (m.kind == Move::Kind::kCompensate || m.kind == Move::Kind::kProbeCompensate) return "before the undo of step " + n;
  if (m.kind == Move::Kind::kStartRollback) return "before the rollback began";
  return "before step " + n;
}

}  // namespace

Status Executor::StopIfAsked(Session* s, const Move& m, OpResult* result, bool* stopped) {
  *stopped = false;
  const int sig = StopSignal();
  if (sig == 0 || !ChangesWorld(m.kind)) return Status::OK();
  // Never inside the blackout: the workload would stay frozen until someone
  // runs resume. Go on until it runs again.
  if (!s->state.steps.empty() && s->state.steps[0].state == StepState::kDone) {
    drivers::Lpar l;
    bool found = false;
    LVU_RETURN_IF_ERROR(FindLpar(*sys_, s->ctx.params.orig_id, &l, &found));
    if (found && l.workload == "frozen") {
      spdlog::info("{} {} received inside the blackout: stopping once the workload runs again", s->op_id,
                   SignalName(sig));
      return Status::OK();
    }
  }
  Event e = NewEvent(s->op_id, EventKind::kStopped);
  e.stopped.signal = SignalName(sig);
  e.stopped.where = StoppedBefore(s->plan, m);
  e.stopped.pid = static_cast<uint32_t>(::getpid());
  LVU_RETURN_IF_ERROR(Append(s, e, /*sync=*/true));
  spdlog::warn("{} stopped {} at the operator's request ({})", s->op_id, e.stopped.where, e.stopped.signal);
  Fill(*s, result);
  result->reason = "stopped at the operator's request (" + e.stopped.signal + ")";
  *stopped = true;
  return Status::OK();
}

Status Executor::Drive(Session* s, OpResult* result) {
  for (;;) {
    Move m = replay::Decide(s->state, s->policy);
    if (ChangesWorld(m.kind)) SetStopWhere(StopPoint(s->plan, m));
    bool stopped = false;
    LVU_RETURN_IF_ERROR(StopIfAsked(s, m, result, &stopped));
    if (stopped) return Status::OK();
    if (m.kind == Move::Kind::kProbeCompensate || m.kind == Move::Kind::kCompensate ||
        m.kind == Move::Kind::kFinish) {
      Status st = NotifyRollbackOnce(s);
      if (!st.ok()) {
        // The journal could not be written, or the world contradicts it.
        if (st.IsIOError() || st.IsCorruption() || st.IsNoSpace() || st.IsConflict()) return st;
        result->reason = "LVUP_ERROR notification: " + st.message();
        Fill(*s, result);
        return Status::OK();
      }
    }
    switch (m.kind) {
      case Move::Kind::kNothing:
        Fill(*s, result);
        return Status::OK();
      case Move::Kind::kProbe: {
        bool applied = false;
        if (!ProbeOrReport(s, m.step, &applied, result)) return Status::OK();
        if (applied) {
          LVU_RETURN_IF_ERROR(Append(s, RecoveredDone(*s, m.step), false));
        } else {
          LVU_RETURN_IF_ERROR(ApplyStep(s, m.step));
        }
        break;
      }
      case Move::Kind::kApply:
        LVU_RETURN_IF_ERROR(ApplyStep(s, m.step));
        break;
      case Move::Kind::kMarkPointOfNoReturn:
        // Not synced: it rides on the next step's intent. If a power loss
        // takes it, workload.restart is done (or in flight, and probe finds
        // it done), so replay::ForwardOnly holds and Decide marks it again.
        LVU_RETURN_IF_ERROR(Append(s, NewEvent(s->op_id, EventKind::kPointOfNoReturn), false));
        break;
      case Move::Kind::kStartRollback: {
        Event e = NewEvent(s->op_id, EventKind::kRollbackStarted);
        e.rollback.reason = m.reason;
        e.rollback.automatic = true;
        LVU_RETURN_IF_ERROR(Append(s, e, true));
        break;
      }
      case Move::Kind::kProbeCompensate: {
        bool applied = false;
        if (!ProbeOrReport(s, m.step, &applied, result)) return Status::OK();
        if (applied) {
          LVU_RETURN_IF_ERROR(CompensateStep(s, m.step));
        } else {
          Event c = NewEvent(s->op_id, EventKind::kCompensated);
          c.compensated.step = m.step;
          c.compensated.recovered = true;
          c.compensated.clock_s = sys_->ClockSeconds();
    c.compensated.commands = sys_->TakeCommandLines();
          LVU_RETURN_IF_ERROR(Append(s, c, false));
        }
        break;
      }
      case Move::Kind::kCompensate:
        LVU_RETURN_IF_ERROR(CompensateStep(s, m.step));
        break;
      case Move::Kind::kFinish: {
        Event e = NewEvent(s->op_id, EventKind::kOpFinished);
        e.finished.outcome = m.outcome;
        LVU_RETURN_IF_ERROR(Append(s, e, true));
        Fill(*s, result);
        return Status::OK();
      }
      case Move::Kind::kGiveUp:
        LVU_RETURN_IF_ERROR(GiveUp(s, m));
        break;
      case Move::Kind::kStop:
        spdlog::error("{} interrupted: {}", s->op_id, m.reason);
        result->reason = m.reason;
        Fill(*s, result);
        return Status::OK();
    }
  }
}

Status Executor::Run(const RunRequest& request, OpResult* result) {
  std::string active;
  LVU_RETURN_IF_ERROR(journal_->ActiveOp(&active));
  if (!active.empty()) {
    return Status::InvalidArgument("operation " + active +
                                   " is unfinished: run `lvupdate resume` or `lvupdate rollback` first");
  }
  Session s;
  s.op_id = journal::Journal::NewOpId();
  Event e = NewEvent(s.op_id, EventKind::kOpStarted);
  e.op_started.op_kind = journal::OpKind::kUpdate;
  e.op_started.config = RedactSecrets(request.config_text);
  for (const auto& f : request.input.fixes) {
    e.op_started.fixes.push_back(!f.empty() && f[0] == '/' ? f : request.input.fix_dir + "/" + f);
  }
  Plan plan = MakeUpdatePlan();
  e.op_started.plan = StepNames(plan);
  RecordRoles(plan, &e.op_started);
  e.op_started.driver = sys_->name();
  e.op_started.host = settings_.host;
  e.op_started.tool_version = LVU_VERSION;
  e.op_started.system = sys_->ReplaySettings();
  // Not synced: it rides on the first step's intent, and nothing changes in
  // the world before that intent is durable; a power loss before it loses an
  // operation that had not begun.
  Status st = journal_->Append(&e, false);
  if (!st.ok()) return st.WithContext("cannot write the journal");
  spdlog::info("{} seq {} {}", s.op_id, e.seq, journal::KindName(e.kind));
  if (observer_ != nullptr) {
    replay::OperationState fresh;
    replay::Apply(&fresh, e);
    observer_->OnEvent(e, fresh);
  }
  LVU_RETURN_IF_ERROR(Load(s.op_id, &s));
  return Drive(&s, result);
}

Status Executor::Resume(const ResumeOverride& o, OpResult* result) {
  std::string active;
  LVU_RETURN_IF_ERROR(journal_->ActiveOp(&active));
  if (active.empty()) {
    const std::string none = kNothingToResume;
    // Nothing to do is done (exit 0); an override names a step that is not there.
    if (o.kind != ResumeOverride::Kind::kNone) return Status::InvalidArgument(none);
    result->ending = Ending::kNothingToDo;
    result->reason = none;
    return Status::OK();
  }
  Session s;
  LVU_RETURN_IF_ERROR(Load(active, &s));
  LVU_RETURN_IF_ERROR(CheckWorldNotAhead(&s));
  if (o.kind == ResumeOverride::Kind::kNone && s.state.gave_up) {
    // Retrying blindly what already failed max_attempts times helps nobody.
    Fill(s, result);
    replay::Move m = replay::Decide(s.state, s.policy);
    result->reason = m.reason;
    return Status::OK();
  }
  // Checked before anything is written: a refused override leaves no trace.
  Event action;
  if (o.kind != ResumeOverride::Kind::kNone) LVU_RETURN_IF_ERROR(OverrideEvent(s, o, &action));
  LVU_RETURN_IF_ERROR(AppendSession(&s, "resume"));
  if (o.kind == ResumeOverride::Kind::kSkipStep) {
    spdlog::warn("{} step {} skipped by {}: {} (left to do by hand: {})", s.op_id, s.plan[action.op_action.step]->name(),
                 settings_.user, o.reason, s.plan[action.op_action.step]->SkipNote());
  }
  // Not synced: it rides on the next intent's (or opFinished's) sync, before
  // the engine acts on it in the world.
  if (o.kind != ResumeOverride::Kind::kNone) LVU_RETURN_IF_ERROR(Append(&s, action, false));
  return Drive(&s, result);
}

Status Executor::StartRevert(const Session& update, OpResult* result) {
  Session s;
  s.op_id = journal::Journal::NewOpId();
  Event e = NewEvent(s.op_id, EventKind::kOpStarted);
  e.op_started.op_kind = journal::OpKind::kRevert;
  e.op_started.fixes = update.state.info.fixes;
  Plan plan = MakeRevertPlan();
  e.op_started.plan = StepNames(plan);
  RecordRoles(plan, &e.op_started);
  e.op_started.driver = sys_->name();
  e.op_started.host = settings_.host;
  e.op_started.tool_version = LVU_VERSION;
  e.op_started.system = sys_->ReplaySettings();
  e.op_started.reverts = update.op_id;
  LVU_RETURN_IF_ERROR(Append(&s, e, false));  // rides on the first intent, as in Run
  LVU_RETURN_IF_ERROR(Load(s.op_id, &s));
  return Drive(&s, result);
}

Status Executor::Rollback(const std::string& op_arg, OpResult* result) {
  std::string op, nothing;
  LVU_RETURN_IF_ERROR(RollbackTarget(journal_, op_arg, &op, &nothing));
  if (!nothing.empty()) {
    result->op_id = op;
    result->ending = Ending::kNothingToDo;
    result->reason = nothing;
    return Status::OK();
  }
  Session s;
  LVU_RETURN_IF_ERROR(Load(op, &s));
  if (!s.state.finished) LVU_RETURN_IF_ERROR(CheckWorldNotAhead(&s));
  bool is_update = s.state.info.op_kind == journal::OpKind::kUpdate;
  if (!s.state.finished) LVU_RETURN_IF_ERROR(AppendSession(&s, "rollback"));
  if (s.state.gave_up && s.state.rolling_back) {
    // A compensation gave up: asking for the rollback again is the decision
    // to retry it.
    Event e = NewEvent(s.op_id, EventKind::kOperatorAction);
    e.op_action.action = journal::OperatorActionKind::kRetryStep;
    e.op_action.step = s.state.gave_up_info.step;
    e.op_action.direction = Direction::kCompensate;
    e.op_action.reason = "lvupdate rollback";
    e.op_action.user = settings_.user;
    LVU_RETURN_IF_ERROR(Append(&s, e, false));
  }
  if (s.state.finished) {
    if (is_update && s.state.outcome == journal::Outcome::kCompleted) return StartRevert(s, result);
    Fill(s, result);
    result->reason = "operation " + op + " is already " + journal::OutcomeName(s.state.outcome);
    result->ending = Ending::kNothingToDo;
    return Status::OK();
  }
  if (!is_update) return Drive(&s, result);  // a revert only goes forward
  if (!s.state.rolling_back) {
    // Settle a step left in flight first: it may be the one whose completion
    // is the point of no return.
    for (uint32_t i = 0; i < s.state.steps.size(); i++) {
      if (s.state.steps[i].state != StepState::kInFlight) continue;
      bool applied = false;
      LVU_RETURN_IF_ERROR(s.plan[i]->Probe(s.ctx, &applied));
      if (applied) LVU_RETURN_IF_ERROR(Append(&s, RecoveredDone(s, i), false));
    }
  }
  if (replay::ForwardOnly(s.state, s.policy)) {
    spdlog::info("{} is past the point of no return: finishing it, then reverting", op);
    LVU_RETURN_IF_ERROR(Drive(&s, result));
    if (result->ending != Ending::kCompleted) return Status::OK();
    return StartRevert(s, result);
  }
  if (!s.state.rolling_back) {
    Event e = NewEvent(s.op_id, EventKind::kRollbackStarted);
    e.rollback.reason = "requested by the operator";
    e.rollback.automatic = false;
    LVU_RETURN_IF_ERROR(Append(&s, e, true));
  }
  return Drive(&s, result);
}

}  // namespace lvu::actions
