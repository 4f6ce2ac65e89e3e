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
  Status s = ParseCommandOutput("bosboot -ad /dev/ipldevice", Shared("bosboot_ad.1.txt"), &j);
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

TEST(ParseCommandTest, TheFamiliesOfPagingKernelErrorLogProcessesAndMultipath) {
  struct Case {
    const char* command;
    const char* file;
    const char* parser;
  };
  const Case cases[] = {
      {"lsps -a", "lsps_a.1.txt", "lsps -a"},
      {"lsattr -Elmem0", "lsattr_El_mem0.1.txt", "lsattr"},
      {"lsattr -E -l hdisk4", "lsattr_El_hdisk.1.txt", "lsattr"},
      {"lsattr -EOl hdisk0 -a size_in_mb", "lsattr_EOl_size_in_mb.1.txt", "lsattr -O"},
      {"genkex -d", "genkex_d.1.txt", "genkex"},
      {"errpt", "errpt.1.txt", "errpt"},
      {"errpt -N sys0", "errpt.5.grep.txt", "errpt"},
      {"errpt -aN sys0", "errpt_aN_sys0.1.partial.txt", "errpt -a"},
      {"/usr/bin/ps -ef", "lsmpio.1.txt", ""},  // the wrong output: Corruption
      {"lsmpio -l hdisk2", "lsmpio_l.1.txt", "lsmpio"},
      {"lsmpio -ar", "lsmpio_ar.1.txt", "lsmpio -ar"},
      {"smtctl", "smtctl.1.txt", "smtctl"},
  };
  for (const Case& c : cases) {
    nlohmann::json j;
    Status s = ParseCommandOutput(c.command, Shared(c.file), &j);
    if (std::string(c.parser).empty()) {
      ASSERT_TRUE(s.IsCorruption()) << c.command << ": " << s.ToString();
      EXPECT_NE(s.message().find("'/usr/bin/ps -ef': ps -ef: line 1:"), std::string::npos) << s.message();
      continue;
    }
    ASSERT_TRUE(s.ok()) << c.command << ": " << s.ToString();
    EXPECT_EQ(j["parser"], c.parser) << c.command;
  }
  nlohmann::json j;
  ASSERT_TRUE(ParseCommandOutput("lsattr -El proc0", Shared("lsattr_El_proc0.1.txt"), &j).ok());
  EXPECT_EQ(j["result"][4]["value"], "PowerPC_POWER5");
  EXPECT_EQ(j["result"][4]["user_settable"], false);
  for (const char* c : {"lsps -s", "lsattr -Rl hdisk0 -a queue_depth", "lsattr -El", "lsattr -E -D -l hdisk0",
                        "ps aux", "ps -e", "lsmpio -q", "lsmpio -a", "smtctl -t 4", "genkex -x", "errpt -A",
                        "errpt hdisk0"}) {
    EXPECT_TRUE(ParseCommandOutput(c, "", &j).IsInvalidArgument()) << c;
  }
}

}  // namespace
}  // namespace lvu::drivers::aix
