#include "actions/engine/world_check.h"

#include "actions/engine/world_view.h"

namespace lvu::actions {

Status GuardWorkload(const Step& step, StepContext& c, journal::Direction d) {
  Hazard h = step.Endangers(c, d);
  if (h.lpar < 0) return Status::OK();
  drivers::Lpar l;
  bool found = false;
  LVU_RETURN_IF_ERROR(FindLpar(*c.sys, h.lpar, &l, &found));
  if (!found || l.workload.empty()) return Status::OK();
  const bool forward = d == journal::Direction::kForward;
  return Status::Conflict(
      "refusing to " + std::string(h.action) + " partition " + std::to_string(h.lpar) + " (" + l.name + ") for " +
      (forward ? "step " : "the undo of step ") + step.name() + ": the world shows the workload " +
      (l.workload == "frozen" ? "frozen on it" : "running on it") +
      ", which the journal does not expect there (it is behind the world: records were lost). Nothing was done; "
      "`lvupdate journal verify` says what the journal lacks, docs/operations.md what to do");
}

Status FindUnrecorded(const Plan& plan, const replay::OperationState& s, StepContext& c,
                      std::vector<Unrecorded>* out) {
  out->clear();
  if (s.steps.empty() || s.steps[0].state != replay::StepState::kDone) return Status::OK();
  for (size_t i = 0; i < s.steps.size() && i < plan.size(); i++) {
    if (s.steps[i].state != replay::StepState::kPending) continue;
    Step& step = *plan[i];
    if (step.Effect(c).empty()) continue;  // its probe never finds it applied
    bool applied = false;
    Status st = step.Probe(c, &applied);
    if (!st.ok()) return st.WithContext("cannot probe step " + std::string(step.name()));
    if (applied) out->push_back({static_cast<uint32_t>(i), step.name(), step.Effect(c)});
  }
  return Status::OK();
}

Status UnrecordedConflict(const std::string& op_id, const std::vector<Unrecorded>& found) {
  std::string m = "operation " + op_id + ": the world is ahead of the journal: ";
  for (size_t i = 0; i < found.size(); i++) {
    const Unrecorded& u = found[i];
    m += (i == 0 ? "" : "; ") + std::string("step ") + std::to_string(u.step + 1) + " " + u.name +
         " is applied (" + u.effect + ") but the journal records it never started";
  }
  m += ". Records were lost below the event level (a cut or restored journal); lvupdate will not act on it. "
       "Nothing was done: `lvupdate journal verify` reports it, docs/operations.md says what to do";
  return Status::Conflict(m);
}

}  // namespace lvu::actions
