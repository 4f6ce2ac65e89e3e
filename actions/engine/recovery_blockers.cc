#include "actions/engine/recovery_blockers.h"

#include <memory>

#include "actions/engine/executor.h"
#include "drivers/open.h"

namespace lvu::actions {

std::vector<journal::Problem> RecoveryBlockers(const std::string& home, journal::Journal* j,
                                               const std::string& active) {
  std::vector<journal::Problem> problems;
  if (Status lost = j->LostRecords(); !lost.ok()) problems.push_back({"HIGHWATER", lost.message()});
  if (active.empty() || !problems.empty()) return problems;
  // The world as the driver the operation ran with sees it.
  std::vector<journal::Event> events;
  std::string driver = "sim";
  if (j->ReadOp(active, &events).ok() && !events.empty()) {
    driver = drivers::RecordedDriver(events.front().op_started.driver);
  }
  std::unique_ptr<drivers::System> sys;
  if (!drivers::OpenSystem(driver, home, drivers::OpenOptions(), &sys).ok()) {
    return problems;  // no system here to compare with
  }
  actions::Settings st;
  st.home = home;
  actions::Executor ex(j, sys.get(), nullptr, st);
  std::vector<actions::Unrecorded> found;
  Status s = ex.Reconcile(active, &found);
  if (!s.ok()) {
    // A journal that does not read is reported by the record checks.
    if (!s.IsCorruption()) problems.push_back({"world", "cannot compare operation " + active + " with the world: " + s.message()});
    return problems;
  }
  for (const auto& u : found) {
    problems.push_back({"world", "step " + std::to_string(u.step + 1) + " " + u.name + " of operation " + active +
                                     " is applied (" + u.effect +
                                     ") but the journal records it never started: records were lost"});
  }
  return problems;
}

}  // namespace lvu::actions
