#include "cli/progress.h"

#include <map>
#include <string>

#include "actions/engine/plan.h"
#include "actions/apps/script_ledger.h"
#include "view/validation_report.h"

namespace lvu::cli {
namespace {

using journal::EventKind;

std::string StepName(const replay::OperationState& s, uint32_t i) {
  return i < s.steps.size() ? s.steps[i].name : "step " + std::to_string(i);
}

}  // namespace

const actions::Step* Progress::StepOf(const replay::OperationState& s, uint32_t i) {
  // The plan the operation was recorded with, rebuilt once per operation.
  if (plan_op_ != s.op_id) {
    plan_op_ = s.op_id;
    if (!actions::PlanFromNames(s.info.plan, &plan_).ok()) plan_.clear();
  }
  return i < plan_.size() ? plan_[i].get() : nullptr;
}

void Progress::Line(const std::string& s) {
  std::fprintf(out_, "%s\n\n", s.c_str());
  std::fflush(out_);
}

void Progress::OnValidation(const actions::ValidationReport& r) {
  view::PrintValidationReport(out_, r);
  std::fprintf(out_, "\n");
}

void Progress::OnEvent(const journal::Event& e, const replay::OperationState& s) {
  switch (e.kind) {
    case EventKind::kOpStarted:
      if (e.op_started.op_kind == journal::OpKind::kRevert) {
        Line("Reverting live update " + e.op_started.reverts + " (operation " + e.op_id + ").");
      } else {
        Line("Initializing live update on original LPAR.");
      }
      break;
    case EventKind::kCheckResult:
      break;  // printed whole by OnValidation
    case EventKind::kStepIntent: {
      if (checks_header_) {
        std::fprintf(out_, "\n");
        checks_header_ = false;
      }
      std::string name = e.intent.action;
      const actions::Step* step = StepOf(s, e.intent.step);
      if (e.intent.direction == journal::Direction::kCompensate) {
        // A step whose undo changes nothing (validation, notifications): only -v shows it.
        if ((step != nullptr && step->Undoable()) || verbose_) Line("Undoing " + name + ".");
        break;
      }
      if (e.intent.attempt > 1) {
        Line("Retrying " + name + " (attempt " + std::to_string(e.intent.attempt) + ").");
      } else if (step != nullptr && *step->StartLine() != '\0') {
        Line(step->StartLine());
      } else if (verbose_) {
        Line("Starting " + name + ".");
      }
      break;
    }
    case EventKind::kStepDone: {
      if (checks_header_) {
        std::fprintf(out_, "\n");
        checks_header_ = false;
      }
      std::string name = StepName(s, e.done.step);
      if (e.done.recovered) Line("Found " + name + " already applied.");
      const actions::Step* step = StepOf(s, e.done.step);
      if (step != nullptr && *step->DoneLine() != '\0') Line(step->DoneLine());
      else if (verbose_) Line("Done " + name + ".");
      break;
    }
    case EventKind::kStepFailed:
      if (checks_header_) {
        std::fprintf(out_, "\n");
        checks_header_ = false;
      }
      Line("Step " + StepName(s, e.failed.step) + (e.failed.direction == journal::Direction::kCompensate ? " (undo)" : "") +
           " failed: " + e.failed.error + (e.failed.retryable ? " (retryable)" : ""));
      break;
    case EventKind::kRollbackStarted:
      Line("Rolling back the live update: " + e.rollback.reason + ".");
      break;
    case EventKind::kCompensated:
      if (verbose_ || e.compensated.recovered) {
        Line((e.compensated.recovered ? "Found undone: " : "Undone: ") + StepName(s, e.compensated.step) + ".");
      }
      break;
    case EventKind::kPointOfNoReturn:
      if (verbose_) Line("Point of no return: the workload runs on the surrogate.");
      break;
    case EventKind::kOpFinished:
      switch (e.finished.outcome) {
        case journal::Outcome::kCompleted: Line("The live update operation succeeded."); break;
        case journal::Outcome::kRolledBack:
          Line(s.rollback.automatic ? "The live update operation failed and was rolled back."
                                    : "The live update operation was rolled back.");
          break;
        case journal::Outcome::kFailedValidation:
          Line("The live update operation failed validation: nothing was changed.");
          break;
        case journal::Outcome::kReverted:
          Line("The live update was reverted: the partition runs from the original rootvg disk.");
          break;
      }
      break;
    case EventKind::kEstimate:
    case EventKind::kScriptIntent:
    case EventKind::kSession:
      break;
    case EventKind::kOperatorAction: {
      const journal::OperatorAction& a = e.op_action;
      std::string why = a.reason.empty() ? "" : ": " + a.reason;
      if (a.action == journal::OperatorActionKind::kSkipStep) {
        Line("Step " + StepName(s, a.step) + " skipped by " + a.user + why + ".");
      } else {
        Line("Retrying " + StepName(s, a.step) + (a.direction == journal::Direction::kCompensate ? " (undo)" : "") +
             " as " + a.user + " asked" + why + ".");
      }
      break;
    }
    case EventKind::kStopped:
      Line("Stopped " + e.stopped.where + " at the operator's request (" + e.stopped.signal + ").");
      break;
    case EventKind::kGaveUp:
      Line("Giving up on " + StepName(s, e.gave_up.step) +
           (e.gave_up.direction == journal::Direction::kCompensate ? " (undo)" : "") + " after " +
           std::to_string(e.gave_up.attempts) + " attempt(s).");
      break;
    case EventKind::kScriptDone: {
      // The end of a notification script (actions/notify_scripts.h).
      const journal::ScriptDone& d = e.script_done;
      Line(d.phase + " script " + d.label + " (" + d.side + "): " +
           actions::DescribeScriptDone(d, static_cast<uint32_t>(d.elapsed_ms / 1000)) + ".");
      break;
    }
  }
}

}  // namespace lvu::cli
