// Progress: prints the phase lines of an AIX live update as the executor
// journals its events ("Creating rootvg for boot of surrogate.", "Blackout
// Time started." ...), the validation results, failures and the rollback.
#pragma once

#include <cstdio>

#include "actions/executor.h"

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
  std::FILE* out_;
  bool verbose_;
  bool checks_header_ = false;
};

}  // namespace lvu::cli
