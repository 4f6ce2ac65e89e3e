// The blackout: the workload is frozen and checkpointed on the original, then
// restarted on the surrogate. The restart's completion is the point of no return.
#include "actions/steps/steps.h"
#include "actions/world_view.h"

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
  Status Apply(StepContext& c, std::string*) override { return c.sys->os().FreezeWorkload(c.params.orig_id); }
  Status Probe(StepContext& c, bool* applied) override {
    std::string w;
    LVU_RETURN_IF_ERROR(WorkloadOf(c, c.params.orig_id, &w));
    *applied = w == "frozen";
    return Status::OK();
  }
  Status Compensate(StepContext& c) override { return c.sys->os().ThawWorkload(c.params.orig_id); }
};

class RestartStep : public Step {
 public:
  const char* name() const override { return "workload.restart"; }
  json Params(const StepContext& c) const override {
    return {{"from", c.params.orig_id}, {"to", c.params.new_id}, {"rootvg", c.params.mhdisk}};
  }
  Status Apply(StepContext& c, std::string*) override {
    return c.sys->os().RestartWorkload(c.params.orig_id, c.params.new_id, c.params.mhdisk);
  }
  Status Probe(StepContext& c, bool* applied) override {
    std::string w;
    LVU_RETURN_IF_ERROR(WorkloadOf(c, c.params.new_id, &w));
    *applied = w == "running";
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Step> WorkloadCheckpoint() { return std::make_unique<CheckpointStep>(); }
std::unique_ptr<Step> WorkloadRestart() { return std::make_unique<RestartStep>(); }

}  // namespace lvu::actions::steps
