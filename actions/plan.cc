#include "actions/plan.h"

#include "actions/steps/steps.h"

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

std::vector<std::string> StepNames(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& s : plan) names.push_back(s->name());
  return names;
}

int PointOfNoReturnStep(journal::OpKind kind) { return kind == journal::OpKind::kRevert ? -1 : 13; }

}  // namespace lvu::actions
