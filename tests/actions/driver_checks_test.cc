// driver.settings: the preview FAILs with a line naming each aix.conf key the
// aix driver needs and does not have; it passes when they are all set; with
// the simulator, which needs none, it prints no line.
#include <gtest/gtest.h>

#include "actions/validation/checks/check.h"
#include "drivers/aix/aix_system.h"
#include "drivers/aix/command.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

// The check's verdict and text over a snapshot holding only the settings.
Verdict Judge(const drivers::System::RequiredSettings& settings, std::string* text) {
  Snapshot s;
  s.settings = settings;
  text->clear();
  for (const auto& d : AllChecks()) {
    if (std::string(d.name) == "driver.settings") {
      EXPECT_EQ(d.needs, kNeedNothing);
      return d.pred(s, text);
    }
  }
  ADD_FAILURE() << "no check driver.settings";
  return Verdict::kSkip;
}

TEST(DriverChecksTest, TheAixDriverNamesEveryKeyItLacks) {
  drivers::aix::ProcessRunner runner;
  drivers::aix::AixConfig config;
  config.hmc = "hsc02";
  config.workload_checkpoint_command = {"/opt/lu/checkpoint"};
  drivers::aix::AixSystem aix("/home/lvu", config, &runner);
  std::string text;
  EXPECT_EQ(Judge(aix.MissingSettings(), &text), Verdict::kFail);
  EXPECT_EQ(text,
            "workload_restart_command is not set in /home/lvu/aix.conf (AIX exposes no public command for it: "
            "docs/drivers.md); workload_thaw_command is not set in /home/lvu/aix.conf (AIX exposes no public "
            "command for it: docs/drivers.md); workload_state_command is not set in /home/lvu/aix.conf (AIX "
            "exposes no public command for it: docs/drivers.md); live_update_state_command is not set in "
            "/home/lvu/aix.conf (AIX exposes no public command for it: docs/drivers.md); vhost_client_command is "
            "not set in /home/lvu/aix.conf (AIX exposes no public command for it: docs/drivers.md).");

  config.workload_restart_command = {"/opt/lu/restart"};
  config.workload_thaw_command = {"/opt/lu/thaw"};
  config.live_update_state_command = {"/opt/lu/state"};
  config.workload_state_command = {"/opt/lu/workload-state"};
  config.vhost_client_command = {"/opt/lu/vhost-client"};
  drivers::aix::AixSystem complete("/home/lvu", config, &runner);
  EXPECT_EQ(Judge(complete.MissingSettings(), &text), Verdict::kPass);
  drivers::aix::AixConfig none;
  drivers::aix::AixSystem bare("/home/lvu", none, &runner);
  EXPECT_EQ(Judge(bare.MissingSettings(), &text), Verdict::kFail);
  EXPECT_EQ(text.rfind("hmc is not set in /home/lvu/aix.conf", 0), 0u) << text;
  EXPECT_EQ(Judge(drivers::System::RequiredSettings{}, &text), Verdict::kSkip);
}

TEST(DriverChecksTest, TheSimulatorsPreviewHasNoSuchLine) {
  testing::Lab lab;
  lab.Authenticate();
  PreviewResult p = lab.Preview();
  EXPECT_TRUE(p.passed);
  EXPECT_EQ(testing::LineOf(p.report, "driver.settings"), nullptr);
}

}  // namespace
}  // namespace lvu::actions
