// The validation lines of application customization: the process tree
// against the live update rules (process_rules.h), the kernel extensions
// (kext_check, lvupdate safeke and regke) and the registered notification
// scripts. Appended by actions::Validate after the preview checks, so that
// `lvupdate preview` and the validate step print them alike.
//
// Lines (section "other"):
//   processes                 PASSED, with the counts of base, mobile and exit processes
//   processes.RULE.PID        FAILED, one per violation (process_rules.h), naming the pids and the rule
//   kext.safe                 PASSED; or kext.unsafe.PATH FAILED per unsafe extension
//                             (INFO instead when kext_check = no)
//   kext.preload.PATH         FAILED: registered with regke but not loaded on the original
//   scripts.LABEL.PHASE.SIDE  FAILED: the script's program is not an executable file here
//   registrations             FAILED: the registrations under <home>/liveupdate cannot be read
// Check names are unique within a validation (journaled check results of
// the same name replace each other).
#pragma once

#include <vector>

#include "actions/validation/checks/check.h"
#include "actions/validation/validation_input.h"
#include "drivers/system.h"

namespace lvu::actions {

// `table`: the partition's processes as read (ListProcesses), with the
// Status of that read.
void AddCustomizationChecks(drivers::System& sys, const ValidationInput& input, const drivers::ProcessTable& table,
                            const Status& table_status, std::vector<CheckLine>* lines);

}  // namespace lvu::actions
