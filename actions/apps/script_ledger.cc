#include "actions/apps/script_ledger.h"

#include "actions/apps/script_runner.h"

namespace lvu::actions {

std::string DescribeScriptDone(const journal::ScriptDone& d, uint32_t timeout_s) {
  return DescribeScriptEnd(d.error, d.timed_out, d.signal, d.exit_code, static_cast<int>(timeout_s));
}

void ScriptRecords::Apply(const journal::Event& e) {
  if (e.kind == journal::EventKind::kScriptIntent) {
    const auto& x = e.script_intent;
    ScriptKey k{x.phase, x.side, x.label};
    ScriptRecord& r = records_[k];
    r.attempts++;
    r.ended = false;
    r.ok = false;
    r.result = "started, no result recorded";
    timeouts_[k] = x.timeout_s;
  } else if (e.kind == journal::EventKind::kScriptDone) {
    const auto& x = e.script_done;
    ScriptKey k{x.phase, x.side, x.label};
    ScriptRecord& r = records_[k];
    r.ended = true;
    r.ok = x.error.empty() && !x.timed_out && x.signal == 0 && x.exit_code == 0;
    r.result = DescribeScriptDone(x, timeouts_[k]);
  }
}

const ScriptRecord* ScriptRecords::Find(const ScriptKey& key) const {
  auto it = records_.find(key);
  return it == records_.end() ? nullptr : &it->second;
}

}  // namespace lvu::actions
