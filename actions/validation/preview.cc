#include "actions/validation/preview.h"

#include "drivers/cost_model.h"

namespace lvu::actions {

Status Preview(drivers::System& sys, const ValidationInput& input, PreviewResult* out) {
  LVU_RETURN_IF_ERROR(sys.Spend(drivers::kValidateSeconds));
  LVU_RETURN_IF_ERROR(Validate(sys, input, &out->report, &out->params));
  out->passed = out->report.passed();
  return Status::OK();
}

}  // namespace lvu::actions
