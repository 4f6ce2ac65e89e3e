// emgr -d -e PACKAGE -v3: the attributes of an ifix package, from the real
// excerpt (emgr_d_e_v3_LU_CAPABLE.1); bad values, repeats and messages are
// errors naming the line.
#include <gtest/gtest.h>

#include "drivers/aix/parse/emgr_display.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(EmgrDisplayTest, TheRealExcerptsAttributes) {
  FixDisplay d;
  Status s = ParseEmgrDisplay(testing::Shared("emgr_d_e_v3_LU_CAPABLE.1.partial.txt"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.reboot_required, true);
  EXPECT_EQ(d.build_boot_image, true);
  EXPECT_EQ(d.lu_capable, true);
  EXPECT_EQ(d.prerequisites, true);
  EXPECT_EQ(d.label, "");  // the excerpt does not show it
  EXPECT_EQ(ToJson(d)["lu_capable"], true);
}

TEST(EmgrDisplayTest, FreeTextIsSkippedAndAttributesAreChecked) {
  FixDisplay d;
  // A level 3 display's script contents and file sections are free text.
  ASSERT_TRUE(ParseEmgrDisplay("LABEL:            IJ52421s2a\n  FILE: /usr/lib/x\n#!/bin/ksh\necho LU\n"
                               "LU CAPABLE:       no\nREBOOT REQUIRED:  no\n",
                               &d)
                  .ok());
  EXPECT_EQ(d.label, "IJ52421s2a");
  EXPECT_EQ(d.lu_capable, false);
  EXPECT_FALSE(d.build_boot_image.has_value());

  Status s = ParseEmgrDisplay("\nLU CAPABLE:       maybe\n", &d);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("LU CAPABLE is not yes or no"), std::string::npos) << s.ToString();
  s = ParseEmgrDisplay("LU CAPABLE: yes\nLU CAPABLE: no\n", &d);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.ToString();
  s = ParseEmgrDisplay("nothing here\n", &d);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("not an emgr display"), std::string::npos) << s.ToString();
  // An AIX message is the command's failure.
  s = ParseEmgrDisplay(testing::Shared("lsvg_l_altinst_rootvg_error.1.txt"), &d);
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
}

}  // namespace
}  // namespace lvu::drivers::aix
