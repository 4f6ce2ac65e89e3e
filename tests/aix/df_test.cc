// df and df -g on real outputs.
#include "drivers/aix/parse/df.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(DfTest, BlocksWithPseudoFileSystems) {
  DfOutput d;
  Status s = ParseDf(testing::Shared("df.1.txt"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.unit, DfUnit::k512Blocks);
  ASSERT_EQ(d.rows.size(), 11u);
  EXPECT_EQ(d.rows[0].filesystem, "/dev/hd4");
  EXPECT_DOUBLE_EQ(*d.rows[0].size, 1966080);
  EXPECT_DOUBLE_EQ(*d.rows[0].free, 559552);
  EXPECT_EQ(d.rows[0].used_percent, 72);
  EXPECT_EQ(d.rows[0].inodes_used, 4107u);
  EXPECT_EQ(d.rows[0].inodes_used_percent, 7);
  EXPECT_EQ(d.rows[0].mounted_on, "/");
  EXPECT_EQ(d.rows[6].filesystem, "/proc");
  EXPECT_FALSE(d.rows[6].size.has_value());
  EXPECT_FALSE(d.rows[6].inodes_used.has_value());
  EXPECT_EQ(d.rows[9].filesystem, "/ahafs");
  EXPECT_EQ(d.rows[9].inodes_used, 35u);
  EXPECT_EQ(d.rows[9].mounted_on, "/aha");
}

TEST(DfTest, NfsMountWithALongName) {
  DfOutput d;
  ASSERT_TRUE(ParseDf(testing::Shared("df.3.txt"), &d).ok());
  ASSERT_EQ(d.rows.size(), 13u);
  EXPECT_EQ(d.rows[9].filesystem, "nimitz.aus.stglabs.ibm.com:/nim/build_net");
  EXPECT_DOUBLE_EQ(*d.rows[9].size, 65011712);
  EXPECT_EQ(d.rows[9].mounted_on, "/test");
}

TEST(DfTest, GigabytesFromTheSeed) {
  DfOutput d;
  ASSERT_TRUE(ParseDf(testing::Data("seed_df_g.txt"), &d).ok());
  EXPECT_EQ(d.unit, DfUnit::kGB);
  ASSERT_EQ(d.rows.size(), 9u);
  EXPECT_EQ(d.rows[1].filesystem, "/dev/hd2");
  EXPECT_DOUBLE_EQ(*d.rows[1].size, 2.28);
  EXPECT_DOUBLE_EQ(*d.rows[1].free, 0.20);
  EXPECT_EQ(d.rows[1].used_percent, 92);
  EXPECT_EQ(d.rows[2].mounted_on, "/var");
  EXPECT_EQ(d.rows[8].mounted_on, "/var/adm/ras/livedump");
}

TEST(DfTest, HeaderOnlyIsTruncated) {
  DfOutput d;
  Status s = ParseDf(testing::LinesOf(testing::Shared("df.1.txt"), 1, 1), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("df: line 2 (end of output)"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
