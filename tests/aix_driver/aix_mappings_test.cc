// The slots aix_mappings.h matches client adapters and vhosts by, read from
// the location codes of real outputs (../shared/aix-outputs, the seed's
// lsmap): a vhost's Physloc, a VTD's, and a client adapter's.
#include <gtest/gtest.h>

#include "drivers/aix/aix_mappings.h"
#include "drivers/aix/parse/lsmap.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

TEST(AixMappingsTest, TheSlotOfARealLocationCode) {
  std::vector<aix::VhostMapping> maps;
  ASSERT_TRUE(ParseLsmap(testing::Shared("vios_lsmap_all.1.txt"), &maps).ok());
  ASSERT_FALSE(maps.empty());
  EXPECT_EQ(maps[0].physloc, "U787A.001.0397658-V1-C5");
  EXPECT_EQ(SlotOf(maps[0].physloc), 5);
  ASSERT_TRUE(ParseLsmap(testing::Data("seed_lsmap_vhost5_during.txt"), &maps).ok());
  EXPECT_EQ(SlotOf(maps[0].physloc), 91);
  // A VTD's physical location: the FC adapter in slot C3, then port, WWPN and LUN.
  EXPECT_EQ(maps[0].targets[0].physloc, "U78C9.001.WZS01K8-P1-C3-T1-W5005076801404F98-L6000000000000");
  EXPECT_EQ(SlotOf(maps[0].targets[0].physloc), 3);
  // A client adapter's (lsdev -F physloc): the slot, then its port.
  EXPECT_EQ(SlotOf("U8286.42A.214F58V-V99-C2-T1"), 2);
  EXPECT_EQ(SlotOf("U8286.42A.214F58V-V99"), -1);
  EXPECT_EQ(SlotOf(""), -1);
  EXPECT_EQ(SlotOf("-C"), -1);
}

}  // namespace
}  // namespace lvu::drivers::aix
