// uname -L on real outputs.
#include "drivers/aix/parse/uname.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(UnameTest, PartitionNumberAndName) {
  PartitionId p;
  ASSERT_TRUE(ParseUnameL(testing::Shared("uname_L.1.txt"), &p).ok());
  EXPECT_EQ(p.id, 99);
  EXPECT_EQ(p.name, "lpar1");
}

TEST(UnameTest, TheIdChangesInALiveUpdate) {
  PartitionId before, after;
  ASSERT_TRUE(ParseUnameL(testing::Data("seed_uname_L_before.txt"), &before).ok());
  ASSERT_TRUE(ParseUnameL(testing::Data("seed_uname_L_after.txt"), &after).ok());
  EXPECT_EQ(before.id, 99);
  EXPECT_EQ(after.id, 98);
  EXPECT_EQ(before.name, "AIX72_Build_1534A");
  EXPECT_EQ(after.name, before.name);
}

TEST(UnameTest, UnameFIsNotUnameL) {
  PartitionId p;
  Status s = ParseUnameL(testing::Shared("uname_f.1.txt"), &p);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("uname -L: line 1:"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
