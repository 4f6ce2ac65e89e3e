// Validation: what `lvupdate preview` prints and what the validate step of
// `lvupdate run` decides, in one report (geninstall -k -p):
//
//   Validating live update input data.      <- the ifix lines
//   Computing the estimated time for the live update operation:
//   -----
//   LPAR: aix721534A
//   Mode: F
//   Blackout_time(s): 27
//   Global_time(s): 680
//   Checking mirror vg device size: ...     <- sizes and their checks
//   Validating the adapters and their paths: ...
//   Checking other requirements: ...
//   INFO: ...
//
// Contracts:
// - Validate reads the world (Snapshot) and changes nothing; it does not
//   advance the clock either (the validate step spends the validation time).
// - It fails only when nothing can be checked (`uname -L` failed); every
//   other problem is a FAILED line.
// - *params is what a run would act on; meaningful when the report passed.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actions/validation/checks/check.h"
#include "actions/validation/checks/sizes.h"
#include "actions/validation/op_params.h"
#include "actions/validation/validation_input.h"
#include "base/status.h"
#include "drivers/system.h"
#include "journal/event.h"

namespace lvu::actions {

struct ValidationReport {
  std::string lpar;          // LPAR: aix721534A
  std::string mode = "F";    // Mode: F (the mode AIX prints for an ifix update)
  journal::Estimate estimate;
  DeviceSize mirror_vg, new_rootvg, paging, dump;
  std::vector<CheckLine> lines;

  bool passed() const;  // no FAILED line
  // The lines as journaled (checkResult events).
  std::vector<journal::CheckResult> Results() const;
  // {"passed", "lpar", "mode", "estimate": {"blackout_s", "global_s"},
  //  "sizes": {"mirror_vg": {"required_mb", "given_mb"}, ...}, (required_mb null: its fact source not read)
  //  "checks": [{"name", "section", "result", "message", "code"}]}
  nlohmann::json ToJson() const;
};

Status Validate(drivers::System& sys, const ValidationInput& input, ValidationReport* report, OpParams* params);

}  // namespace lvu::actions
