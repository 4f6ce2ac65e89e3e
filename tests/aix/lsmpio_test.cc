// lsmpio, lsmpio -l hdiskN and lsmpio -ar on real outputs (aix-outputs).
#include "drivers/aix/parse/lsmpio.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(LsmpioTest, VscsiAndFcPaths) {
  std::vector<MpioPath> p;
  Status s = ParseLsmpio(Shared("lsmpio.1.txt"), &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].disk, "hdisk0");
  EXPECT_EQ(p[0].path_id, 0u);
  EXPECT_EQ(p[0].status, "Enabled");
  EXPECT_EQ(p[0].path_status, "Sel");
  EXPECT_EQ(p[0].parent, "vscsi0");
  EXPECT_EQ(p[0].connection, "810000000000");
  EXPECT_EQ(p[3].disk, "hdisk4");
  EXPECT_EQ(p[3].path_id, 1u);
  EXPECT_EQ(p[3].path_status, "Clo");
  EXPECT_EQ(p[3].connection, "500507180120c5cb,2000000000000");
}

TEST(LsmpioTest, EightPathsOfOneDisk) {
  std::vector<MpioPath> p;
  ASSERT_TRUE(ParseLsmpio(Shared("lsmpio_l.1.txt"), &p).ok());
  ASSERT_EQ(p.size(), 8u);
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(p[i].disk, "hdisk2");
    EXPECT_EQ(p[i].path_id, i);
    EXPECT_EQ(p[i].path_status, "Sel");
  }
  EXPECT_EQ(p[7].parent, "fscsi1");
  EXPECT_EQ(p[7].connection, "50001442801f1400,2000000000000");
}

TEST(LsmpioTest, RemotePortsPerAdapter) {
  std::vector<MpioAdapter> a;
  Status s = ParseLsmpioAdapters(Shared("lsmpio_ar.1.txt"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].line, 1);
  EXPECT_EQ(a[0].adapter, "fscsi0");
  EXPECT_EQ(a[0].pcm, "AIX PCM");
  EXPECT_EQ(a[0].wwpn, "c0507109681e0006");
  EXPECT_EQ(a[0].link_state, "Up");
  ASSERT_EQ(a[0].remote_ports.size(), 2u);
  EXPECT_EQ(a[0].remote_ports[0].wwpn, "500507180120c1c4");
  EXPECT_EQ(a[0].remote_ports[0].enabled, 4u);
  EXPECT_EQ(a[0].remote_ports[0].disabled, 0u);
  EXPECT_EQ(a[0].remote_ports[0].failed, 0u);
  EXPECT_EQ(a[0].remote_ports[0].missing, 0u);
  EXPECT_EQ(a[0].remote_ports[0].scsi_id, "0xc95e00");
  EXPECT_EQ(a[1].line, 9);
  EXPECT_EQ(a[1].adapter, "fscsi1");
  EXPECT_EQ(a[1].remote_ports[1].scsi_id, "0xc95600");
}

TEST(LsmpioTest, CutShortAndTheOtherForm) {
  std::vector<MpioAdapter> a;
  Status s = ParseLsmpioAdapters(testing::LinesOf(Shared("lsmpio_ar.1.txt"), 1, 3), &a);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsmpio -ar: line 4 (end of output): adapter fscsi0 cut short"), std::string::npos)
      << s.message();
  s = ParseLsmpioAdapters(Shared("lsmpio.1.txt"), &a);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsmpio -ar: line 1: expected \"Adapter Driver:\""), std::string::npos) << s.message();
  std::vector<MpioPath> p;
  s = ParseLsmpio(Shared("lsmpio_ar.1.txt"), &p);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsmpio: line 1: header without column"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
