// The HMC's name=value,... tokenizer on real outputs.
#include "drivers/aix/parse/hmc_attrs.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::LinesOf;
using testing::Shared;

TEST(HmcAttrsTest, QuotedFieldsWithCommas) {
  std::vector<HmcRecord> r;
  Status s = ParseHmcAttrRecords("lssyscfg -r prof", Shared("hmc_lssyscfg_r_prof.1.txt"), &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[2].line, 3);
  EXPECT_EQ(*r[2].Find("lpar_name"), "vios2");
  EXPECT_EQ(*r[2].Find("io_slots"), "21010002/none/1,21050003/none/1");
  EXPECT_EQ(*r[2].Find("virtual_scsi_adapters"), "2/server/5/nim1/3/0");
  EXPECT_EQ(r[2].attrs.front().name, "name");
  EXPECT_EQ(r[2].attrs.back().name, "redundant_err_path_reporting");
  EXPECT_EQ(r[2].Find("no_such_attribute"), nullptr);
}

TEST(HmcAttrsTest, DoubledQuotesNestAList) {
  std::vector<HmcRecord> r;
  ASSERT_TRUE(ParseHmcAttrRecords("lssyscfg -r prof", Shared("hmc_lssyscfg_r_prof.1.txt"), &r).ok());
  EXPECT_EQ(*r[5].Find("virtual_eth_adapters"), "\"2/1/1/3,4,5/0/1\"");
  std::vector<std::string> items;
  ASSERT_TRUE(SplitHmcList(*r[5].Find("virtual_eth_adapters"), &items));
  EXPECT_EQ(items, std::vector<std::string>({"2/1/1/3,4,5/0/1"}));
  ASSERT_TRUE(ParseHmcAttrRecords("lssyscfg -r prof", Shared("hmc_lssyscfg_r_prof.3.txt"), &r).ok());
  ASSERT_TRUE(SplitHmcList(*r[0].Find("virtual_fc_adapters"), &items));
  EXPECT_EQ(items, std::vector<std::string>({"504/client/2/vio_server1/8/c050760431670010,c050760431670011/1",
                                             "604/client/3/vio_server2/5/c050760431670012,c050760431670013/1"}));
  ASSERT_TRUE(SplitHmcList(*r[0].Find("virtual_eth_adapters"), &items));
  EXPECT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1], "11/0/97//0/0/ETHERNET0//all/none");
  ASSERT_TRUE(SplitHmcList(*r[0].Find("io_slots"), &items));
  EXPECT_TRUE(items.empty());  // "none"
}

TEST(HmcAttrsTest, BlanksEmptyValuesAndDifferentSets) {
  std::vector<HmcRecord> r;
  ASSERT_TRUE(ParseHmcAttrRecords("lssyscfg -r lpar", Shared("hmc_lssyscfg_r_lpar.1.txt"), &r).ok());
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(*r[3].Find("state"), "Not Activated");
  EXPECT_EQ(*r[3].Find("rmc_ipaddr"), "");
  EXPECT_EQ(*r[0].Find("os_version"), "AIX 6.1 6100-00-01-0748");
  EXPECT_NE(r[0].Find("boot_mode"), nullptr);
  EXPECT_EQ(r[1].Find("boot_mode"), nullptr);  // the VIOS line has none
  EXPECT_EQ(r[0].attrs.size(), 20u);
  EXPECT_EQ(r[1].attrs.size(), 19u);
  ASSERT_TRUE(ParseHmcAttrRecords("lssyscfg -r sys", Shared("hmc_lssyscfg_r_sys.1.txt"), &r).ok());
  EXPECT_EQ(*r[0].Find("sys_time"), "10/14/2017 19:45:21");
  EXPECT_EQ(*r[0].Find("power_on_type"), "power on");
  EXPECT_EQ(*r[0].Find("5250_application_capable"), "0");
}

TEST(HmcAttrsTest, AQuotedValueOverSeveralLines) {
  std::vector<HmcRecord> r;
  ASSERT_TRUE(ParseHmcAttrRecords("lshmc -V", Shared("hmc_lshmc_V.1.txt"), &r).ok());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(*r[0].Find("version"), " Version: 7\n Release: 7.9.0\n Service Pack: 3\nHMC Build level 20151216.1\n");
  EXPECT_EQ(*r[0].Find("base_version"), "V7R7.9.0\n");
  ASSERT_TRUE(ParseHmcAttrRecords("lshmc -V", Shared("hmc_lshmc_V.3.txt"), &r).ok());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_NE(r[0].Find("version")->find("MF71703 - iFix for HMC V10R3 M1060"), std::string::npos);
}

TEST(HmcAttrsTest, ValueForm) {
  std::vector<HmcRecord> r;
  ASSERT_TRUE(ParseHmcValueRecords("lssyscfg -F", Shared("hmc_lssyscfg_r_lpar_F_name_state.1.txt"),
                                   {"name", "state"}, &r)
                  .ok());
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(*r[0].Find("name"), "AIX-test-restore");
  EXPECT_EQ(*r[0].Find("state"), "Not Activated");
  Status s = ParseHmcValueRecords("lssyscfg -F", Shared("hmc_lssyscfg_r_lpar_F_name_state.1.txt"),
                                  {"name", "lpar_id", "state"}, &r);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("lssyscfg -F: line 1: 2 fields where -F asked for 3"), std::string::npos)
      << s.message();
}

TEST(HmcAttrsTest, ATruncatedRecord) {
  std::vector<HmcRecord> r;
  Status s = ParseHmcAttrRecords("lssyscfg -r prof", Shared("hmc_lssyscfg_r_prof.7.partial.txt"), &r);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 1: field 33 is not name=value (\"conn_monitorin\")"), std::string::npos)
      << s.message();
}

TEST(HmcAttrsTest, AnUnclosedQuote) {
  // The first 600 bytes of a real line, cut inside "virtual_serial_adapters=...".
  const std::string line = LinesOf(Shared("hmc_lssyscfg_r_prof.1.txt"), 1, 1);
  const size_t cut = line.find("\"virtual_serial_adapters=") + 10;
  std::vector<HmcRecord> r;
  Status s = ParseHmcAttrRecords("lssyscfg -r prof", line.substr(0, cut), &r);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 1: double quote not closed"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
