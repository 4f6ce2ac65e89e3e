// oslevel -s on real outputs.
#include "drivers/aix/parse/oslevel.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(OslevelTest, VersionTechnologyLevelServicePackBuild) {
  OsLevel l;
  ASSERT_TRUE(ParseOslevel(testing::Shared("oslevel_s.1.txt"), &l).ok());
  EXPECT_EQ(l.text, "7200-05-05-2246");
  EXPECT_EQ(l.version, 7);
  EXPECT_EQ(l.release, 2);
  EXPECT_EQ(l.technology_level, 5);
  EXPECT_EQ(l.service_pack, 5);
  EXPECT_EQ(l.build, "2246");
}

TEST(OslevelTest, TheSeedsEarlyShipLevel) {
  OsLevel l;
  ASSERT_TRUE(ParseOslevel(testing::Data("seed_oslevel_s.txt"), &l).ok());
  EXPECT_EQ(l.version, 7);
  EXPECT_EQ(l.release, 2);
  EXPECT_EQ(l.technology_level, 0);
  EXPECT_EQ(l.build, "0000");
}

TEST(OslevelTest, NotALevel) {
  OsLevel l;
  Status s = ParseOslevel(testing::Shared("uname_L.1.txt"), &l);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("oslevel -s: line 1: not VVRR-TL-SP-YYWW: \"99 lpar1\""), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
