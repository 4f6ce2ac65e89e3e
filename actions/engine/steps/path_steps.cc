// Steps that move disk paths: half of the adapters leave the original for the
// surrogate (path.split, disk.assign), and once the original is gone the other
// half follows (path.restore), so every disk has two paths again.
#include "actions/engine/steps/steps.h"
#include "actions/engine/world_view.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

json Adapters(const std::vector<VhostRef>& refs) {
  json a = json::array();
  for (const auto& r : refs) a.push_back(r.vios + "/" + r.vhost + " (" + r.adapter + ")");
  return a;
}

std::string AdapterNames(const std::vector<VhostRef>& refs) {
  std::string names;
  for (const auto& r : refs) names += (names.empty() ? "" : ", ") + r.adapter;
  return names;
}

class PathSplitStep : public Step {
 public:
  const char* name() const override { return "path.split"; }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.orig_id}, {"remove", Adapters(c.params.move)}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    for (const auto& r : c.params.move) {
      LVU_RETURN_IF_ERROR(c.sys->os().RemovePaths(c.params.orig_id, r.adapter));
    }
    return Status::OK();
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.orig_id, &l, &found));
    *applied = found;
    for (const auto& r : c.params.move) *applied = *applied && NoDiskHasPath(l, r.adapter);
    return Status::OK();
  }
  std::string Effect(const StepContext& c) const override {
    return "no disk of partition " + std::to_string(c.params.orig_id) + " has a path through " + AdapterNames(c.params.move);
  }
  Status Compensate(StepContext& c) override {
    for (const auto& r : c.params.move) {
      LVU_RETURN_IF_ERROR(c.sys->os().ConfigurePaths(c.params.orig_id, r.adapter));
    }
    return Status::OK();
  }
  bool Undoable() const override { return true; }
};

class DiskAssignStep : public Step {
 public:
  const char* name() const override { return "disk.assign"; }
  json Params(const StepContext& c) const override {
    return {{"to_lpar", c.params.new_id}, {"adapters", Adapters(c.params.move)}};
  }
  Status Apply(StepContext& c, StepOutput*) override { return MapAll(c, c.params.new_id); }
  Status Probe(StepContext& c, bool* applied) override {
    *applied = true;
    for (const auto& r : c.params.move) {
      drivers::VhostMapping m;
      LVU_RETURN_IF_ERROR(FindMapping(*c.sys, r.vios, r.vhost, &m));
      *applied = *applied && m.client_id == c.params.new_id;
    }
    return Status::OK();
  }
  Status Compensate(StepContext& c) override { return MapAll(c, c.params.orig_id); }
  bool Undoable() const override { return true; }
  Hazard Endangers(const StepContext& c, journal::Direction d) const override {
    if (d == journal::Direction::kForward) return {};
    return {c.params.new_id, "unmap the disks of"};
  }
  std::string Effect(const StepContext& c) const override {
    return "the VIOS map " + AdapterNames(c.params.move) + " to partition " + std::to_string(c.params.new_id);
  }

 private:
  static Status MapAll(StepContext& c, int client) {
    for (const auto& r : c.params.move) {
      LVU_RETURN_IF_ERROR(c.sys->vios().SetClient(r.vios, r.vhost, client));
    }
    return Status::OK();
  }
};

class PathRestoreStep : public Step {
 public:
  const char* name() const override { return "path.restore"; }
  const char* SkipNote() const override {
    return "the disks keep one path: map the kept adapters to the partition on the VIOS and run cfgmgr";
  }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.new_id}, {"adapters", Adapters(c.params.keep)}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    for (const auto& r : c.params.keep) {
      LVU_RETURN_IF_ERROR(c.sys->vios().SetClient(r.vios, r.vhost, c.params.new_id));
      LVU_RETURN_IF_ERROR(c.sys->os().ConfigurePaths(c.params.new_id, r.adapter));
    }
    return Status::OK();
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.new_id, &l, &found));
    *applied = found;
    for (const auto& r : c.params.keep) *applied = *applied && AllDisksHavePath(l, r.adapter);
    return Status::OK();
  }
  // The kept adapters leave the original for the new partition.
  Hazard Endangers(const StepContext& c, journal::Direction) const override {
    return {c.params.orig_id, "unmap the disks of"};
  }
  std::string Effect(const StepContext& c) const override {
    return "every disk of partition " + std::to_string(c.params.new_id) + " has a path through " +
           AdapterNames(c.params.keep);
  }
};

}  // namespace

std::unique_ptr<Step> PathSplit() { return std::make_unique<PathSplitStep>(); }
std::unique_ptr<Step> DiskAssign() { return std::make_unique<DiskAssignStep>(); }
std::unique_ptr<Step> PathRestore() { return std::make_unique<PathRestoreStep>(); }

}  // namespace lvu::actions::steps
