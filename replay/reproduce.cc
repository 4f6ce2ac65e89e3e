#include "replay/reproduce.h"

#include <map>
#include <optional>
#include <utility>

namespace lvu::replay {
namespace {

using journal::Direction;
using journal::Event;
using journal::EventKind;

constexpr int kCrashExit = 86;  // the simulator's crash fault (SimOptions::crash_exit_code)

// One stretch of an operation's events written by one command.
struct Segment {
  size_t op = 0;
  size_t begin = 0, end = 0;  // event indexes [begin, end)
  ReproSession::Command command = ReproSession::Command::kRun;
  std::string skip_step, skip_reason;
};

std::string StepName(const std::vector<Event>& ev, uint32_t step) {
  const auto& plan = ev.front().op_started.plan;
  return step < plan.size() ? plan[step] : "step " + std::to_string(step + 1);
}

std::string Quote(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:=") ==
                        std::string::npos) {
    return s;
  }
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Cuts an operation into its sessions: opStarted, then each session event.
std::vector<Segment> Segments(const std::vector<Event>& ev, size_t op) {
  std::vector<Segment> out;
  for (size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (e.kind != EventKind::kOpStarted && e.kind != EventKind::kSession) continue;
    if (!out.empty()) out.back().end = i;
    Segment s;
    s.op = op;
    s.begin = i;
    if (e.kind == EventKind::kOpStarted) {
      s.command = e.op_started.op_kind == journal::OpKind::kRevert ? ReproSession::Command::kRollback
                                                                   : ReproSession::Command::kRun;
    } else {
      s.command = e.session.command == "rollback" ? ReproSession::Command::kRollback : ReproSession::Command::kResume;
      // The operator's decision follows its session; a rollback that retries a
      // compensation writes it by itself.
      if (s.command == ReproSession::Command::kResume && i + 1 < ev.size() &&
          ev[i + 1].kind == EventKind::kOperatorAction) {
        const journal::OperatorAction& a = ev[i + 1].op_action;
        if (a.action == journal::OperatorActionKind::kRetryStep) {
          s.command = ReproSession::Command::kResumeRetryStep;
        } else {
          s.command = ReproSession::Command::kResumeSkip;
          s.skip_step = StepName(ev, a.step);
          s.skip_reason = a.reason;
        }
      }
    }
    out.push_back(s);
  }
  if (!out.empty()) out.back().end = ev.size();
  return out;
}

// How a segment ended.
struct Ending {
  enum class Kind { kFinished, kGaveUp, kStopped, kCrashed, kSignalled } kind = Kind::kStopped;
  journal::Outcome outcome = journal::Outcome::kCompleted;
  const Event* gave_up = nullptr;
  const Event* in_flight = nullptr;  // kCrashed: the intent without a result
  const Event* recorded = nullptr;   // kCrashed: else the result journaled last, nothing after it
                                     // kSignalled: the result journaled last before the stop (or null)
};

Ending EndingOf(const std::vector<Event>& ev, const Segment& seg) {
  Ending out;
  const Event& last = ev[seg.end - 1];
  if (last.kind == EventKind::kOpFinished) {
    out.kind = Ending::Kind::kFinished;
    out.outcome = last.finished.outcome;
    return out;
  }
  if (last.kind == EventKind::kGaveUp) {
    out.kind = Ending::Kind::kGaveUp;
    out.gave_up = &last;
    return out;
  }
  if (last.kind == EventKind::kStopped) {
    // The executor stops at the top of its loop: right after the last step
    // result (or the point of no return that follows one).
    out.kind = Ending::Kind::kSignalled;
    for (size_t i = seg.end - 1; i-- > seg.begin;) {
      const Event& e = ev[i];
      if (e.kind == EventKind::kScriptIntent || e.kind == EventKind::kScriptDone ||
          e.kind == EventKind::kPointOfNoReturn) {
        continue;
      }
      if ((e.kind == EventKind::kStepDone && !e.done.recovered) ||
          (e.kind == EventKind::kCompensated && !e.compensated.recovered)) {
        out.recorded = &e;
      }
      break;
    }
    return out;
  }
  // The last intent of the segment, if it has no result.
  const Event* pending = nullptr;
  for (size_t i = seg.begin; i < seg.end; ++i) {
    const Event& e = ev[i];
    switch (e.kind) {
      case EventKind::kStepIntent: pending = &e; break;
      case EventKind::kStepDone:
      case EventKind::kStepFailed:
      case EventKind::kCompensated: pending = nullptr; break;
      default: break;
    }
  }
  if (pending != nullptr) {
    out.kind = Ending::Kind::kCrashed;
    out.in_flight = pending;
    return out;
  }
  // Ended right after a step's result was journaled (scripts aside): killed
  // between two steps.
  for (size_t i = seg.end; i-- > seg.begin;) {
    const Event& e = ev[i];
    if (e.kind == EventKind::kScriptIntent || e.kind == EventKind::kScriptDone) continue;
    if ((e.kind == EventKind::kStepDone && !e.done.recovered) ||
        (e.kind == EventKind::kCompensated && !e.compensated.recovered)) {
      out.kind = Ending::Kind::kCrashed;
      out.recorded = &e;
    }
    break;
  }
  return out;
}

// Whether `next` (the following session on the same operation) finds the step
// of `intent` applied: recorded done, or undone, by probe.
bool FoundApplied(const std::vector<Event>& ev, const Segment* next, const Event& intent) {
  if (next == nullptr) return false;
  const uint32_t step = intent.intent.step;
  const bool forward = intent.intent.direction == Direction::kForward;
  for (size_t i = next->begin; i < next->end; ++i) {
    const Event& e = ev[i];
    if (e.kind == EventKind::kStepIntent && e.intent.step == step) return false;  // done again
    if (forward && e.kind == EventKind::kStepDone && e.done.step == step) return e.done.recovered;
    if (!forward && e.kind == EventKind::kCompensated && e.compensated.step == step) return e.compensated.recovered;
  }
  return false;
}

// The faults a segment met: its stepFailed events, then its crash.
std::vector<SimFault> FaultsOf(const std::vector<Event>& ev, const Segment& seg) {
  std::vector<SimFault> out;
  bool checks_failed = false;
  for (size_t i = seg.begin; i < seg.end; ++i) {
    const Event& e = ev[i];
    checks_failed |= e.kind == EventKind::kCheckResult && e.check.result == journal::CheckOutcome::kFailed;
    if (e.kind != EventKind::kStepFailed) continue;
    // Validation that FAILED checks (reproduced by the lab's settings), not a fault.
    if (checks_failed && e.failed.step == 0 && e.failed.direction == Direction::kForward) continue;
    SimFault f;
    f.step = StepName(ev, e.failed.step);
    f.kind = e.failed.retryable ? "transient" : "fail";
    f.phase = e.failed.direction == Direction::kCompensate ? "compensate" : "apply";
    if (!out.empty() && out.back().step == f.step && out.back().kind == f.kind && out.back().phase == f.phase) {
      out.back().times++;  // consecutive failures of one step: --times N
    } else {
      out.push_back(f);
    }
  }
  return out;
}

// The crash fault of a session that ended with `end.in_flight` in flight.
SimFault CrashFault(const std::vector<Event>& ev, const Segment* next, const Ending& end) {
  SimFault c;
  if (end.recorded != nullptr) {
    const bool done = end.recorded->kind == EventKind::kStepDone;
    c.step = StepName(ev, done ? end.recorded->done.step : end.recorded->compensated.step);
    c.phase = done ? "apply" : "compensate";
    c.kind = "crash-recorded";
    return c;
  }
  c.step = StepName(ev, end.in_flight->intent.step);
  c.phase = end.in_flight->intent.direction == Direction::kCompensate ? "compensate" : "apply";
  c.kind = FoundApplied(ev, next, *end.in_flight) ? "crash-after" : "crash-before";
  return c;
}

bool ExitKnown(const ReproSession& s) { return s.expected_exit >= 0; }

}  // namespace

bool operator==(const SimFault& a, const SimFault& b) {
  return a.step == b.step && a.kind == b.kind && a.phase == b.phase && a.times == b.times;
}

std::vector<std::string> CommandArgs(const ReproSession& s) {
  std::vector<std::string> a;
  switch (s.command) {
    case ReproSession::Command::kRun: a = {"run"}; break;
    case ReproSession::Command::kResume: a = {"resume"}; break;
    case ReproSession::Command::kResumeRetryStep: a = {"resume", "--retry-step"}; break;
    case ReproSession::Command::kResumeSkip: a = {"resume", "--skip", s.skip_step, "--reason", s.skip_reason}; break;
    case ReproSession::Command::kRollback: a = {"rollback"}; break;
  }
  if (s.no_auto_rollback && s.command != ReproSession::Command::kRollback) a.push_back("--no-auto-rollback");
  return a;
}

std::string CommandText(const ReproSession& s) {
  std::string t = "lvupdate";
  for (const auto& a : CommandArgs(s)) t += " " + Quote(a);
  return t;
}

Reproduction Derive(const std::vector<Event>& op_events, const std::vector<Event>* reverted) {
  Reproduction r;
  if (op_events.empty() || op_events.front().kind != EventKind::kOpStarted) {
    r.problem = "the operation has no opStarted event";
    return r;
  }
  const journal::OpStarted& info = op_events.front().op_started;
  if (info.op_kind == journal::OpKind::kRevert) {
    if (reverted == nullptr || reverted->empty() || reverted->front().kind != EventKind::kOpStarted ||
        reverted->front().op_id != info.reverts) {
      r.problem = "it reverts operation " + info.reverts + ", whose events are not at hand";
      return r;
    }
    r.ops.push_back(reverted);
  }
  r.ops.push_back(&op_events);

  std::vector<Segment> segs;
  for (size_t k = 0; k < r.ops.size(); ++k) {
    const std::vector<Event>& ev = *r.ops[k];
    const journal::OpStarted& st = ev.front().op_started;
    if (st.driver != "sim") {
      r.problem = "operation " + ev.front().op_id + " ran with the " + (st.driver.empty() ? "?" : st.driver) +
                  " driver: only operations of the simulated system can be replayed on it";
      return r;
    }
    for (const Event& e : ev) {
      if (st.system.empty() && e.kind == EventKind::kCheckResult && e.check.result == journal::CheckOutcome::kFailed) {
        r.problem = "validation FAILED on the recorded system (" + e.check.name + ": " + e.check.message +
                    "): the journal (written by an older lvupdate) does not hold the system that failed it";
        return r;
      }
    }
    std::vector<Segment> s = Segments(ev, k);
    segs.insert(segs.end(), s.begin(), s.end());
  }

  bool scripts = false;
  for (const auto* ev : r.ops) {
    for (const Event& e : *ev) scripts |= !Compared(e);
  }
  if (scripts) {
    r.notes.push_back(
        "notification scripts ran in the recorded operation: the lab has none of its registrations, so "
        "scriptIntent and scriptDone events are not compared (a failure they caused is replayed as a fault)");
  }

  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& seg = segs[i];
    const std::vector<Event>& ev = *r.ops[seg.op];
    const Segment* next = i + 1 < segs.size() && segs[i + 1].op == seg.op ? &segs[i + 1] : nullptr;

    // A revert started by the rollback that finished its update past the
    // point of no return belongs to that rollback's process.
    if (seg.op > 0 && seg.begin == 0 && !r.sessions.empty()) {
      ReproSession& prev = r.sessions.back();
      const std::vector<Event>& upd = *r.ops[prev.op];
      if (prev.command == ReproSession::Command::kRollback && upd.back().kind == EventKind::kOpFinished &&
          upd.back().finished.outcome == journal::Outcome::kCompleted && prev.last_seq == upd.back().seq &&
          prev.also.empty() && upd.back().seq != 0 && !ExitKnown(prev)) {
        // prev.expected_exit was left unknown for this very case.
        ReproSession::Part p;
        p.op = seg.op;
        p.first_seq = ev[seg.begin].seq;
        p.last_seq = ev[seg.end - 1].seq;
        prev.also.push_back(p);
        std::vector<SimFault> f = FaultsOf(ev, seg);
        prev.faults.insert(prev.faults.end(), f.begin(), f.end());
        Ending end = EndingOf(ev, seg);
        if (end.kind == Ending::Kind::kCrashed) {
          prev.crashes = true;
          prev.faults.push_back(CrashFault(ev, next, end));
          prev.expected_exit = kCrashExit;
        } else if (end.kind == Ending::Kind::kFinished) {
          prev.expected_exit = 0;
        } else {
          prev.expected_exit = 5;
        }
        continue;
      }
    }

    ReproSession s;
    s.command = seg.command;
    s.skip_step = seg.skip_step;
    s.skip_reason = seg.skip_reason;
    s.op = seg.op;
    s.first_seq = ev[seg.begin].seq;
    s.last_seq = ev[seg.end - 1].seq;
    s.faults = FaultsOf(ev, seg);
    Ending end = EndingOf(ev, seg);
    switch (end.kind) {
      case Ending::Kind::kFinished:
        switch (end.outcome) {
          case journal::Outcome::kCompleted:
            // A rollback that finished the update goes on with its revert, in
            // the same process: its exit is the revert's.
            s.expected_exit = s.command == ReproSession::Command::kRollback ? -1 : 0;
            break;
          case journal::Outcome::kReverted: s.expected_exit = 0; break;
          case journal::Outcome::kRolledBack:
            s.expected_exit = s.command == ReproSession::Command::kRollback ? 0 : 4;
            break;
          case journal::Outcome::kFailedValidation: s.expected_exit = 3; break;
        }
        break;
      case Ending::Kind::kGaveUp: {
        s.expected_exit = 5;
        // Before the point of no return, an update rolls back by itself unless
        // the command said --no-auto-rollback.
        bool ponr = false;
        for (size_t j = 0; j < seg.end; ++j) ponr |= ev[j].kind == EventKind::kPointOfNoReturn;
        bool rolling_back = false;
        for (size_t j = 0; j < seg.end; ++j) rolling_back |= ev[j].kind == EventKind::kRollbackStarted;
        if (!ponr && !rolling_back && ev.front().op_started.op_kind == journal::OpKind::kUpdate &&
            end.gave_up->gave_up.direction == Direction::kForward) {
          s.no_auto_rollback = true;
        }
        break;
      }
      case Ending::Kind::kStopped: s.expected_exit = 5; break;
      case Ending::Kind::kSignalled: {
        s.expected_exit = 5;
        if (end.recorded == nullptr) {
          r.notes.push_back("session " + std::to_string(r.sessions.size() + 1) +
                            " stopped at a signal not right after a step's result: the replay cannot send it "
                            "at the same point");
          break;
        }
        SimFault f = CrashFault(ev, next, end);  // the point: right after that result
        f.kind = "signal";
        s.faults.push_back(f);
        break;
      }
      case Ending::Kind::kCrashed: {
        s.faults.push_back(CrashFault(ev, next, end));
        s.crashes = true;
        s.expected_exit = kCrashExit;
        break;
      }
    }
    r.sessions.push_back(std::move(s));
  }
  return r;
}

