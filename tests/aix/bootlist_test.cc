// bootlist -m normal -o on real outputs.
#include "drivers/aix/parse/bootlist.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(BootlistTest, OneLinePerPath) {
  std::vector<BootDevice> b;
  ASSERT_TRUE(ParseBootlist(Shared("bootlist_m_normal_o.1.txt"), &b).ok());
  ASSERT_EQ(b.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(b[static_cast<size_t>(i)].device, "hdisk2");
    EXPECT_EQ(b[static_cast<size_t>(i)].blv, "hd5");
    EXPECT_EQ(b[static_cast<size_t>(i)].pathid, i);
  }
  ASSERT_TRUE(ParseBootlist(Shared("bootlist_m_normal_o.3.txt"), &b).ok());
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[3].device, "hdisk0");
}

TEST(BootlistTest, TheSeedsBootDiskAfterTheUpdate) {
  std::vector<BootDevice> b;
  ASSERT_TRUE(ParseBootlist(Data("seed_bootlist_m_normal_o.txt"), &b).ok());
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].device, "hdisk1");
  EXPECT_EQ(b[0].pathid, 1);
}

TEST(BootlistTest, AnotherCommandsOutput) {
  std::vector<BootDevice> b;
  Status s = ParseBootlist(Shared("lspath.1.txt"), &b);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("bootlist: line 1: word 2 is not name=value"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
