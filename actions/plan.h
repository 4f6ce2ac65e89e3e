// The plans: the ordered steps of a live update (DESIGN.md's table) and of a
// revert. Step names are stable: they are stored in journals on disk.
#pragma once

#include <string>
#include <vector>

#include "actions/step.h"
#include "journal/event.h"

namespace lvu::actions {

Plan MakeUpdatePlan();
Plan MakeRevertPlan();
Plan MakePlan(journal::OpKind kind);
std::vector<std::string> StepNames(const Plan& plan);

// Index of the step whose completion is the point of no return (workload.restart).
int PointOfNoReturnStep(journal::OpKind kind);

}  // namespace lvu::actions
