// Boot steps: the bootlist of the updated partition, and the two steps of a
// revert (bootlist to the retained original rootvg disk, then reboot).
#include "actions/engine/steps/steps.h"
#include "actions/engine/world_view.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

class BootlistStep : public Step {
 public:
  BootlistStep(const char* name, bool to_original, const char* skip_note, const char* start_line)
      : name_(name), to_original_(to_original), skip_note_(skip_note), start_line_(start_line) {}
  const char* name() const override { return name_; }
  const char* StartLine() const override { return start_line_; }
  const char* SkipNote() const override { return skip_note_; }
  std::string Disk(const StepContext& c) const {
    return to_original_ ? c.params.orig_boot_disk : c.params.mhdisk;
  }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.new_id}, {"bootlist", json::array({Disk(c)})}};
  }
  Status Apply(StepContext& c, StepOutput*) override {
    return c.sys->os().SetBootlist(c.params.new_id, {Disk(c)});
  }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.new_id, &l, &found));
    *applied = found && l.bootlist == std::vector<std::string>{Disk(c)};
    return Status::OK();
  }
  std::string Effect(const StepContext& c) const override {
    return "the bootlist of partition " + std::to_string(c.params.new_id) + " is " + Disk(c);
  }

 private:
  const char* name_;
  bool to_original_;
  const char* skip_note_;
  const char* start_line_;
};

class RebootStep : public Step {
 public:
  const char* name() const override { return "revert.reboot"; }
  const char* StartLine() const override { return "Restarting the partition from the original rootvg disk."; }
  json Params(const StepContext& c) const override {
    return {{"lpar_id", c.params.new_id}, {"boot_disk", c.params.orig_boot_disk}};
  }
  Status Apply(StepContext& c, StepOutput*) override { return c.sys->os().Reboot(c.params.new_id); }
  Status Probe(StepContext& c, bool* applied) override {
    drivers::Lpar l;
    bool found;
    LVU_RETURN_IF_ERROR(FindLpar(*c.sys, c.params.new_id, &l, &found));
    *applied = found && l.state == "Running" && l.booted_from == c.params.orig_boot_disk;
    return Status::OK();
  }
  std::string Effect(const StepContext& c) const override {
    return "partition " + std::to_string(c.params.new_id) + " runs from " + c.params.orig_boot_disk;
  }
};

}  // namespace

std::unique_ptr<Step> BootlistSet() { return std::make_unique<BootlistStep>(
    "bootlist.set", false, "the bootlist is unchanged: set it by hand (bootlist -m normal <the rootvg disk>)", "");
}
std::unique_ptr<Step> RevertBootlist() {
  return std::make_unique<BootlistStep>("revert.bootlist", true, "", "Setting the bootlist to the original rootvg disk.");
}
std::unique_ptr<Step> RevertReboot() { return std::make_unique<RebootStep>(); }

}  // namespace lvu::actions::steps
