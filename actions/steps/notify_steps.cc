// Notification steps: the points where applications hear of the live update
// (LVUP_CHECK, LVUP_PRE, LVUP_COMPLETE). Registered scripts come with the
// application-customization work; today these steps log to the errlog as AIX
// does and take their simulated time.
#include "actions/steps/steps.h"

namespace lvu::actions::steps {
namespace {

using nlohmann::json;

class NotifyStep : public Step {
 public:
  // `errlog`: text logged on the partition, "" for none; `on_new`: logged on
  // the updated partition rather than the original.
  NotifyStep(const char* name, const char* phase, const char* errlog, bool on_new)
      : name_(name), phase_(phase), errlog_(errlog), on_new_(on_new) {}
  const char* name() const override { return name_; }
  json Params(const StepContext&) const override { return {{"phase", phase_}}; }
  Status Apply(StepContext& c, std::string*) override {
    LVU_RETURN_IF_ERROR(c.sys->Spend(5));
    if (*errlog_ == '\0') return Status::OK();
    return c.sys->os().ErrlogAdd(on_new_ ? c.params.new_id : c.params.orig_id, "LVUPDATE", errlog_);
  }
  // Notifications leave nothing in the world to find: an in-flight one runs again.
  Status Probe(StepContext&, bool* applied) override {
    *applied = false;
    return Status::OK();
  }

 private:
  const char* name_;
  const char* phase_;
  const char* errlog_;
  bool on_new_;
};

}  // namespace

std::unique_ptr<Step> NotifyCheck() {
  return std::make_unique<NotifyStep>("apps.notify_check", "LVUP_CHECK", "Live AIX update started", false);
}
std::unique_ptr<Step> NotifyPre() {
  return std::make_unique<NotifyStep>("apps.notify_pre", "LVUP_PRE", "", false);
}
std::unique_ptr<Step> NotifyComplete() {
  return std::make_unique<NotifyStep>("apps.notify_complete", "LVUP_COMPLETE",
                                      "Live AIX update completed successfully", true);
}

}  // namespace lvu::actions::steps
