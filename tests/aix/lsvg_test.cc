// lsvg, lsvg -o, lsvg VG, lsvg -l VG, lsvg -p VG on real outputs.
#include "drivers/aix/parse/lsvg.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::LinesOf;
using testing::Shared;

TEST(LsvgListTest, NamesOneALine) {
  std::vector<std::string> vgs;
  ASSERT_TRUE(ParseLsvgList(Shared("lsvg.1.txt"), &vgs).ok());
  EXPECT_EQ(vgs, std::vector<std::string>({"rootvg"}));
  ASSERT_TRUE(ParseLsvgList(Shared("lsvg_o.1.txt"), &vgs).ok());
  EXPECT_EQ(vgs, std::vector<std::string>({"datavg", "rootvg"}));
}

TEST(LsvgInfoTest, OldLayoutWithCrlf) {
  VolumeGroupInfo v;
  Status s = ParseLsvgInfo(Shared("lsvg_rootvg.3.txt"), &v);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(v.name, "rootvg");
  EXPECT_EQ(v.vgid, "000dda6e0000d600000001119e467657");
  EXPECT_EQ(v.state, "active");
  EXPECT_EQ(v.permission, "read/write");
  EXPECT_EQ(v.pp_size_mb, 32u);
  EXPECT_EQ(v.total_pps, 798u);
  EXPECT_EQ(v.free_pps, 201u);
  EXPECT_EQ(v.used_pps, 597u);
  EXPECT_EQ(v.lvs, 19u);
  EXPECT_EQ(v.open_lvs, 17u);
  EXPECT_EQ(v.total_pvs, 2u);
  EXPECT_EQ(v.active_pvs, 2u);
  EXPECT_EQ(v.quorum, "2");
  EXPECT_EQ(v.auto_on, "no");
  EXPECT_EQ(v.fields.size(), 25u);
  const KeyValue* ltg = FindKey(v.fields, "LTG size (Dynamic)");
  ASSERT_NE(ltg, nullptr);
  EXPECT_EQ(ltg->value, "256 kilobyte(s)");
  const KeyValue* bb = FindKey(v.fields, "BB POLICY");
  ASSERT_NE(bb, nullptr);
  EXPECT_EQ(bb->value, "relocatable");
  EXPECT_EQ(bb->line, 13);
}

TEST(LsvgInfoTest, ModernLayout) {
  VolumeGroupInfo v;
  Status s = ParseLsvgInfo(Shared("lsvg_vg.3.txt"), &v);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(v.name, "testvg");
  EXPECT_EQ(v.quorum, "2 (Enabled)");
  EXPECT_EQ(v.total_pps, 639u);
  EXPECT_EQ(v.fields.size(), 32u);
  const KeyValue* max = FindKey(v.fields, "MAX PPs per VG");
  ASSERT_NE(max, nullptr);
  EXPECT_EQ(max->value, "32512");
  EXPECT_EQ(FindKey(v.fields, "CRITICAL PVs")->value, "no");
  EXPECT_EQ(FindKey(v.fields, "ENCRYPTION")->value, "no");
}

TEST(LsvgInfoTest, TheFirstOfThreeConcatenatedOutputs) {
  // Lines 1-17 of the file are `lsvg testvg`; 18-20 `lsvg -p testvg`.
  const std::string all = Shared("lsvg_vg+lsvg_p+lsvg_P.1.txt");
  VolumeGroupInfo v;
  ASSERT_TRUE(ParseLsvgInfo(LinesOf(all, 1, 17), &v).ok());
  EXPECT_EQ(v.pp_size_mb, 16u);
  EXPECT_EQ(v.total_pps, 2550u);
  EXPECT_EQ(FindKey(v.fields, "MIRROR POOL STRICT")->value, "off");
  std::vector<VgPhysicalVolumes> pvs;
  ASSERT_TRUE(ParseLsvgPhysicalVolumes(LinesOf(all, 18, 20), &pvs).ok());
  ASSERT_EQ(pvs.size(), 1u);
  ASSERT_EQ(pvs[0].pvs.size(), 1u);
  EXPECT_EQ(pvs[0].pvs[0].name, "hdisk1");
  // The whole file is not one lsvg output: line 18 "testvg:" is no pair.
  Status s = ParseLsvgInfo(all, &v);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 18:"), std::string::npos) << s.message();
}

TEST(LsvgInfoTest, NotVariedOnIsFailedWithTheMessage) {
  VolumeGroupInfo v;
  Status s = ParseLsvgInfo(Shared("lsvg_l_altinst_rootvg_error.1.txt"), &v);
  ASSERT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  EXPECT_NE(s.message().find("line 1: AIX message 0516-010: Volume group must be varied on"), std::string::npos)
      << s.message();
}

