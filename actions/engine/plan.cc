#include "actions/engine/plan.h"

#include "actions/engine/steps/steps.h"

namespace lvu::actions {

Plan MakeUpdatePlan() {
  Plan p;
  p.push_back(steps::Validate());
  p.push_back(steps::HmcReserve());
  p.push_back(steps::NotifyCheck());
  p.push_back(steps::CloneRootvg());
  p.push_back(steps::ApplyFixClone());
  p.push_back(steps::RenameOriginal());
  p.push_back(steps::CreateSurrogate());
  p.push_back(steps::PathSplit());
  p.push_back(steps::DiskAssign());
  p.push_back(steps::BootSurrogate());
  p.push_back(steps::MirrorRootvg());
  p.push_back(steps::NotifyPre());
  p.push_back(steps::WorkloadCheckpoint());
  p.push_back(steps::WorkloadRestart());
  p.push_back(steps::ShutdownOriginal());
  p.push_back(steps::DeleteOriginal());
  p.push_back(steps::PathRestore());
  p.push_back(steps::BootlistSet());
  p.push_back(steps::NotifyComplete());
  return p;
}

Plan MakeRevertPlan() {
  Plan p;
  p.push_back(steps::RevertBootlist());
  p.push_back(steps::RevertReboot());
  return p;
}

Plan MakePlan(journal::OpKind kind) {
  return kind == journal::OpKind::kRevert ? MakeRevertPlan() : MakeUpdatePlan();
}

namespace {

// A new instance of the step named `name`, or null. Every step of every plan
// this lvupdate or an earlier one wrote into a journal is found here.
std::unique_ptr<Step> StepNamed(const std::string& name) {
  for (auto kind : {journal::OpKind::kUpdate, journal::OpKind::kRevert}) {
    Plan p = MakePlan(kind);
    for (auto& step : p) {
      if (name == step->name()) return std::move(step);
    }
  }
  return nullptr;
}

}  // namespace

Status PlanFromNames(const std::vector<std::string>& names, Plan* out) {
  out->clear();
  for (size_t i = 0; i < names.size(); i++) {
    std::unique_ptr<Step> step = StepNamed(names[i]);
    if (step == nullptr) {
      return Status::Corruption("step " + std::to_string(i + 1) + " of the recorded plan, '" + names[i] +
                                "', is not a step this lvupdate knows (written by a newer lvupdate?)");
    }
    out->push_back(std::move(step));
  }
  return Status::OK();
}

bool KnownStep(const std::string& name) { return StepNamed(name) != nullptr; }

std::vector<std::string> StepNames(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& s : plan) names.push_back(s->name());
  return names;
}

int PointOfNoReturnStep(const Plan& plan) {
  for (size_t i = 0; i < plan.size(); i++) {
    if (plan[i]->IsPointOfNoReturn()) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace lvu::actions
