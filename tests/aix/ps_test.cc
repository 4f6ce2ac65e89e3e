// ps -ef on a real output (aix-outputs).
#include "drivers/aix/parse/ps.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;
using testing::StripElisions;

TEST(PsTest, GrepSubsetWithTwoWordStime) {
  std::vector<Process> p;
  Status s = ParsePsEf(StripElisions(Shared("ps_ef.1.partial.txt")), &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].uid, "root");
  EXPECT_EQ(p[0].pid, 7077894u);
  EXPECT_EQ(p[0].ppid, 10485878u);
  EXPECT_EQ(p[0].cpu, 0u);
  EXPECT_EQ(p[0].stime, "Mar 08");
  EXPECT_EQ(p[0].tty, "-");
  EXPECT_EQ(p[0].time, "1:35");
  EXPECT_EQ(p[0].cmd, "/usr/sbin/lsvg -p rootvg");
  EXPECT_EQ(p[1].stime, "Jun 04");
  EXPECT_EQ(p[2].pid, 43122796u);
  EXPECT_EQ(p[2].stime, "17:04:24");
  EXPECT_EQ(p[2].tty, "pts/5");
  EXPECT_EQ(p[2].time, "0:00");
  EXPECT_EQ(p[2].cmd, "/bin/ksh /etc/chvg -u rootvg");
}

TEST(PsTest, TheAuthorsElisionIsNotAProcess) {
  std::vector<Process> p;
  Status s = ParsePsEf(Shared("ps_ef.1.partial.txt"), &p);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("ps -ef: line 2: fewer than 6 words: \"    ......\""), std::string::npos)
      << s.message();
}

TEST(PsTest, OtherOutputsAreRejected) {
  std::vector<Process> p;
  Status s = ParsePsEf(Shared("errpt.1.txt"), &p);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("ps -ef: line 1: PID, PPID or C is not a number"), std::string::npos) << s.message();
  s = ParsePsEf(Shared("lsmpio.1.txt"), &p);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 1:"), std::string::npos) << s.message();
  s = ParsePsEf("\n", &p);
  EXPECT_NE(s.message().find("line 2 (end of output): empty output: no process"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
