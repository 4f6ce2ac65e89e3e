// VIOS lsmap -all and lsmap -vadapter on real outputs.
#include "drivers/aix/parse/lsmap.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(LsmapTest, ThreeAdaptersWithoutBlankLinesBetween) {
  std::vector<VhostMapping> m;
  Status s = ParseLsmap(Shared("vios_lsmap_all.1.txt"), &m);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].svsa, "vhost0");
  EXPECT_EQ(m[0].physloc, "U787A.001.0397658-V1-C5");
  EXPECT_EQ(m[0].client_partition_id, 5);
  ASSERT_EQ(m[0].targets.size(), 3u);
  EXPECT_EQ(m[0].targets[0].vtd, "c5_vtscsi1");
  EXPECT_EQ(m[0].targets[0].status, "Available");
  EXPECT_EQ(m[0].targets[0].lun, "0x8100000000000000");
  EXPECT_EQ(m[0].targets[0].backing_device, "hdisk2");
  EXPECT_EQ(m[0].targets[0].physloc, "");
  EXPECT_EQ(m[0].targets[0].mirrored, "");
  EXPECT_EQ(m[2].client_partition_id, 7);
  ASSERT_EQ(m[2].targets.size(), 3u);
  EXPECT_EQ(m[2].targets[2].backing_device, "hdisk10");
}

TEST(LsmapTest, TheSeedsAdapterMovedToTheSurrogate) {
  std::vector<VhostMapping> m;
  ASSERT_TRUE(ParseLsmap(Data("seed_lsmap_vhost5_during.txt"), &m).ok());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].svsa, "vhost5");
  EXPECT_EQ(m[0].physloc, "U8286.42A.214F58V-V2-C91");
  EXPECT_EQ(m[0].client_partition_id, 98);  // 0x62
  ASSERT_EQ(m[0].targets.size(), 3u);
  EXPECT_EQ(m[0].targets[0].backing_device, "hdisk7");
  EXPECT_EQ(m[0].targets[0].physloc, "U78C9.001.WZS01K8-P1-C3-T1-W5005076801404F98-L6000000000000");
  EXPECT_EQ(m[0].targets[0].mirrored, "false");
  EXPECT_EQ(m[0].targets[2].vtd, "vtscsi8");
  EXPECT_EQ(m[0].targets[2].mirrored, "");  // no Mirrored line
  ASSERT_TRUE(ParseLsmap(Data("seed_lsmap_vhost3_after.txt"), &m).ok());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].svsa, "vhost3");
  EXPECT_EQ(m[0].client_partition_id, 98);
  EXPECT_EQ(m[0].targets[2].vtd, "vtscsi6");
  EXPECT_EQ(m[0].targets[2].lun, "0x8300000000000000");
  ASSERT_TRUE(ParseLsmap(Data("seed_lsmap_vhost5_after.txt"), &m).ok());
  EXPECT_EQ(m[0].targets[1].backing_device, "hdisk8");
}

TEST(LsmapTest, TheNpivFormatIsNotThisOne) {
  std::vector<VhostMapping> m;
  Status s = ParseLsmap(Shared("vios_lsmap_npiv_all_fmt_colon.1.txt"), &m);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsmap: line 1: expected the SVSA header"), std::string::npos) << s.message();
}

TEST(LsmapTest, HeaderWithoutAdapter) {
  std::vector<VhostMapping> m;
  Status s = ParseLsmap(testing::LinesOf(Shared("vios_lsmap_all.1.txt"), 1, 2), &m);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsmap: line 3 (end of output): no adapter line"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
