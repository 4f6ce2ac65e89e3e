// `journal events` lines: a step's result names the commands the driver ran
// for it (the aix driver's), and says nothing of commands when there were none.
#include "view/journal_view.h"

#include <gtest/gtest.h>

namespace lvu::view {
namespace {

TEST(EventLineTest, AStepsResultListsItsCommands) {
  const std::vector<std::string> plan = {"validate", "hmc.reserve", "apps.notify_check", "disk.clone_rootvg"};
  journal::Event e;
  e.seq = 9;
  e.kind = journal::EventKind::kStepDone;
  e.done.step = 3;
  e.done.commands = {"lspv", "alt_disk_copy -B -d hdisk2"};
  std::string line = EventLine(e, plan, 120);
  EXPECT_NE(line.find("disk.clone_rootvg commands: `lspv`; `alt_disk_copy -B -d hdisk2`"), std::string::npos) << line;

  journal::Event f;
  f.kind = journal::EventKind::kStepFailed;
  f.failed.step = 3;
  f.failed.error = "`alt_disk_copy -B -d hdisk2` exited 1";
  f.failed.commands = {"alt_disk_copy -B -d hdisk2"};
  line = EventLine(f, plan, -1);
  EXPECT_NE(line.find("exited 1 commands: `alt_disk_copy -B -d hdisk2`"), std::string::npos) << line;

  journal::Event c;
  c.kind = journal::EventKind::kCompensated;
  c.compensated.step = 3;
  line = EventLine(c, plan, -1);
  EXPECT_EQ(line.find("commands"), std::string::npos) << line;
}

}  // namespace
}  // namespace lvu::view
