// Notification steps: the points where applications hear of the live update
// and their registered scripts run (notify_scripts.h): LVUP_CHECK
// (apps.notify_check), LVUP_PRE (apps.notify_pre), LVUP_COMPLETE
// (apps.notify_complete). They also log to the errlog as AIX does.
//
// apps.notify_check first tells the original's kernel that a live update is
// in progress, so that applications (their LVUP_CHECK scripts among them)
// may register with proc_mobility_*_set(); apps.notify_complete tells the
// updated partition it is over. The rollback's LVUP_ERROR notification
// (executor) turns the flag off on the original.
//
// Probe always answers "not applied": an in-flight notification is applied
// again, which runs only the scripts the journal shows never started.
#include "actions/apps/notify_scripts.h"
#include "actions/engine/steps/steps.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

class NotifyStep : public Step {
 public:
  // `errlog`: text logged on the partition, "" for none; `on_new`: the
  // notified partition is the updated one rather than the original.
  NotifyStep(const char* name, Phase phase, const char* errlog, bool on_new)
      : name_(name), phase_(phase), errlog_(errlog), on_new_(on_new) {}
  const char* name() const override { return name_; }
  const char* SkipNote() const override {
    return phase_ == kComplete ? "applications were not told LVUP_COMPLETE and the partition is still "
                                 "marked as in a live update"
                               : "";
  }
  json Params(const StepContext&) const override { return {{"phase", PhaseName(phase_)}}; }
  bool OwesErrorNotice() const override { return phase_ == kCheck; }
  const char* StartLine() const override {
    return phase_ == kCheck ? "Notifying applications of impending live update." : "";
  }
  Status Apply(StepContext& c, StepOutput*) override {
    int lpar = on_new_ ? c.params.new_id : c.params.orig_id;
    LVU_RETURN_IF_ERROR(c.sys->Spend(5));
    if (phase_ == kCheck) LVU_RETURN_IF_ERROR(c.sys->os().SetLiveUpdate(lpar, true));
    LVU_RETURN_IF_ERROR(RunPhase(*c.sys, c.apps, phase_));
    if (phase_ == kComplete) LVU_RETURN_IF_ERROR(c.sys->os().SetLiveUpdate(lpar, false));
    if (*errlog_ == '\0') return Status::OK();
    return c.sys->os().ErrlogAdd(lpar, "LVUPDATE", errlog_);
  }
  Status Probe(StepContext&, bool* applied) override {
    *applied = false;
    return Status::OK();
  }

 private:
  const char* name_;
  Phase phase_;
  const char* errlog_;
  bool on_new_;
};

}  // namespace

std::unique_ptr<Step> NotifyCheck() {
  return std::make_unique<NotifyStep>("apps.notify_check", kCheck, "Live AIX update started", false);
}
std::unique_ptr<Step> NotifyPre() { return std::make_unique<NotifyStep>("apps.notify_pre", kPre, "", false); }
std::unique_ptr<Step> NotifyComplete() {
  return std::make_unique<NotifyStep>("apps.notify_complete", kComplete, "Live AIX update completed successfully",
                                      true);
}

}  // namespace lvu::actions::steps
