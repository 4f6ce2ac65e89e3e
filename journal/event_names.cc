// Stable names of the journal's enums (see event.h). These strings are part of
// the on-disk and command-line contract: never change one, only add.
#include "journal/event.h"

namespace lvu::journal {

namespace {

struct KindEntry {
  EventKind kind;
  const char* name;
};

constexpr KindEntry kKinds[] = {
    {EventKind::kOpStarted, "opStarted"},
    {EventKind::kCheckResult, "checkResult"},
    {EventKind::kEstimate, "estimate"},
    {EventKind::kStepIntent, "stepIntent"},
    {EventKind::kStepDone, "stepDone"},
    {EventKind::kStepFailed, "stepFailed"},
    {EventKind::kPointOfNoReturn, "pointOfNoReturn"},
    {EventKind::kRollbackStarted, "rollbackStarted"},
    {EventKind::kCompensated, "compensated"},
    {EventKind::kOpFinished, "opFinished"},
    {EventKind::kScriptIntent, "scriptIntent"},
    {EventKind::kScriptDone, "scriptDone"},
    {EventKind::kSession, "session"},
    {EventKind::kOperatorAction, "operatorAction"},
    {EventKind::kGaveUp, "gaveUp"},
    {EventKind::kStopped, "stopped"},
};

}  // namespace

const char* KindName(EventKind k) {
  for (const KindEntry& e : kKinds) {
    if (e.kind == k) return e.name;
  }
  return "unknown";
}

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kCompleted: return "completed";
    case Outcome::kRolledBack: return "rolled_back";
    case Outcome::kFailedValidation: return "failed_validation";
    case Outcome::kReverted: return "reverted";
  }
  return "unknown";
}

const char* DirectionName(Direction d) {
  switch (d) {
    case Direction::kForward: return "forward";
    case Direction::kCompensate: return "compensate";
  }
  return "unknown";
}

const char* CheckOutcomeName(CheckOutcome c) {
  switch (c) {
    case CheckOutcome::kPassed: return "PASSED";
    case CheckOutcome::kFailed: return "FAILED";
    case CheckOutcome::kInfo: return "INFO";
  }
  return "unknown";
}

const char* OperatorActionName(OperatorActionKind a) {
  switch (a) {
    case OperatorActionKind::kRetryStep: return "retry_step";
    case OperatorActionKind::kSkipStep: return "skip_step";
  }
  return "unknown";
}

bool ParseKindName(const std::string& s, EventKind* out) {
  for (const KindEntry& e : kKinds) {
    if (s == e.name) {
      *out = e.kind;
      return true;
    }
  }
  return false;
}

}  // namespace lvu::journal
