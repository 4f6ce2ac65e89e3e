// The dispatcher: command line -> parser -> JSON.
#include "drivers/aix/parse/parse_command.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(ParseCommandTest, PicksTheParserAndRendersJson) {
  nlohmann::json j;
  ASSERT_TRUE(ParseCommandOutput("lspv", Shared("lspv.13.txt"), &j).ok());
  EXPECT_EQ(j["command"], "lspv");
  EXPECT_EQ(j["parser"], "lspv");
  ASSERT_EQ(j["result"].size(), 31u);
  EXPECT_EQ(j["result"][27]["name"], "hdiskpower0");
  EXPECT_EQ(j["result"][27]["volume_group"], "hbvg");
  EXPECT_EQ(j["result"][27]["state"], "");
}

TEST(ParseCommandTest, ArgumentsChooseTheForm) {
  nlohmann::json j;
  ASSERT_TRUE(ParseCommandOutput("/usr/sbin/lspv hdisk0", Shared("lspv_hdisk.1.txt"), &j).ok());
  EXPECT_EQ(j["parser"], "lspv hdiskN");
  EXPECT_EQ(j["result"]["vgid"], "00c6ce9d00004c000000014302ee7629");
  ASSERT_TRUE(ParseCommandOutput("lspv -l hdisk0", Shared("lspv_l.1.txt"), &j).ok());
  EXPECT_EQ(j["result"]["logical_volumes"][0]["name"], "hd11admin");
  ASSERT_TRUE(ParseCommandOutput("lsvg rootvg", Shared("lsvg_rootvg.3.txt"), &j).ok());
  EXPECT_EQ(j["result"]["total_pps"], 798);
  ASSERT_TRUE(ParseCommandOutput("lsvg -o", Shared("lsvg_o.1.txt"), &j).ok());
  EXPECT_EQ(j["result"], nlohmann::json({"datavg", "rootvg"}));
  ASSERT_TRUE(ParseCommandOutput("lsdev -Cc disk", Data("seed_lsdev_Cc_disk.txt"), &j).ok());
  EXPECT_EQ(j["result"][0]["location"], "");
  ASSERT_TRUE(ParseCommandOutput("lspath -F \"status name path_id parent connection\"",
                                 Shared("lspath_F_status_name_path_id_parent_connection.1.txt"), &j)
                  .ok());
  EXPECT_EQ(j["result"][1]["path_id"], 1);
  ASSERT_TRUE(ParseCommandOutput("lsmap -vadaptor vhost5", Data("seed_lsmap_vhost5_during.txt"), &j).ok());
  EXPECT_EQ(j["result"][0]["client_partition_id"], 98);
  ASSERT_TRUE(ParseCommandOutput("df -g", Data("seed_df_g.txt"), &j).ok());
  EXPECT_EQ(j["result"]["unit"], "GB");
  EXPECT_TRUE(j["result"]["filesystems"][6]["size"].is_null());  // /proc
  ASSERT_TRUE(ParseCommandOutput("getconf DISK_SIZE /dev/hdisk1", Data("seed_getconf_disk_size_hdisk1.txt"), &j).ok());
  EXPECT_EQ(j["result"]["size_mb"], 51200);
}

TEST(ParseCommandTest, HmcCommands) {
  nlohmann::json j;
  ASSERT_TRUE(ParseCommandOutput("lssyscfg -m 9131-52A-6535CCG -r lpar", Shared("hmc_lssyscfg_r_lpar.1.txt"), &j).ok());
  EXPECT_EQ(j["parser"], "lssyscfg -r lpar");
  EXPECT_EQ(j["result"][3]["state"], "Not Activated");
  EXPECT_EQ(j["result"][3]["attributes"]["boot_mode"], "sms");
  ASSERT_TRUE(ParseCommandOutput("lshwres -r mem --level sys -m 9131-52A-6535CCG",
                                 Shared("hmc_lshwres_r_mem_level_sys.1.txt"), &j)
                  .ok());
  EXPECT_EQ(j["result"][0]["curr_avail_sys_mem"], 13696);
  ASSERT_TRUE(ParseCommandOutput("lssyscfg -r sys -F name,serial_num,state", Shared("hmc_lssyscfg_r_sys_F.1.txt"), &j).ok());
  EXPECT_EQ(j["parser"], "hmc -F");
  EXPECT_EQ(j["result"][0]["serial_num"], "6535CCG");
  ASSERT_TRUE(ParseCommandOutput("lshwres -r io --rsubtype slot -m X", Shared("hmc_lshwres_r_io_rsubtype_slot.1.txt"), &j).ok());
  EXPECT_EQ(j["parser"], "hmc records");
  EXPECT_EQ(j["result"][5]["feature_codes"], "5702,5705,5710,5712,5715,624");
  EXPECT_EQ(j["result"][1]["description"], "Inny kontroler pamięci masowej");
  ASSERT_TRUE(ParseCommandOutput("lssyscfg -r sys", Shared("hmc_lssyscfg_r_sys_no_results.1.txt"), &j).ok());
  EXPECT_TRUE(j["result"].empty());
}

TEST(ParseCommandTest, ErrorsNameTheCommandLine) {
  nlohmann::json j;
  Status s = ParseCommandOutput("lsvg -l altinst_rootvg", Shared("lsvg_l_altinst_rootvg_error.1.txt"), &j);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_EQ(s.message().rfind("'lsvg -l altinst_rootvg': lsvg -l: line 1: AIX message 0516-010", 0), 0u)
      << s.message();
  s = ParseCommandOutput("lshwres -m 9131-52A-6535CCG -r virtualio --level lpar --rsubtype fc",
                         Shared("hmc_error_HSCLA4C0_pl.1.txt"), &j);
  ASSERT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("HSCLA4C0"), std::string::npos);
}

TEST(ParseCommandTest, UnknownCommandsListTheSupportedOnes) {
  nlohmann::json j;
  Status s = ParseCommandOutput("errpt", Shared("errpt.1.txt"), &j);
  ASSERT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("unknown command"), std::string::npos);
  for (const std::string& c : SupportedCommands()) EXPECT_NE(s.message().find(c), std::string::npos) << c;
  EXPECT_TRUE(ParseCommandOutput("lsvg -P testvg", "", &j).IsInvalidArgument());
  EXPECT_TRUE(ParseCommandOutput("oslevel -r", "", &j).IsInvalidArgument());
  EXPECT_TRUE(ParseCommandOutput("lspath -AHE -l hdisk2", "", &j).IsInvalidArgument());
  EXPECT_TRUE(ParseCommandOutput("lspv \"hdisk0", "", &j).IsInvalidArgument());
  EXPECT_TRUE(ParseCommandOutput("", "", &j).IsInvalidArgument());
  EXPECT_TRUE(ParseCommandOutput("lssyscfg -r lpar -F --header", "", &j).IsInvalidArgument());
}

}  // namespace
}  // namespace lvu::drivers::aix
