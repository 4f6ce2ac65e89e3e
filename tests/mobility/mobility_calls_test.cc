// The simulated proc_mobility_base_set() / proc_mobility_restartexit_set():
// ESRCH, EAGAIN before the check notification, EINVAL when the caller would
// break a rule.
#include <gtest/gtest.h>

#include "actions/apps/mobility_calls.h"
#include "drivers/sim/lab_processes.h"

namespace lvu::actions {
namespace {

drivers::ProcessTable Lab(bool live_update) {
  drivers::ProcessTable t = drivers::sim::LabProcesses();
  t.live_update = live_update;
  return t;
}

TEST(MobilityCallsTest, OnlyDuringALiveUpdate) {
  MobilityVerdict v = JudgeMobilityCall(Lab(false), {}, 4063468, "base");
  EXPECT_EQ(v.err, "EAGAIN");
  EXPECT_NE(v.why.find("check notification"), std::string::npos);
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 4063468, "base").err, "");
}

TEST(MobilityCallsTest, NoSuchProcess) { EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 42, "exit").err, "ESRCH"); }

TEST(MobilityCallsTest, ABaseProcessMustBeAChildOfInit) {
  // syslogd runs under srcmstr (mobile).
  MobilityVerdict v = JudgeMobilityCall(Lab(true), {}, 3342570, "base");
  EXPECT_EQ(v.err, "EINVAL");
  EXPECT_NE(v.why.find("rule 5"), std::string::npos) << v.why;
}

TEST(MobilityCallsTest, BaseMarksTheChildrenAndChecksSharing) {
  // cron shares nothing: it may become base.
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 3801324, "base").err, "");
  // srcmstr would take sshd's session with it, whose topas shares the SPMI
  // segment with xmwlm (mobile).
  MobilityVerdict src = JudgeMobilityCall(Lab(true), {}, 3080370, "base");
  EXPECT_EQ(src.err, "EINVAL");
  EXPECT_NE(src.why.find("4718838 (topas)"), std::string::npos) << src.why;
  // xmwlm shares its SPMI segment with topas (mobile).
  MobilityVerdict v = JudgeMobilityCall(Lab(true), {}, 4128984, "base");
  EXPECT_EQ(v.err, "EINVAL");
  EXPECT_NE(v.why.find("rule 6"), std::string::npos) << v.why;
}

TEST(MobilityCallsTest, KprocsInitAndTheConsoleCannotExit) {
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 1, "exit").err, "EINVAL");
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 196614, "exit").err, "EINVAL");
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 3866860, "exit").err, "EINVAL");
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 4128984, "exit").err, "");
  EXPECT_EQ(JudgeMobilityCall(Lab(true), {}, 4128984, "").err, "");
}

}  // namespace
}  // namespace lvu::actions
