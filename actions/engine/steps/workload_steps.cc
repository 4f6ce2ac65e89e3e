// The blackout: the workload is classified and frozen on the original
// (workload.checkpoint), then moved to the surrogate (workload.restart): base
// processes stay, mobile ones move with their pids, exit ones exit and are
// restarted by their watchers. The restart's completion is the point of no
// return.
//
// Notifications inside the blackout (DESIGN.md, steps 13 and 14):
// LVUP_PRE_KERNEL after the freeze (orig, then surr), LVUP_POST after the
// restart (surr). A step's probe looks at the world only, so a crash between
// the world change and the end of its scripts leaves scripts unrun; each
// following step first runs what is left of the phase before it
// (notify_scripts.h: the journal's records say which ones ran), so every
// script runs once: PRE_KERNEL's rest at the start of workload.restart,
// POST's at the start of lpar.shutdown_original.
#include "actions/apps/app_context.h"
#include "actions/apps/notify_scripts.h"
#include "actions/apps/process_rules.h"
#include "actions/apps/registrations.h"
#include "actions/engine/steps/steps.h"
#include "actions/engine/world_view.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

Status WorkloadOf(StepContext& c, int id, std::string* workload) {
  drivers::Lpar l;
  bool found;
  LVU_RETURN_IF_ERROR(FindLpar(*c.sys, id, &l, &found));
  *workload = found ? l.workload : "";
  return Status::OK();
}

class CheckpointStep : public Step {
 public:
  const char* name() const override { return "workload.checkpoint"; }
  json Params(const StepContext& c) const override { return {{"lpar_id", c.params.orig_id}}; }
  Status Apply(StepContext& c, StepOutput* out) override {
    // Classified again here, not at validation: applications may have
    // registered themselves since the check notification.
    drivers::ProcessTable table;
    LVU_RETURN_IF_ERROR(c.sys->os().ListProcesses(c.params.orig_id, &table));
    std::vector<BaseProcRegistration> base_procs;
    if (c.apps != nullptr) LVU_RETURN_IF_ERROR(LoadBaseProcs(c.apps->home, &base_procs));
    Classification cl = Classify(table, base_procs);
    if (!cl.violations.empty()) {
      std::string text;
      for (const auto& v : cl.violations) text += (text.empty() ? "" : "; ") + v.message;
      return Status::Failed("the process tree breaks the live update rules: " + text);
    }
    LVU_RETURN_IF_ERROR(c.sys->os().FreezeWorkload(c.params.orig_id, cl.classes));
    LVU_RETURN_IF_ERROR(RunPhase(*c.sys, c.apps, kPreKernel));
    out->output = json{{"base", cl.base}, {"mobile", cl.mobile}, {"exit", cl.exit}}.dump();
    return Status::OK();
  }
  Status Probe(StepContext& c, bool* applied) override {
    std::string w;
    LVU_RETURN_IF_ERROR(WorkloadOf(c, c.params.orig_id, &w));
    *applied = w == "frozen";
    return Status::OK();
  }
  Status Compensate(StepContext& c) override { return c.sys->os().ThawWorkload(c.params.orig_id); }
  bool Undoable() const override { return true; }
  const char* StartLine() const override { return "Moving workload to surrogate LPAR.\n\n        Blackout Time started."; }
  // Thawing the original while the surrogate runs the workload would run it twice.
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "thaw a second copy of the workload beside"};
  }
  std::string Effect(const StepContext& c) const override {
    return "the workload of partition " + std::to_string(c.params.orig_id) + " is frozen";
  }
  bool FreezesWorkload() const override { return true; }
};

class RestartStep : public Step {
 public:
  const char* name() const override { return "workload.restart"; }
  json Params(const StepContext& c) const override {
    return {{"from", c.params.orig_id}, {"to", c.params.new_id}, {"rootvg", c.params.mhdisk}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    LVU_RETURN_IF_ERROR(RunPhase(*c.sys, c.apps, kPreKernel));  // what a crash left of it
    Registrations reg;
    if (c.apps != nullptr) {
      LVU_RETURN_IF_ERROR(LoadInittab(c.apps->home, &reg.inittab));
      LVU_RETURN_IF_ERROR(LoadPreloadKexts(c.apps->home, &reg.preload_kexts));
    }
    // The surrogate's own base set gets the lvupdateInit entries, and the
    // registered kernel extensions are loaded there before the workload
    // resumes.
    if (!reg.inittab.empty()) LVU_RETURN_IF_ERROR(c.sys->os().StartInittab(c.params.new_id, reg.inittab));
    for (const auto& k : reg.preload_kexts)
      LVU_RETURN_IF_ERROR(c.sys->os().LoadKernelExtension(c.params.new_id, k.path, k.command));
    LVU_RETURN_IF_ERROR(c.sys->os().RestartWorkload(c.params.orig_id, c.params.new_id, c.params.mhdisk));
    return RunPhase(*c.sys, c.apps, kPost);
  }
  Status Probe(StepContext& c, bool* applied) override {
    std::string w;
    LVU_RETURN_IF_ERROR(WorkloadOf(c, c.params.new_id, &w));
    *applied = w == "running";
    return Status::OK();
  }
  std::string Effect(const StepContext& c) const override {
    return "the workload runs on partition " + std::to_string(c.params.new_id);
  }
  bool IsPointOfNoReturn() const override { return true; }
  const char* DoneLine() const override { return "        Blackout Time end.\n\nWorkload is running on surrogate LPAR."; }
};

}  // namespace

std::unique_ptr<Step> WorkloadCheckpoint() { return std::make_unique<CheckpointStep>(); }
std::unique_ptr<Step> WorkloadRestart() { return std::make_unique<RestartStep>(); }

}  // namespace lvu::actions::steps
