// HMC lshwres (proc, mem, virtualio) on real outputs.
#include "drivers/aix/parse/hmc_lshwres.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(LshwresProcTest, SystemAndPartitions) {
  std::vector<SystemProcessors> sys;
  ASSERT_TRUE(ParseLshwresProcSys(Shared("hmc_lshwres_r_proc_level_sys.1.txt"), &sys).ok());
  ASSERT_EQ(sys.size(), 1u);
  EXPECT_DOUBLE_EQ(sys[0].configurable_sys_proc_units, 2.0);
  EXPECT_DOUBLE_EQ(sys[0].curr_avail_sys_proc_units, 1.1);
  EXPECT_DOUBLE_EQ(*sys[0].installed_sys_proc_units, 2.0);
  std::vector<PartitionProcessors> p;
  ASSERT_TRUE(ParseLshwresProcLpar(Shared("hmc_lshwres_r_proc_level_lpar.1.txt"), &p).ok());
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].lpar_name, "nim1");
  EXPECT_EQ(p[0].curr_proc_mode, "shared");
  EXPECT_DOUBLE_EQ(*p[0].curr_proc_units, 0.3);
  EXPECT_DOUBLE_EQ(*p[0].curr_max_proc_units, 0.8);
  EXPECT_EQ(p[0].curr_procs, 1);
  EXPECT_EQ(p[0].curr_max_procs, 2);
  EXPECT_EQ(p[0].curr_sharing_mode, "cap");
  EXPECT_EQ(p[3].lpar_name, "dump");  // Not Activated: zeros
  EXPECT_DOUBLE_EQ(*p[3].curr_proc_units, 0.0);
  EXPECT_EQ(p[3].run_procs, 0);
}

TEST(LshwresMemTest, SystemAndPartitions) {
  std::vector<SystemMemory> sys;
  ASSERT_TRUE(ParseLshwresMemSys(Shared("hmc_lshwres_r_mem_level_sys.1.txt"), &sys).ok());
  ASSERT_EQ(sys.size(), 1u);
  EXPECT_EQ(sys[0].configurable_sys_mem, 32768);
  EXPECT_EQ(sys[0].curr_avail_sys_mem, 13696);
  EXPECT_EQ(sys[0].sys_firmware_mem, 640);
  EXPECT_EQ(sys[0].possible_hpt_ratios, std::vector<std::string>({"1:32", "1:64", "1:128", "1:256", "1:512"}));
  std::vector<PartitionMemory> p;
  ASSERT_TRUE(ParseLshwresMemLpar(Shared("hmc_lshwres_r_mem_level_lpar.1.txt"), &p).ok());
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[1].lpar_name, "vios2");
  EXPECT_EQ(p[1].curr_mem, 6144);
  EXPECT_EQ(p[1].curr_min_mem, 1024);
  EXPECT_EQ(p[1].mem_mode, "ded");
  EXPECT_EQ(p[1].record.Find("curr_num_huge_pages"), nullptr);  // a VIOS line has no huge pages
  EXPECT_NE(p[0].record.Find("curr_num_huge_pages"), nullptr);
  EXPECT_EQ(p[3].curr_mem, 0);
}

TEST(LshwresVirtualIoTest, ScsiAdapters) {
  std::vector<VirtualScsiAdapter> a;
  ASSERT_TRUE(ParseLshwresVirtualScsi(Shared("hmc_lshwres_r_virtualio_rsubtype_scsi.1.txt"), &a).ok());
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].lpar_name, "vios1");
  EXPECT_EQ(a[0].adapter_type, "server");
  EXPECT_EQ(a[0].slot_num, 2);
  EXPECT_EQ(a[0].remote_lpar_name, "nim1");
  EXPECT_EQ(a[0].remote_slot_num, "2");
  EXPECT_EQ(a[2].lpar_name, "nim1");
  EXPECT_EQ(a[2].adapter_type, "client");
  EXPECT_EQ(a[2].slot_num, 3);
  EXPECT_EQ(a[2].remote_lpar_id, "3");
  EXPECT_EQ(a[2].remote_lpar_name, "vios2");
}

TEST(LshwresVirtualIoTest, EthernetAdapters) {
  std::vector<VirtualEthAdapter> a;
  ASSERT_TRUE(ParseLshwresVirtualEth(Shared("hmc_lshwres_r_virtualio_rsubtype_eth.1.txt"), &a).ok());
  ASSERT_EQ(a.size(), 8u);
  EXPECT_EQ(a[1].lpar_name, "vios1");
  EXPECT_EQ(a[1].is_trunk, 0);
  EXPECT_FALSE(a[1].trunk_priority.has_value());
  EXPECT_EQ(a[2].slot_num, 7);
  EXPECT_EQ(a[2].is_trunk, 1);
  EXPECT_EQ(a[2].trunk_priority, 1);
  EXPECT_EQ(a[2].port_vlan_id, 7);
  EXPECT_TRUE(a[2].addl_vlan_ids.empty());
  EXPECT_EQ(a[2].mac_addr, "26E6B0002007");
  EXPECT_EQ(a[6].ieee_virtual_eth, 1);
}

TEST(LshwresVirtualIoTest, Slots) {
  std::vector<VirtualSlots> s;
  ASSERT_TRUE(ParseLshwresVirtualSlots(Shared("hmc_lshwres_r_virtualio_rsubtype_slot.1.txt"), &s).ok());
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[1].lpar_name, "vios1");
  EXPECT_EQ(s[1].curr_max_virtual_slots, 200);
  EXPECT_EQ(s[3].lpar_name, "nim1");
  EXPECT_EQ(s[3].next_avail_virtual_slot, 4);
}

TEST(LshwresTest, TheWrongListingLacksTheRequiredAttributes) {
  std::vector<SystemMemory> m;
  Status st = ParseLshwresMemSys(Shared("hmc_lshwres_r_proc_level_sys.1.txt"), &m);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("lshwres -r mem --level sys: line 1: no attribute configurable_sys_mem"),
            std::string::npos)
      << st.message();
  std::vector<VirtualSlots> s;
  st = ParseLshwresVirtualSlots(Shared("hmc_lshwres_r_virtualio_rsubtype_scsi.1.txt"), &s);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("line 1: no attribute curr_max_virtual_slots"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
