// AppContext: what the steps need for application customization (seed 000)
// besides the drivers: where the registrations live, and the journal's
// record of notification scripts, so that none runs twice.
//
// The executor owns it and points StepContext::apps at it; preview leaves
// StepContext::apps null (validation then reads registrations from
// ValidationInput::home, and no script runs).
#pragma once

#include <cstdint>
#include <string>

namespace lvu::actions {

class ScriptLedger;  // actions/script_ledger.h

struct AppContext {
  std::string home;              // registrations are under <home>/liveupdate
  std::string op_id;             // given to scripts as LVUP_OPID
  uint32_t step = 0;             // index of the step being applied or compensated
  ScriptLedger* ledger = nullptr;  // the journal's script records; null: scripts are not run
};

}  // namespace lvu::actions
