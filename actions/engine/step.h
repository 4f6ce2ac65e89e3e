// Step: one world-changing unit of a live update, with three operations.
//
// Contracts (DESIGN.md, "Steps"):
// - Apply changes the world through the drivers and is idempotent: when the
//   effect is already present it changes nothing and returns OK.
// - Probe reads the world (never the journal) and says whether the effect is
//   present. It is how an in-flight step found after a crash is settled.
// - Compensate undoes the effect, also idempotently. Steps past the point of
//   no return are forward only.
// The executor writes the step's intent to the journal, durably, before Apply
// or Compensate; steps never see the journal.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actions/validation/lvupdate_data.h"
#include "actions/validation/validation_input.h"
#include "actions/validation/op_params.h"
#include "base/status.h"
#include "drivers/system.h"
#include "journal/event.h"

namespace lvu::actions {

struct AppContext;  // actions/app_context.h

struct ValidationReport;  // actions/validation/validation.h

struct StepContext {
  drivers::System* sys = nullptr;
  OpParams params;                 // meaningful once validate is done
  // What the operation was started with (lvupdate.data, fixes), rebuilt from
  // opStarted while validate has not completed; null once it has.
  const ValidationInput* input = nullptr;
  AppContext* apps = nullptr;      // registrations, notification scripts; null in preview
};

// What Apply produced, recorded by the executor: `events` (their kinds and
// bodies; the executor sets ids and sequence numbers) are appended in order
// before the step's result, whether it succeeded or failed; `output` is the
// stepDone output. `report` goes to the executor's observer (validate's whole
// report, which the progress prints); it is not journaled as such.
struct StepOutput {
  std::string output;  // JSON text ("" for none)
  std::vector<journal::Event> events;
  std::shared_ptr<const ValidationReport> report;
};

// What driving a step endangers (DESIGN.md, invariant 5): the partition it
// stops, deletes, or takes disks or paths away from, and how, in words.
struct Hazard {
  int lpar = -1;           // -1: nothing
  const char* action = "";  // "shut down", "delete", "unmap the disks of", ...
};

class Step {
 public:
  virtual ~Step() = default;
  virtual const char* name() const = 0;
  // What this step will act on, recorded in its intent (for the story in
  // `journal show`); the executor adds the world clock.
  virtual nlohmann::json Params(const StepContext&) const { return nlohmann::json::object(); }
  // What it produced goes to *out (StepOutput), which starts empty.
  virtual Status Apply(StepContext& c, StepOutput* out) = 0;
  virtual Status Probe(StepContext& c, bool* applied) = 0;
  virtual Status Compensate(StepContext&) { return Status::OK(); }
  // Non-empty when an operator may mark this step done without running it
  // (`lvupdate resume --skip STEP --reason TEXT`): what skipping leaves them
  // to do by hand. Empty (the default): never skipped.
  virtual const char* SkipNote() const { return ""; }
  // The partition that driving this step in direction `d` would stop, delete,
  // or take disks or paths away from. Before writing the intent the executor
  // reads the world and refuses (Status::Conflict, nothing written) while
  // that partition runs the workload or holds it frozen: the journal is then
  // behind the world, and the step would destroy the workload.
  virtual Hazard Endangers(const StepContext&, journal::Direction) const { return {}; }
  // What Probe looks for in the world, in words ("the workload runs on
  // partition 98"), for the messages that say what the world shows; "" for a
  // step whose probe never finds it applied.
  virtual std::string Effect(const StepContext&) const { return ""; }
  // Whether applying this step leaves the workload frozen (the blackout
  // begins): an operation asked to stop then goes on until a later step
  // restarts it (docs/operations.md, "Signals").
  virtual bool FreezesWorkload() const { return false; }
  // Whether this step's completion is the point of no return: the workload
  // runs on the new partition, and from then on only forward recovery exists
  // (plan.h, PointOfNoReturnStep; replay::Policy::ponr_step).
  virtual bool IsPointOfNoReturn() const { return false; }
  // Whether undoing it changes the world (Compensate does something): false
  // for a step that only reads (validate), only notifies, or is forward only.
  virtual bool Undoable() const { return false; }
  // Whether, once it has run, a rollback owes the applications the
  // LVUP_ERROR notification (the first notification step, LVUP_CHECK).
  virtual bool OwesErrorNotice() const { return false; }
  // The lines AIX prints (geninstall -k) when it begins and when it is done;
  // "" when AIX prints none.
  virtual const char* StartLine() const { return ""; }
  virtual const char* DoneLine() const { return ""; }
};

using Plan = std::vector<std::unique_ptr<Step>>;

}  // namespace lvu::actions
