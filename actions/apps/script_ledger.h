// ScriptLedger: the journal's record of notification scripts, as the
// notification code sees it. Each script run is journaled like a step: a
// durable scriptIntent before it is started, a scriptDone after it ended
// (journal/events.capnp). The key of a run is (phase, side, label): a
// script runs at most once per operation, unless it is registered
// re-runnable and a crash interrupted it.
//
// The executor implements ScriptLedger over the journal (it appends the
// events); ScriptRecords is the pure fold of those events it keeps.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "base/status.h"
#include "journal/event.h"

namespace lvu::actions {

struct ScriptKey {
  std::string phase, side, label;
  bool operator<(const ScriptKey& o) const {
    return std::tie(phase, side, label) < std::tie(o.phase, o.side, o.label);
  }
};

// What the journal says about one script of the operation.
struct ScriptRecord {
  uint32_t attempts = 0;    // scriptIntent records
  bool ended = false;       // the last attempt has its scriptDone
  bool ok = false;          // ...and it exited 0
  std::string result;       // "exit 0", "exit 3", "timed out after 5 s", ...
};

class ScriptLedger {
 public:
  virtual ~ScriptLedger() = default;
  // nullptr when the script never started in this operation.
  virtual const ScriptRecord* Find(const ScriptKey& key) const = 0;
  // Appends `intent` (kind scriptIntent) durably, before the script starts.
  virtual Status Started(const journal::ScriptIntent& intent) = 0;
  // Appends `done` (kind scriptDone) durably.
  virtual Status Ended(const journal::ScriptDone& done) = 0;
};

class ScriptRecords {
 public:
  // Folds one event; events of other kinds are ignored.
  void Apply(const journal::Event& e);
  const ScriptRecord* Find(const ScriptKey& key) const;

 private:
  std::map<ScriptKey, ScriptRecord> records_;
  std::map<ScriptKey, uint32_t> timeouts_;
};

// "exit 0", "exit 3", "killed by signal 9", "timed out after 5 s",
// "cannot run: ...".
std::string DescribeScriptDone(const journal::ScriptDone& d, uint32_t timeout_s);

}  // namespace lvu::actions
