// HMC lssyscfg -r sys | lpar | prof on real outputs.
#include "drivers/aix/parse/hmc_lssyscfg.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(LssyscfgSysTest, ManagedSystems) {
  std::vector<ManagedSystem> s;
  ASSERT_TRUE(ParseLssyscfgSys(Shared("hmc_lssyscfg_r_sys.1.txt"), &s).ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].name, "9131-52A-6535CCG");
  EXPECT_EQ(s[0].type_model, "9131-52A");
  EXPECT_EQ(s[0].serial_num, "6535CCG");
  EXPECT_EQ(s[0].ipaddr, "192.168.200.39");
  EXPECT_EQ(s[0].state, "Operating");
  EXPECT_EQ(*s[0].record.Find("max_lpars"), "20");
  ASSERT_TRUE(ParseLssyscfgSys(Shared("hmc_lssyscfg_r_sys.3.txt"), &s).ok());
  EXPECT_EQ(s[0].name, "op710-1-SN1008B1A");
  EXPECT_EQ(s[0].type_model, "9123-710");
}

TEST(LssyscfgLparTest, Partitions) {
  std::vector<HmcPartition> p;
  Status st = ParseLssyscfgLpar(Shared("hmc_lssyscfg_r_lpar.1.txt"), &p);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0].name, "nim1");
  EXPECT_EQ(p[0].lpar_id, 5);
  EXPECT_EQ(p[0].lpar_env, "aixlinux");
  EXPECT_EQ(p[0].state, "Running");
  EXPECT_EQ(p[0].os_version, "AIX 6.1 6100-00-01-0748");
  EXPECT_EQ(p[0].rmc_state, "active");
  EXPECT_EQ(p[0].rmc_ipaddr, "192.168.200.235");
  EXPECT_EQ(p[1].lpar_env, "vioserver");
  EXPECT_EQ(p[1].os_version, "Nieznane");  // "Unknown" on a Polish HMC
  EXPECT_EQ(OsLevelOf(p[0].os_version), "6100-00-01-0748");
  EXPECT_EQ(OsLevelOf(p[1].os_version), "");
  EXPECT_EQ(OsLevelOf("AIX 7100-00-00-0000"), "");      // no release: not an HMC's form
  EXPECT_EQ(OsLevelOf("AIX 7.2 7100-00-00-0000"), "");  // a release that is not the level's
  EXPECT_EQ(p[3].name, "dump");
  EXPECT_EQ(p[3].state, "Not Activated");
  EXPECT_EQ(p[3].rmc_ipaddr, "");
  EXPECT_EQ(p[3].curr_profile, "test_1");
  ASSERT_TRUE(ParseLssyscfgLpar(Shared("hmc_lssyscfg_r_lpar.3.txt"), &p).ok());
  EXPECT_EQ(OsLevelOf(p[0].os_version), "7100-00-00-0000");
  EXPECT_EQ(p[0].lpar_id, 15);
  EXPECT_EQ(*p[0].record.Find("curr_lpar_proc_compat_mode"), "POWER7");
}

TEST(LssyscfgProfTest, ProfilesWithAdapterLists) {
  std::vector<HmcProfile> p;
  Status st = ParseLssyscfgProf(Shared("hmc_lssyscfg_r_prof.1.txt"), &p);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].name, "normal");
  EXPECT_EQ(p[0].lpar_name, "nim1");
  EXPECT_EQ(p[0].lpar_id, 5);
  EXPECT_EQ(p[0].desired_mem, 6144);
  EXPECT_EQ(p[0].max_mem, 10240);
  EXPECT_EQ(p[0].proc_mode, "shared");
  EXPECT_DOUBLE_EQ(*p[0].desired_proc_units, 0.3);
  EXPECT_EQ(p[0].virtual_scsi_adapters,
            std::vector<std::string>({"2/client/2/vios1/2/1", "3/client/3/vios2/2/1"}));
  EXPECT_TRUE(p[0].io_slots.empty());
  EXPECT_EQ(p[2].lpar_name, "vios2");
  EXPECT_EQ(p[2].io_slots, std::vector<std::string>({"21010002/none/1", "21050003/none/1"}));
  EXPECT_EQ(p[3].io_slots.size(), 4u);
  EXPECT_EQ(p[4].name, "normal_running");
  EXPECT_EQ(p[5].virtual_eth_adapters, std::vector<std::string>({"2/1/1/3,4,5/0/1"}));
  EXPECT_TRUE(p[5].virtual_scsi_adapters.empty());
}

TEST(LssyscfgProfTest, VirtualFibreChannelAndDedicatedProcessors) {
  std::vector<HmcProfile> p;
  ASSERT_TRUE(ParseLssyscfgProf(Shared("hmc_lssyscfg_r_prof.3.txt"), &p).ok());
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].proc_mode, "ded");
  EXPECT_EQ(p[0].desired_procs, 1);
  EXPECT_FALSE(p[0].desired_proc_units.has_value());
  ASSERT_EQ(p[0].virtual_fc_adapters.size(), 2u);
  EXPECT_EQ(p[0].virtual_fc_adapters[1], "604/client/3/vio_server2/5/c050760431670012,c050760431670013/1");
  ASSERT_TRUE(ParseLssyscfgProf(Shared("hmc_lssyscfg_r_prof.5.txt"), &p).ok());
  EXPECT_EQ(p[0].lpar_env, "vioserver");
  EXPECT_EQ(p[0].io_slots.size(), 5u);
  EXPECT_EQ(p[0].virtual_fc_adapters, std::vector<std::string>({"21/server/10/bt11/21//0", "22/server/10/bt11/22//0"}));
}

TEST(LssyscfgProfTest, TruncatedExcerpt) {
  std::vector<HmcProfile> p;
  Status st = ParseLssyscfgProf(Shared("hmc_lssyscfg_r_prof.7.partial.txt"), &p);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("lssyscfg -r prof: line 1: field 33"), std::string::npos) << st.message();
}

TEST(LssyscfgLparTest, AProfileIsNoPartition) {
  // A profile record has a name and an lpar_id but no state.
  std::vector<HmcPartition> p;
  Status st = ParseLssyscfgLpar(Shared("hmc_lssyscfg_r_prof.1.txt"), &p);
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("lssyscfg -r lpar: line 1: no attribute state"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
