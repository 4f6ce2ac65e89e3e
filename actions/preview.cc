#include "actions/preview.h"

#include <algorithm>

#include "actions/steps/steps.h"

namespace lvu::actions {

Status Preview(drivers::System& sys, const ValidationInput& input, PreviewResult* out) {
  StepContext ctx;
  ctx.sys = &sys;
  ctx.input = &input;
  std::string output;
  Status s = steps::Validate()->Apply(ctx, &output);
  out->checks = ctx.checks;
  out->params = ctx.params;
  out->passed = std::none_of(ctx.checks.begin(), ctx.checks.end(),
                             [](const auto& c) { return c.result == journal::CheckOutcome::kFailed; });
  // A failed validation is a result, not an error; anything else is.
  if (!s.ok() && out->passed) return s;
  return Status::OK();
}

}  // namespace lvu::actions
