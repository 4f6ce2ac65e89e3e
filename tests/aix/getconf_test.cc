// getconf DISK_SIZE and bootinfo -s on real outputs.
#include "drivers/aix/parse/getconf.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(GetconfTest, TheSeedsFiftyGigabyteDisk) {
  uint64_t mb = 0;
  ASSERT_TRUE(ParseGetconfDiskSize(testing::Data("seed_getconf_disk_size_hdisk1.txt"), &mb).ok());
  EXPECT_EQ(mb, 51200u);
}

TEST(GetconfTest, BootinfoSize) {
  uint64_t mb = 0;
  ASSERT_TRUE(ParseBootinfoSize(testing::Shared("bootinfo_s.1.txt"), &mb).ok());
  EXPECT_EQ(mb, 204800u);
}

TEST(GetconfTest, NotANumber) {
  uint64_t mb = 0;
  Status s = ParseGetconfDiskSize(testing::Shared("uname_f.1.txt"), &mb);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("getconf DISK_SIZE: line 1: not a number of MB: \"80000BA02DC00063\""),
            std::string::npos)
      << s.message();
  s = ParseGetconfDiskSize(testing::Shared("bootlist_m_normal_o.1.txt"), &mb);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 2: more than one line"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
