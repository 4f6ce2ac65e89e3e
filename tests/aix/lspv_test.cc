// lspv, lspv hdiskN, lspv -l hdiskN on real outputs (aix-outputs, seed).
#include "drivers/aix/parse/lspv.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(LspvTest, ThirtyOneDisksWithEmptyColumns) {
  std::vector<PhysicalVolume> pvs;
  ASSERT_TRUE(ParseLspv(Shared("lspv.13.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 31u);
  EXPECT_EQ(pvs[0].name, "hdisk0");
  EXPECT_EQ(pvs[0].pvid, "00f8c13c29b5f01d");
  EXPECT_EQ(pvs[0].volume_group, "rootvg");
  EXPECT_EQ(pvs[0].state, "active");
  EXPECT_EQ(pvs[2].name, "hdisk3");
  EXPECT_EQ(pvs[2].pvid, "");          // "none"
  EXPECT_EQ(pvs[2].volume_group, "");  // "None"
  EXPECT_EQ(pvs[27].name, "hdiskpower0");
  EXPECT_EQ(pvs[27].volume_group, "hbvg");
  EXPECT_EQ(pvs[27].state, "");  // varied off: no state column
  EXPECT_EQ(pvs[30].name, "hdiskpower3");
  EXPECT_EQ(pvs[30].state, "active");
}

TEST(LspvTest, VolumeGroupNotVariedOnHasNoState) {
  std::vector<PhysicalVolume> pvs;
  ASSERT_TRUE(ParseLspv(Shared("lspv.7.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 2u);
  EXPECT_EQ(pvs[0].volume_group, "old_rootvg");
  EXPECT_EQ(pvs[0].state, "");
  EXPECT_EQ(pvs[1].volume_group, "rootvg");
  EXPECT_EQ(pvs[1].state, "active");
}

TEST(LspvTest, TrailingPaddingAndOtherWidths) {
  std::vector<PhysicalVolume> pvs;
  ASSERT_TRUE(ParseLspv(Shared("lspv.9.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 2u);
  EXPECT_EQ(pvs[0].pvid, "");
  EXPECT_EQ(pvs[1].pvid, "00002f8bd1e92b12");
  ASSERT_TRUE(ParseLspv(Shared("lspv.11.txt"), &pvs).ok());
  EXPECT_EQ(pvs[1].volume_group, "");
  ASSERT_TRUE(ParseLspv(Shared("lspv.3.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 3u);
  EXPECT_EQ(pvs[1].volume_group, "mksysbvg");
  ASSERT_TRUE(ParseLspv(Shared("lspv.1.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 1u);
  EXPECT_EQ(pvs[0].state, "active");
}

TEST(LspvTest, TheSeedsDisksBeforeTheUpdate) {
  std::vector<PhysicalVolume> pvs;
  ASSERT_TRUE(ParseLspv(Data("seed_lspv_before.txt"), &pvs).ok());
  ASSERT_EQ(pvs.size(), 3u);
  EXPECT_EQ(pvs[0].volume_group, "rootvg");
  EXPECT_EQ(pvs[1].name, "hdisk2");
  EXPECT_EQ(pvs[1].pvid, "00f94f58c90ae057");
  EXPECT_EQ(pvs[1].volume_group, "");
  EXPECT_EQ(pvs[2].state, "");
}

TEST(LspvTest, TheAuthorsAnnotationsAreRejectedNotGuessed) {
  std::vector<PhysicalVolume> pvs;
  Status s = ParseLspv(Data("seed_lspv_annotated.txt"), &pvs);
  ASSERT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("lspv: line 1:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("< Patched rootvg disk"), std::string::npos);
  s = ParseLspv(Data("seed_lspv_after_rollback_annotated.txt"), &pvs);
  ASSERT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("line 1:"), std::string::npos) << s.message();
}

TEST(LspvDiskTest, CrlfAndTheVgIdentifierWithoutColon) {
  PhysicalVolumeDetails d;
  Status s = ParseLspvDisk(Shared("lspv_hdisk.1.txt"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(d.name, "hdisk0");
  EXPECT_EQ(d.volume_group, "rootvg");
  EXPECT_EQ(d.pvid, "00c6ce9d4f2c404a");
  EXPECT_EQ(d.vgid, "00c6ce9d00004c000000014302ee7629");
  EXPECT_EQ(d.state, "active");
  EXPECT_EQ(d.pp_size_mb, 64u);
  EXPECT_EQ(d.total_pps, 543u);
  EXPECT_EQ(d.free_pps, 169u);
  EXPECT_EQ(d.used_pps, 374u);
  EXPECT_EQ(d.logical_volumes, 17u);
  EXPECT_EQ(d.fields.size(), 17u);
  const KeyValue* kv = FindKey(d.fields, "MAX REQUEST");
  ASSERT_NE(kv, nullptr);
  EXPECT_EQ(kv->value, "256 kilobytes");
  kv = FindKey(d.fields, "USED DISTRIBUTION");
  ASSERT_NE(kv, nullptr);
  EXPECT_EQ(kv->value, "101..109..108..49..07");
  EXPECT_EQ(kv->line, 10);
}

TEST(LspvDiskTest, OtherDisks) {
  PhysicalVolumeDetails d;
  ASSERT_TRUE(ParseLspvDisk(Shared("lspv_hdisk.3.txt"), &d).ok());
  EXPECT_EQ(d.volume_group, "vg_apps01");
  EXPECT_EQ(d.pp_size_mb, 128u);
  EXPECT_EQ(d.total_pps, 799u);
  ASSERT_TRUE(ParseLspvDisk(Shared("lspv_hdisk.5.txt"), &d).ok());
  EXPECT_EQ(d.pvid, "00c868bfc7fd26e6");
  EXPECT_EQ(d.free_pps, 348u);
}

TEST(LspvDiskTest, TheTableFormIsNotTheDetailForm) {
  PhysicalVolumeDetails d;
  Status s = ParseLspvDisk(Shared("lspv.1.txt"), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lspv hdiskN: line 1:"), std::string::npos) << s.message();
}

TEST(LspvLogicalVolumesTest, LogicalVolumesOnADisk) {
  PvLogicalVolumes l;
  Status s = ParseLspvLogicalVolumes(Shared("lspv_l.1.txt"), &l);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(l.disk, "hdisk0");
  ASSERT_EQ(l.lvs.size(), 16u);
  EXPECT_EQ(l.lvs[0].name, "hd11admin");
  EXPECT_EQ(l.lvs[0].distribution, "00..00..00..01..00");
  EXPECT_EQ(l.lvs[0].mount_point, "/admin");
  EXPECT_EQ(l.lvs[4].name, "lv_dump");
  EXPECT_EQ(l.lvs[4].lps, 16u);
  EXPECT_EQ(l.lvs[4].mount_point, "N/A");
  EXPECT_EQ(l.lvs[14].name, "paging00");
  EXPECT_EQ(l.lvs[14].pps, 28u);
}

}  // namespace
}  // namespace lvu::drivers::aix
