// Steps that act on partitions through the HMC: reserve resources, rename the
// original, create, boot, shut down and delete partitions.
#include "actions/apps/notify_scripts.h"
#include "actions/engine/steps/steps.h"
#include "actions/engine/world_view.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

class HmcReserveStep : public Step {
 public:
  const char* name() const override { return "hmc.reserve"; }
  json Params(const StepContext& c) const override {
    return {{"proc_units", c.params.proc_units}, {"mem_mb", c.params.mem_mb}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->hmc().Reserve(c.params.proc_units, c.params.mem_mb);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Reservation r;
    LVU_RETURN_IF_ERROR(c.sys->hmc().GetReservation(&r));
    *applied = r.present;
    return Status::OK();
  }
  Status Compensate(StepContext& c) override { return c.sys->hmc().Release(); }
  bool Undoable() const override { return true; }
  const char* StartLine() const override {
    return "Beginning live update operation on original LPAR.\n\nRequesting resources required for live update.";
  }
  std::string Effect(const StepContext&) const override { return "the frame holds a reservation for the surrogate"; }
};

class RenameOriginalStep : public Step {
 public:
  const char* name() const override { return "lpar.rename_original"; }
  static std::string NewName(const StepContext& c) { return c.params.orig_name + "_lku0"; }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.orig_id}, {"from", c.params.orig_name}, {"to", NewName(c)}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->hmc().RenameLpar(c.params.orig_id, NewName(c));
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.orig_id, &l, &found));
    *applied = found && l.name == NewName(c);
    return Status::OK();
  }
  Status Compensate(StepContext& c) override {
    return c.sys->hmc().RenameLpar(c.params.orig_id, c.params.orig_name);
  }
  bool Undoable() const override { return true; }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.orig_id) + " is named " + NewName(c);
  }
};

class CreateSurrogateStep : public Step {
 public:
  const char* name() const override { return "lpar.create_surrogate"; }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.new_id}, {"name", c.params.orig_name}, {"like", c.params.orig_id}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->hmc().CreateLpar(c.params.new_id, c.params.orig_id, c.params.orig_name);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    return FindLpar(*c.sys, c.params.new_id, &l, applied);
  }
  Status Compensate(StepContext& c) override { return c.sys->hmc().DeleteLpar(c.params.new_id); }
  bool Undoable() const override { return true; }
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "delete"};
  }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.new_id) + " exists";
  }
};

class BootSurrogateStep : public Step {
 public:
  const char* name() const override { return "lpar.boot_surrogate"; }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.new_id}, {"boot_disk", c.params.nhdisk}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->hmc().Activate(c.params.new_id, c.params.nhdisk);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.new_id, &l, &found));
    *applied = found && l.state == "Running";
    return Status::OK();
  }
  Status Compensate(StepContext& c) override { return c.sys->hmc().Shutdown(c.params.new_id); }
  bool Undoable() const override { return true; }
  const char* StartLine() const override { return "Starting the surrogate LPAR."; }
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "shut down"};
  }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.new_id) + " is Running";
  }
};

class ShutdownOriginalStep : public Step {
 public:
  const char* name() const override { return "lpar.shutdown_original"; }
  json Params(const StepContext& c) const override { return {{"lpar_id", c.params.orig_id}}; }
  Status Apply(StepContext& c, StepOutput*) override {
    // What a crash after the restart left of LVUP_POST (notify_scripts.h).
    LVU_RETURN_IF_ERROR(RunPhase(*c.sys, c.apps, kPost));
    return c.sys->hmc().Shutdown(c.params.orig_id);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.orig_id, &l, &found));
    *applied = !found || l.state != "Running";
    return Status::OK();
  }
  Hazard Endangers(const StepContext& c, journal::Direction) const override { return {c.params.orig_id, "shut down"}; }
  const char* StartLine() const override { return "Shutting down the Original LPAR."; }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.orig_id) + " is not running";
  }
};

class DeleteOriginalStep : public Step {
 public:
  const char* name() const override { return "lpar.delete_original"; }
  json Params(const StepContext& c) const override { return {{"lpar_id", c.params.orig_id}}; }
  Status Apply(StepContext& c, StepOutput*) override { return c.sys->hmc().DeleteLpar(c.params.orig_id); }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.orig_id, &l, &found));
    *applied = !found;
    return Status::OK();
  }
  Hazard Endangers(const StepContext& c, journal::Direction) const override { return {c.params.orig_id, "delete"}; }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.orig_id) + " no longer exists";
  }
};

}  // namespace

std::unique_ptr<Step> HmcReserve() { return std::make_unique<HmcReserveStep>(); }
std::unique_ptr<Step> RenameOriginal() { return std::make_unique<RenameOriginalStep>(); }
std::unique_ptr<Step> CreateSurrogate() { return std::make_unique<CreateSurrogateStep>(); }
std::unique_ptr<Step> BootSurrogate() { return std::make_unique<BootSurrogateStep>(); }
std::unique_ptr<Step> ShutdownOriginal() { return std::make_unique<ShutdownOriginalStep>(); }
std::unique_ptr<Step> DeleteOriginal() { return std::make_unique<DeleteOriginalStep>(); }

}  // namespace lvu::actions::steps
