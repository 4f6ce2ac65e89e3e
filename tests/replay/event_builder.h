// A small helper for the replay tests: builds an operation's events with
// contiguous sequence numbers, as the executor would write them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "journal/event.h"
#include "replay/decide.h"
#include "replay/op_state.h"

// Readable gtest failure messages for the enums (found by argument-dependent lookup).
namespace lvu::replay {
inline void PrintTo(StepState s, std::ostream* os) { *os << StepStateName(s); }
inline void PrintTo(Move::Kind k, std::ostream* os) { *os << MoveKindName(k); }
}  // namespace lvu::replay
namespace lvu::journal {
inline void PrintTo(Outcome o, std::ostream* os) { *os << OutcomeName(o); }
}  // namespace lvu::journal

namespace lvu::replay::testkit {

// The live update plan (DESIGN.md, "Steps"); index = step number - 1.
inline const std::vector<std::string>& UpdatePlan() {
  static const std::vector<std::string> plan = {
      "validate",             "hmc.reserve",            "apps.notify_check",   "disk.clone_rootvg",
      "ifix.apply_clone",     "lpar.rename_original",   "lpar.create_surrogate", "path.split",
      "disk.assign",          "lpar.boot_surrogate",    "disk.mirror_rootvg",  "apps.notify_pre",
      "workload.checkpoint",  "workload.restart",       "lpar.shutdown_original",
      "lpar.delete_original", "path.restore",           "bootlist.set",        "apps.notify_complete",
  };
  return plan;
}

inline const std::vector<std::string>& RevertPlan() {
  static const std::vector<std::string> plan = {"revert.bootlist", "revert.reboot"};
  return plan;
}

constexpr uint32_t kPlanSize = 19;
constexpr int kPonrStep = 13;  // workload.restart

class EventBuilder {
 public:
  explicit EventBuilder(std::string op_id = "01HTESTOP0000000000000000") : op_id_(std::move(op_id)) {}

  // A bare event of `kind` carrying the next seq and time, not appended.
  journal::Event Make(journal::EventKind kind) const {
    journal::Event e;
    e.op_id = op_id_;
    e.seq = next_seq_;
    e.time_us = 1'700'000'000'000'000 + static_cast<int64_t>(next_seq_) * 1000;
    e.kind = kind;
    return e;
  }

  // Appends `e` as is (its seq may break the rules) and continues after it.
  EventBuilder& Append(const journal::Event& e) {
    events_.push_back(e);
    next_seq_ = e.seq + 1;
    return *this;
  }

  EventBuilder& Started(journal::OpKind kind = journal::OpKind::kUpdate) {
    return Started(kind == journal::OpKind::kRevert ? RevertPlan() : UpdatePlan(), kind);
  }
  EventBuilder& Started(const std::vector<std::string>& plan,
                        journal::OpKind kind = journal::OpKind::kUpdate) {
    journal::Event e = Make(journal::EventKind::kOpStarted);
    e.op_started.op_kind = kind;
    e.op_started.plan = plan;
    e.op_started.config = "general:\n  kernel_debug = no\n";
    e.op_started.fixes = {"IJ12345s1a.epkg.Z"};
    e.op_started.driver = "sim";
    e.op_started.host = "lpar1";
    e.op_started.tool_version = "0.1.0";
    if (kind == journal::OpKind::kRevert) e.op_started.reverts = "01HREVERTED00000000000000";
    plan_ = plan;
    return Append(e);
  }

  EventBuilder& Check(const std::string& name, journal::CheckOutcome result,
                      const std::string& message = "") {
    journal::Event e = Make(journal::EventKind::kCheckResult);
    e.check.name = name;
    e.check.result = result;
    e.check.message = message.empty() ? name + " checked" : message;
    return Append(e);
  }

  EventBuilder& Estimate(int64_t blackout_s, int64_t global_s) {
    journal::Event e = Make(journal::EventKind::kEstimate);
    e.estimate.blackout_s = blackout_s;
    e.estimate.global_s = global_s;
    return Append(e);
  }

  EventBuilder& Intent(uint32_t step, journal::Direction dir = journal::Direction::kForward,
                       const std::string& params = "{}") {
    journal::Event e = Make(journal::EventKind::kStepIntent);
    e.intent.step = step;
    e.intent.action = step < plan_.size() ? plan_[step] : "no.such.step";
    e.intent.params = params;
    e.intent.attempt = ++attempts_[{step, dir}];
    e.intent.direction = dir;
    return Append(e);
  }
  EventBuilder& CompensateIntent(uint32_t step) { return Intent(step, journal::Direction::kCompensate); }

