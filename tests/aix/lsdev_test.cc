// lsdev -C on real outputs: the location column, empty for vSCSI disks.
#include "drivers/aix/parse/lsdev.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(LsdevTest, VirtualScsiDiskWithoutLocation) {
  std::vector<Device> d;
  ASSERT_TRUE(ParseLsdev(Shared("lsdev_Cc_disk.1.txt"), &d).ok());
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].name, "hdisk0");
  EXPECT_EQ(d[0].state, "Available");
  EXPECT_EQ(d[0].location, "");
  EXPECT_EQ(d[0].description, "Virtual SCSI Disk Drive");
  EXPECT_EQ(d[1].location, "24-T1-01");
  EXPECT_EQ(d[1].description, "MPIO FC 2145");
}

TEST(LsdevTest, NoRowWithALocation) {
  std::vector<Device> d;
  ASSERT_TRUE(ParseLsdev(Data("seed_lsdev_Cc_disk.txt"), &d).ok());
  ASSERT_EQ(d.size(), 3u);
  for (const Device& x : d) {
    EXPECT_EQ(x.location, "");
    EXPECT_EQ(x.description, "Virtual SCSI Disk Drive");
  }
  EXPECT_EQ(d[2].name, "hdisk3");
}

TEST(LsdevTest, MixedStatesAndPaddedNames) {
  std::vector<Device> d;
  ASSERT_TRUE(ParseLsdev(Shared("lsdev_Cc_disk.3.txt"), &d).ok());
  ASSERT_EQ(d.size(), 17u);
  EXPECT_EQ(d[4].name, "hdisk4");
  EXPECT_EQ(d[4].state, "Defined");
  EXPECT_EQ(d[4].location, "C2-T1-01");
  EXPECT_EQ(d[4].description, "Other FC SCSI Disk Drive");
  EXPECT_EQ(d[10].name, "hdisk10");
  EXPECT_EQ(d[10].location, "C3-T1-01");
  EXPECT_EQ(d[16].description, "MPIO Other FC SCSI Disk Drive");
}

TEST(LsdevTest, Processors) {
  std::vector<Device> d;
  ASSERT_TRUE(ParseLsdev(Shared("lsdev_Cc_processor.1.txt"), &d).ok());
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].name, "proc4");
  EXPECT_EQ(d[1].state, "Defined");
  EXPECT_EQ(d[1].location, "00-04");
}

TEST(LsdevFieldsTest, NameAndDescription) {
  std::vector<Device> d;
  ASSERT_TRUE(ParseLsdevFields(Shared("lsdev_Cc_disk_F.1.txt"), "name:description", &d).ok());
  ASSERT_EQ(d.size(), 16u);
  EXPECT_EQ(d[15].name, "hdisk17");
  EXPECT_EQ(d[15].description, "Other FC SCSI Disk Drive");
  ASSERT_TRUE(ParseLsdevFields(Shared("lsdev_Cc_disk_F.3.txt"), "name:description", &d).ok());
  ASSERT_EQ(d.size(), 7u);
  EXPECT_EQ(d[0].description, "SAS RAID 10 Disk Array");
  EXPECT_EQ(d[3].name, "hdisk4");  // hdisk3 is absent
}

TEST(LsdevTest, ALineOfAnotherTableIsRejected) {
  std::vector<Device> d;
  Status s = ParseLsdev(Shared("lspath.1.txt"), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lsdev: line 1: unknown device state \"hdisk0\""), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
