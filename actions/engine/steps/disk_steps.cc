// Steps that act on volume groups: the surrogate's boot copy of rootvg, the
// ifixes applied to it, and the mirror that becomes the updated rootvg.
#include <algorithm>

#include "actions/engine/steps/steps.h"
#include "actions/engine/world_view.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

class CloneRootvgStep : public Step {
 public:
  const char* name() const override { return "disk.clone_rootvg"; }
  json Params(const StepContext& c) const override { return {{"disk", c.params.nhdisk}}; }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->os().AltDiskCopy(c.params.orig_id, c.params.nhdisk);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Disk d;
    LVU_RETURN_IF_ERROR(FindDisk(*c.sys, c.params.nhdisk, &d));
    *applied = d.vg == "lvup_rootvg";
    return Status::OK();
  }
  Status Compensate(StepContext& c) override {
    return c.sys->os().RemoveAltDisk(c.params.orig_id, c.params.nhdisk);
  }
  bool Undoable() const override { return true; }
  const char* StartLine() const override { return "Creating rootvg for boot of surrogate."; }
  // The surrogate boots from the clone.
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "remove the boot disk of"};
  }
  std::string Effect(const StepContext& c) const override {
    return c.params.nhdisk + " holds the volume group lvup_rootvg";
  }
};

class ApplyFixCloneStep : public Step {
 public:
  const char* name() const override { return "ifix.apply_clone"; }
  json Params(const StepContext& c) const override {
    json labels = json::array();
    for (const auto& f : c.params.fixes) labels.push_back(f.label);
    return {{"disk", c.params.nhdisk}, {"fixes", labels}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    for (const auto& f : c.params.fixes) {
      LVU_RETURN_IF_ERROR(c.sys->os().ApplyFixToAltDisk(c.params.orig_id, c.params.nhdisk, f));
    }
    return Status::OK();
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Disk d;
    LVU_RETURN_IF_ERROR(FindDisk(*c.sys, c.params.nhdisk, &d));
    *applied = d.has_image;
    for (const auto& f : c.params.fixes) {
      const auto& have = d.image_ifixes;
      *applied = *applied && std::find(have.begin(), have.end(), f.label) != have.end();
    }
    return Status::OK();
  }
  Status Compensate(StepContext& c) override {
    drivers::Disk d;
    LVU_RETURN_IF_ERROR(FindDisk(*c.sys, c.params.nhdisk, &d));
    if (d.vg != "lvup_rootvg") return Status::OK();  // the clone itself is gone
    for (const auto& f : c.params.fixes) {
      LVU_RETURN_IF_ERROR(c.sys->os().RemoveFixFromAltDisk(c.params.orig_id, c.params.nhdisk, f.label));
    }
    return Status::OK();
  }
  bool Undoable() const override { return true; }
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "change the boot image of"};
  }
  std::string Effect(const StepContext& c) const override {
    std::string labels;
    for (const auto& f : c.params.fixes) labels += (labels.empty() ? "" : ", ") + f.label;
    return "the image on " + c.params.nhdisk + " has the ifixes " + labels;
  }
};

class MirrorRootvgStep : public Step {
 public:
  const char* name() const override { return "disk.mirror_rootvg"; }
  json Params(const StepContext& c) const override { return {{"disk", c.params.mhdisk}}; }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->os().MirrorRootvg(c.params.orig_id, c.params.mhdisk);
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Disk d;
    LVU_RETURN_IF_ERROR(FindDisk(*c.sys, c.params.mhdisk, &d));
    *applied = d.vg == "rootvg" && d.has_image;
    return Status::OK();
  }
  Status Compensate(StepContext& c) override {
    return c.sys->os().UnmirrorRootvg(c.params.orig_id, c.params.mhdisk);
  }
  bool Undoable() const override { return true; }
  const char* StartLine() const override { return "Creating mirror of original LPAR's rootvg."; }
  // After the restart, the mirror is the surrogate's rootvg.
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "remove the rootvg disk of"};
  }
  std::string Effect(const StepContext& c) const override { return c.params.mhdisk + " holds a rootvg mirror"; }
};

}  // namespace

std::unique_ptr<Step> CloneRootvg() { return std::make_unique<CloneRootvgStep>(); }
std::unique_ptr<Step> ApplyFixClone() { return std::make_unique<ApplyFixCloneStep>(); }
std::unique_ptr<Step> MirrorRootvg() { return std::make_unique<MirrorRootvgStep>(); }

}  // namespace lvu::actions::steps
