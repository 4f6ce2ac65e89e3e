// lsps -a on real outputs (aix-outputs).
#include "drivers/aix/parse/lsps.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(LspsTest, OnePagingSpaceWithChecksumColumn) {
  std::vector<PagingSpace> ps;
  Status s = ParseLspsA(Shared("lsps_a.1.txt"), &ps);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].name, "hd6");
  EXPECT_EQ(ps[0].physical_volume, "hdisk0");
  EXPECT_EQ(ps[0].volume_group, "rootvg");
  EXPECT_EQ(ps[0].size_mb, 512u);
  EXPECT_EQ(ps[0].used_percent, 2);
  EXPECT_TRUE(ps[0].active);
  EXPECT_TRUE(ps[0].automatic);
  EXPECT_EQ(ps[0].type, "lv");
  EXPECT_TRUE(ps[0].has_checksum);
  EXPECT_EQ(ps[0].checksum_bits, 0u);
  const nlohmann::json j = ToJson(ps);
  EXPECT_EQ(j[0]["size_mb"], 512);
  EXPECT_EQ(j[0]["checksum_bits"], 0);
}

TEST(LspsTest, HeaderOnlyAndRowsWithoutHeaderAreRejected) {
  const std::string real = Shared("lsps_a.1.txt");
  std::vector<PagingSpace> ps;
  Status s = ParseLspsA(testing::LinesOf(real, 1, 1), &ps);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsps -a: line 2 (end of output): no paging space"), std::string::npos) << s.message();
  s = ParseLspsA(testing::LinesOf(real, 2, 2), &ps);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsps -a: line 1: not the lsps -a header: \"hd6 "), std::string::npos) << s.message();
  s = ParseLspsA("", &ps);
  EXPECT_NE(s.message().find("line 1 (end of output)"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