bool Compared(const Event& e) {
  return e.kind != EventKind::kScriptIntent && e.kind != EventKind::kScriptDone;
}

std::string Signature(const Event& e) {
  std::string s = journal::KindName(e.kind);
  auto add = [&s](const std::string& k, const std::string& v) { s += " " + k + "=" + v; };
  auto num = [](uint64_t v) { return std::to_string(v); };
  auto yes = [](bool b) { return std::string(b ? "yes" : "no"); };
  switch (e.kind) {
    case EventKind::kOpStarted: add("kind", e.op_started.op_kind == journal::OpKind::kRevert ? "revert" : "update"); break;
    case EventKind::kCheckResult: add("name", e.check.name); break;
    case EventKind::kEstimate: break;
    case EventKind::kStepIntent:
      add("step", num(e.intent.step));
      add("direction", journal::DirectionName(e.intent.direction));
      add("attempt", num(e.intent.attempt));
      break;
    case EventKind::kStepDone:
      add("step", num(e.done.step));
      add("recovered", yes(e.done.recovered));
      break;
    case EventKind::kStepFailed:
      add("step", num(e.failed.step));
      add("direction", journal::DirectionName(e.failed.direction));
      add("retryable", yes(e.failed.retryable));
      break;
    case EventKind::kPointOfNoReturn: break;
    case EventKind::kRollbackStarted: add("automatic", yes(e.rollback.automatic)); break;
    case EventKind::kCompensated:
      add("step", num(e.compensated.step));
      add("recovered", yes(e.compensated.recovered));
      break;
    case EventKind::kOpFinished: add("outcome", journal::OutcomeName(e.finished.outcome)); break;
    case EventKind::kScriptIntent:
    case EventKind::kScriptDone: break;
    case EventKind::kSession: add("command", e.session.command); break;
    case EventKind::kOperatorAction:
      add("action", journal::OperatorActionName(e.op_action.action));
      add("step", num(e.op_action.step));
      add("direction", journal::DirectionName(e.op_action.direction));
      break;
    case EventKind::kGaveUp:
      add("step", num(e.gave_up.step));
      add("direction", journal::DirectionName(e.gave_up.direction));
      add("attempts", num(e.gave_up.attempts));
      break;
    case EventKind::kStopped: break;
  }
  return s;
}

Divergence Compare(const std::vector<const std::vector<Event>*>& recorded,
                   const std::vector<std::vector<Event>>& replayed) {
  Divergence d;
  for (size_t k = 0; k < recorded.size(); ++k) {
    std::vector<const Event*> a, b;
    for (const Event& e : *recorded[k]) {
      if (Compared(e)) a.push_back(&e);
    }
    if (k < replayed.size()) {
      for (const Event& e : replayed[k]) {
        if (Compared(e)) b.push_back(&e);
      }
    }
    size_t i = 0;
    for (; i < a.size() && i < b.size(); ++i) {
      if (Signature(*a[i]) != Signature(*b[i])) break;
    }
    d.compared += i;
    if (i < a.size() || i < b.size()) {
      d.found = true;
      d.op = k;
      d.recorded = i < a.size() ? a[i] : nullptr;
      d.replayed = i < b.size() ? b[i] : nullptr;
      return d;
    }
  }
  return d;
}

}  // namespace lvu::replay
