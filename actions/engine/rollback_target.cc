#include "actions/engine/rollback_target.h"

#include <vector>

namespace lvu::actions {
namespace {

bool Completed(const journal::OpSummary& s) { return s.finished && s.outcome == journal::Outcome::kCompleted; }

// The update that revert `r` reverts ("" when it cannot be read).
std::string RevertedBy(journal::Journal* j, const journal::OpSummary& r) {
  std::vector<journal::Event> ev;
  if (!j->ReadOp(r.op_id, &ev).ok() || ev.empty()) return "";
  return ev.front().op_started.reverts;
}

}  // namespace

Status RollbackTarget(journal::Journal* j, const std::string& op_arg, std::string* op, std::string* nothing) {
  op->clear();
  nothing->clear();
  std::string active;
  LVU_RETURN_IF_ERROR(j->ActiveOp(&active));
  std::vector<journal::OpSummary> ops;  // newest first
  LVU_RETURN_IF_ERROR(j->ListOps(&ops));

  if (op_arg.empty()) {
    if (!active.empty()) {
      *op = active;
      return Status::OK();
    }
    for (const auto& s : ops) {
      if (s.imported || (s.finished && s.outcome == journal::Outcome::kFailedValidation)) continue;
      *op = s.op_id;
      return Status::OK();
    }
    *nothing = "there is no operation to roll back (`lvupdate journal list` shows them)";
    return Status::OK();
  }

  LVU_RETURN_IF_ERROR(j->ResolveOp(op_arg, op).WithContext("--op"));
  size_t at = ops.size();
  for (size_t i = 0; i < ops.size(); i++) {
    if (ops[i].op_id == *op) at = i;
  }
  if (at == ops.size()) return Status::InvalidArgument("--op " + op_arg + ": no operation " + *op + " in the journal");
  const journal::OpSummary& target = ops[at];
  if (target.imported) {
    return Status::InvalidArgument("--op " + *op + ": it was imported from another system (`journal import`); "
                                   "rollback acts only on operations run from this home");
  }
  if (!active.empty()) {
    if (active == *op) return Status::OK();
    return Status::InvalidArgument("--op " + *op + ": operation " + active +
                                   " is unfinished: finish it (`lvupdate resume`) or roll it back "
                                   "(`lvupdate rollback`) first");
  }
  if (target.op_kind == journal::OpKind::kRevert) {
    return Status::InvalidArgument("--op " + *op + " is a revert: a revert is not undone (run the update again)");
  }
  if (!Completed(target)) {
    *nothing = "operation " + *op + " is " + journal::OutcomeName(target.outcome) + ": nothing to roll back";
    return Status::OK();
  }
  // What came after it, oldest first: a revert of it, or a completed update.
  std::vector<std::string> reverted;
  for (size_t i = at; i-- > 0;) {
    const journal::OpSummary& later = ops[i];
    if (later.op_kind == journal::OpKind::kRevert && later.finished &&
        later.outcome == journal::Outcome::kReverted) {
      reverted.push_back(RevertedBy(j, later));
      if (reverted.back() == *op) {
        *nothing = "operation " + *op + " was reverted by operation " + later.op_id;
        return Status::OK();
      }
    }
  }
  for (size_t i = at; i-- > 0;) {
    const journal::OpSummary& later = ops[i];
    if (later.imported || later.op_kind != journal::OpKind::kUpdate || !Completed(later)) continue;
    bool undone = false;
    for (const auto& r : reverted) undone |= r == later.op_id;
    if (!undone) {
      return Status::InvalidArgument("--op " + *op + ": operation " + later.op_id +
                                     ", a completed update, came after it and the system runs its result: "
                                     "revert it first (`lvupdate rollback --op " + later.op_id + "`)");
    }
  }
  return Status::OK();
}

}  // namespace lvu::actions
