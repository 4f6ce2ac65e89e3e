// Progress: prints the phase lines of an AIX live update as the executor
// journals its events ("Creating rootvg for boot of surrogate.", "Blackout
// Time started." ...), the validation results, failures and the rollback.
#pragma once

#include <cstdio>

#include "actions/engine/executor.h"
#include "actions/engine/plan.h"

namespace lvu::cli {

class Progress : public actions::Observer {
 public:
  // `verbose`: also a line for every step intent and result.
  Progress(std::FILE* out, bool verbose) : out_(out), verbose_(verbose) {}
  void OnEvent(const journal::Event& e, const replay::OperationState& state) override;
  // The validate step's report, printed whole as the preview prints it.
  void OnValidation(const actions::ValidationReport& r) override;

 private:
  void Line(const std::string& s);
  // Step i of the operation's recorded plan (its declared lines), or null.
  const actions::Step* StepOf(const replay::OperationState& s, uint32_t i);
  std::FILE* out_;
  bool verbose_;
  bool checks_header_ = false;
  std::string plan_op_;  // the operation plan_ was built for
  actions::Plan plan_;
};

}  // namespace lvu::cli