  EventBuilder& Done(uint32_t step, const std::string& output = "{}", bool recovered = false) {
    journal::Event e = Make(journal::EventKind::kStepDone);
    e.done.step = step;
    e.done.output = output;
    e.done.recovered = recovered;
    return Append(e);
  }

  EventBuilder& Failed(uint32_t step, const std::string& error, bool retryable,
                       journal::Direction dir = journal::Direction::kForward) {
    journal::Event e = Make(journal::EventKind::kStepFailed);
    e.failed.step = step;
    e.failed.direction = dir;
    e.failed.error = error;
    e.failed.retryable = retryable;
    return Append(e);
  }
  EventBuilder& CompensateFailed(uint32_t step, const std::string& error, bool retryable) {
    return Failed(step, error, retryable, journal::Direction::kCompensate);
  }

  EventBuilder& Ponr() { return Append(Make(journal::EventKind::kPointOfNoReturn)); }

  EventBuilder& Rollback(const std::string& reason = "requested", bool automatic = false) {
    journal::Event e = Make(journal::EventKind::kRollbackStarted);
    e.rollback.reason = reason;
    e.rollback.automatic = automatic;
    return Append(e);
  }

  EventBuilder& Compensated(uint32_t step, bool recovered = false) {
    journal::Event e = Make(journal::EventKind::kCompensated);
    e.compensated.step = step;
    e.compensated.recovered = recovered;
    return Append(e);
  }

  EventBuilder& GaveUp(uint32_t step, const std::string& error,
                       journal::Direction dir = journal::Direction::kForward) {
    journal::Event e = Make(journal::EventKind::kGaveUp);
    e.gave_up.step = step;
    e.gave_up.direction = dir;
    e.gave_up.error = error;
    e.gave_up.attempts = 3;
    return Append(e);
  }
  EventBuilder& Session(const std::string& command, const std::string& user = "root") {
    journal::Event e = Make(journal::EventKind::kSession);
    e.session.command = command;
    e.session.user = user;
    e.session.pid = 4242;
    return Append(e);
  }
  EventBuilder& Operator(journal::OperatorActionKind action, uint32_t step, const std::string& reason = "",
                         journal::Direction dir = journal::Direction::kForward) {
    journal::Event e = Make(journal::EventKind::kOperatorAction);
    e.op_action.action = action;
    e.op_action.step = step;
    e.op_action.direction = dir;
    e.op_action.reason = reason;
    e.op_action.user = "root (sudo by alice)";
    return Append(e);
  }
  EventBuilder& Finished(journal::Outcome outcome) {
    journal::Event e = Make(journal::EventKind::kOpFinished);
    e.finished.outcome = outcome;
    return Append(e);
  }

  // Steps [from, to) applied one after the other: intent then done.
  EventBuilder& Forward(uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; i++) Intent(i).Done(i);
    return *this;
  }
  // The ponr step done and recorded, as the executor writes it.
  EventBuilder& ThroughPonr() {
    Forward(0, kPonrStep + 1);
    return Ponr();
  }

  const std::vector<journal::Event>& events() const { return events_; }
  uint64_t next_seq() const { return next_seq_; }

 private:
  std::string op_id_;
  std::vector<journal::Event> events_;
  std::vector<std::string> plan_;
  uint64_t next_seq_ = 0;
  std::map<std::pair<uint32_t, journal::Direction>, uint32_t> attempts_;
};

// The anomalies naming `seq` ("seq N (...): ...") that also contain `what`.
inline int CountAnomalies(const OperationState& s, uint64_t seq, const std::string& what = "") {
  const std::string prefix = "seq " + std::to_string(seq) + " ";
  return static_cast<int>(std::count_if(s.anomalies.begin(), s.anomalies.end(), [&](const std::string& a) {
    return a.rfind(prefix, 0) == 0 && a.find(what) != std::string::npos;
  }));
}

inline bool HasAnomaly(const OperationState& s, uint64_t seq, const std::string& what = "") {
  return CountAnomalies(s, seq, what) > 0;
}

}  // namespace lvu::replay::testkit
