// emgr -l on real outputs.
#include "drivers/aix/parse/emgr.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(EmgrTest, FourFixesOneNeedingAReboot) {
  std::vector<InterimFix> f;
  Status s = ParseEmgrList(Shared("emgr_l.1.txt"), &f);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].id, 1u);
  EXPECT_EQ(f[0].state, "S");
  EXPECT_FALSE(f[0].reboot_required);
  EXPECT_EQ(f[0].label, "IJ20785s2a");
  EXPECT_EQ(f[0].install_time, "04/30/20 11:03:46");
  EXPECT_EQ(f[0].updated_by, "");
  EXPECT_EQ(f[0].abstract, "tcpdump CVEs fixed");
  EXPECT_EQ(f[2].state, "*Q*");
  EXPECT_TRUE(f[2].reboot_required);
  EXPECT_EQ(f[2].label, "IJ09625s2a");
  EXPECT_EQ(f[2].abstract, "IJ09624 7.2.3.2");
  EXPECT_EQ(f[3].abstract, "Xorg Security Vulnerability fix");
}

TEST(EmgrTest, LeadingEmptyLine) {
  std::vector<InterimFix> f;
  ASSERT_TRUE(ParseEmgrList(Shared("emgr_l.3.txt"), &f).ok());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].label, "IJ49570tu1");
  EXPECT_EQ(f[0].abstract, "Trusted update signatures for IJ49570");
}

TEST(EmgrTest, NoFix) {
  std::vector<InterimFix> f;
  ASSERT_TRUE(ParseEmgrList(Data("seed_emgr_l_none.txt"), &f).ok());
  EXPECT_TRUE(f.empty());
}

TEST(EmgrTest, ACopyThatLostItsPaddingIsNotGuessed) {
  // The seed's emgr -l: the ruler is cut to two columns and the row does not
  // line up with the header, so "Test fix for Live Update" could start in
  // UPDATED BY or in ABSTRACT.
  std::vector<InterimFix> f;
  Status s = ParseEmgrList(Data("seed_emgr_l_after.txt"), &f);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("emgr -l: line 3: cannot tell UPDATED BY from ABSTRACT"), std::string::npos)
      << s.message();
}

TEST(EmgrTest, AnotherEmgrOutput) {
  std::vector<InterimFix> f;
  Status s = ParseEmgrList(Shared("emgr_d_e_v3_LU_CAPABLE.1.partial.txt"), &f);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("emgr -l: line 2: not the emgr -l header"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
