// The plans: the ordered steps of a live update (DESIGN.md's table) and of a
// revert. Step names are stable: they are stored in journals on disk.
//
// A new operation gets MakePlan(kind). An operation already in the journal
// is driven by the plan it was recorded with (opStarted.plan), rebuilt step
// by step from its names (PlanFromNames): every step name lvupdate ever
// shipped stays known, so an operation interrupted before an upgrade is
// resumed and rolled back by the new binary, whatever order or steps the
// new plans have.
#pragma once

#include <string>
#include <vector>

#include "actions/engine/step.h"
#include "base/status.h"
#include "journal/event.h"

namespace lvu::actions {

Plan MakeUpdatePlan();
Plan MakeRevertPlan();
Plan MakePlan(journal::OpKind kind);

// Corruption naming the first unknown step ("written by a newer lvupdate?").
Status PlanFromNames(const std::vector<std::string>& names, Plan* out);
// Whether a step of this name is known (in any plan, present or past).
bool KnownStep(const std::string& name);

std::vector<std::string> StepNames(const Plan& plan);

// Index of the step whose completion is the point of no return: the one that
// declares it (Step::IsPointOfNoReturn), so that inserting a step never
// moves it silently; -1 when no step does (a revert only goes forward).
int PointOfNoReturnStep(const Plan& plan);

}  // namespace lvu::actions