TEST(LsvgLogicalVolumesTest, Rootvg) {
  std::vector<VgLogicalVolumes> g;
  ASSERT_TRUE(ParseLsvgLogicalVolumes(Shared("lsvg_l_rootvg.1.txt"), &g).ok());
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].volume_group, "rootvg");
  ASSERT_EQ(g[0].lvs.size(), 17u);
  EXPECT_EQ(g[0].lvs[0].name, "hd5");
  EXPECT_EQ(g[0].lvs[0].type, "boot");
  EXPECT_EQ(g[0].lvs[0].state, "closed/syncd");
  EXPECT_EQ(g[0].lvs[0].mount_point, "N/A");
  EXPECT_EQ(g[0].lvs[1].lps, 129u);
  EXPECT_EQ(g[0].lvs[11].name, "livedump");
  EXPECT_EQ(g[0].lvs[11].mount_point, "/var/adm/ras/livedump");
  EXPECT_EQ(g[0].lvs[16].mount_point, "/opt/best1");
}

TEST(LsvgLogicalVolumesTest, StaleMirror) {
  std::vector<VgLogicalVolumes> g;
  ASSERT_TRUE(ParseLsvgLogicalVolumes(Shared("lsvg_l_rootvg.3.txt"), &g).ok());
  ASSERT_EQ(g[0].lvs.size(), 14u);
  EXPECT_EQ(g[0].lvs[1].name, "hd6");
  EXPECT_EQ(g[0].lvs[1].lps, 4u);
  EXPECT_EQ(g[0].lvs[1].pps, 8u);
  EXPECT_EQ(g[0].lvs[1].pvs, 2u);
  EXPECT_EQ(g[0].lvs[1].state, "open/stale");
  EXPECT_EQ(g[0].lvs[13].name, "lv_dump");
  EXPECT_EQ(g[0].lvs[13].mount_point, "N/A");  // trailing blanks
  ASSERT_TRUE(ParseLsvgLogicalVolumes(Shared("lsvg_l_rootvg.5.txt"), &g).ok());
  ASSERT_EQ(g[0].lvs.size(), 13u);
  EXPECT_EQ(g[0].lvs[12].name, "oralv");
  EXPECT_EQ(g[0].lvs[12].pps, 264u);
  ASSERT_TRUE(ParseLsvgLogicalVolumes(Shared("lsvg_l_vg.1.txt"), &g).ok());
  EXPECT_EQ(g[0].volume_group, "vg_apps01");
  ASSERT_EQ(g[0].lvs.size(), 10u);
  EXPECT_EQ(g[0].lvs[3].mount_point, "/home/apps/deployments");
}

TEST(LsvgLogicalVolumesTest, ErrorsInsteadOfTheTable) {
  std::vector<VgLogicalVolumes> g;
  Status s = ParseLsvgLogicalVolumes(Shared("lsvg_l_altinst_rootvg_error.1.txt"), &g);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("lsvg -l: line 1: AIX message 0516-010"), std::string::npos) << s.message();
  s = ParseLsvgLogicalVolumes(Shared("lsvg_l_rootvg_locked.1.txt"), &g);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("0516-1201: lsvg: Warning: Volume group rootvg is locked."), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("execute 'chvg -u rootvg'."), std::string::npos) << s.message();
}

TEST(LsvgPhysicalVolumesTest, Disks) {
  std::vector<VgPhysicalVolumes> g;
  ASSERT_TRUE(ParseLsvgPhysicalVolumes(Shared("lsvg_p.1.txt"), &g).ok());
  ASSERT_EQ(g[0].pvs.size(), 3u);
  EXPECT_EQ(g[0].volume_group, "testvg");
  EXPECT_EQ(g[0].pvs[2].name, "hdisk4");
  EXPECT_EQ(g[0].pvs[2].total_pps, 1275u);
  EXPECT_EQ(g[0].pvs[2].free_distribution, "255..255..255..255..255");
  ASSERT_TRUE(ParseLsvgPhysicalVolumes(Shared("lsvg_p_rootvg.1.txt"), &g).ok());
  ASSERT_EQ(g[0].pvs.size(), 2u);
  EXPECT_EQ(g[0].pvs[0].free_pps, 68u);
  EXPECT_EQ(g[0].pvs[1].free_pps, 84u);
  EXPECT_EQ(g[0].pvs[1].state, "active");
}

TEST(LsvgPhysicalVolumesTest, TheLvTableIsNotThePvTable) {
  std::vector<VgPhysicalVolumes> g;
  Status s = ParseLsvgPhysicalVolumes(Shared("lsvg_l_rootvg.1.txt"), &g);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsvg -p: line 2: header without column \"PV_NAME\""), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
