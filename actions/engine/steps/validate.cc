// validate: reads the world once, decides the operation's parameters (which
// partition, which disks, which adapters go to the surrogate, which fixes) and
// checks that a live update can run (actions/validation.h: every preview
// check, the sizes and the estimate). Any FAILED check ends the operation
// before anything is changed. The parameters are its stepDone output; the
// check lines and the estimate are the events it produces (StepOutput).
#include <memory>

#include "actions/engine/steps/steps.h"
#include "actions/validation/validation.h"
#include "drivers/cost_model.h"

namespace lvu::actions::steps {
namespace {

class ValidateStep : public Step {
 public:
  const char* name() const override { return "validate"; }
  const char* StartLine() const override { return "Validating original LPAR environment."; }

  Status Apply(StepContext& c, StepOutput* out) override {
    if (c.input == nullptr) {
      return Status::Failed("validate cannot run again on resume: its input is not in this process");
    }
    LVU_RETURN_IF_ERROR(c.sys->Spend(drivers::kValidateSeconds));
    auto report = std::make_shared<ValidationReport>();
    OpParams params;
    LVU_RETURN_IF_ERROR(actions::Validate(*c.sys, *c.input, report.get(), &params));
    c.params = params;
    for (const auto& check : report->Results()) {
      journal::Event e;
      e.kind = journal::EventKind::kCheckResult;
      e.check = check;
      out->events.push_back(std::move(e));
    }
    journal::Event estimate;
    estimate.kind = journal::EventKind::kEstimate;
    estimate.estimate = report->estimate;
    out->events.push_back(std::move(estimate));
    out->report = report;
    size_t failed = 0;
    for (const auto& l : report->lines) failed += l.result == journal::CheckOutcome::kFailed;
    if (failed > 0) {
      return Status::Failed("validation failed: " + std::to_string(failed) + " check(s) FAILED");
    }
    out->output = c.params.ToJson().dump();
    return Status::OK();
  }

  // Validation leaves nothing in the world: an in-flight one runs again.
  Status Probe(StepContext&, bool* applied) override {
    *applied = false;
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Step> Validate() { return std::make_unique<ValidateStep>(); }

}  // namespace lvu::actions::steps
