// errpt and errpt -a on real outputs (aix-outputs, seed).
#include "drivers/aix/parse/errpt.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Data;
using testing::Shared;

TEST(ErrptTest, MigrationAndPathFailuresWithoutHeader) {
  std::vector<ErrorLogSummary> e;
  Status s = ParseErrpt(Shared("errpt.1.txt"), &e);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(e.size(), 20u);
  EXPECT_EQ(e[0].identifier, "A5E6DB96");
  EXPECT_EQ(e[0].timestamp, "0414083416");
  EXPECT_EQ(e[0].month, 4);
  EXPECT_EQ(e[0].day, 14);
  EXPECT_EQ(e[0].hour, 8);
  EXPECT_EQ(e[0].minute, 34);
  EXPECT_EQ(e[0].year, 16);
  EXPECT_EQ(e[0].type, "I");
  EXPECT_EQ(e[0].error_class, "S");
  EXPECT_EQ(e[0].resource_name, "pmig");
  EXPECT_EQ(e[0].description, "Client Partition Migration Completed");
  EXPECT_EQ(e[3].identifier, "1E67811B");
  EXPECT_EQ(e[3].type, "P");
  EXPECT_EQ(e[3].error_class, "H");
  EXPECT_EQ(e[3].description, "UNABLE TO COMMUNICATE WITH DEVICE");
  EXPECT_EQ(e[19].description, "Client Partition Migration Started");
}

TEST(ErrptTest, TruncatedDescriptionIsKeptAsPrinted) {
  std::vector<ErrorLogSummary> e;
  ASSERT_TRUE(ParseErrpt(Shared("errpt.3.txt"), &e).ok());
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].type, "T");
  EXPECT_EQ(e[0].resource_name, "vfchost12");
  EXPECT_EQ(e[0].description, "Virtual FC Host Adapter detected an erro");
  EXPECT_EQ(e[2].resource_name, "vfchost0");
}

TEST(ErrptTest, GrepSubsetAndTheSeedsLiveUpdateEntries) {
  std::vector<ErrorLogSummary> e;
  ASSERT_TRUE(ParseErrpt(Shared("errpt.5.grep.txt"), &e).ok());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].identifier, "60AFC9E5");
  EXPECT_EQ(e[0].error_class, "O");
  EXPECT_EQ(e[0].resource_name, "sys0");
  EXPECT_EQ(e[0].description, "Partition ID changed since last boot.");
  Status s = ParseErrpt(Data("seed_errpt_N_lvupdate.txt"), &e);  // with its header
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].identifier, "12295E0B");
  EXPECT_EQ(e[0].resource_name, "LVUPDATE");
  EXPECT_EQ(e[0].description, "Live AIX update completed successfully");
  EXPECT_EQ(e[1].identifier, "9A74C7AB");
  EXPECT_EQ(e[1].hour, 15);
  EXPECT_EQ(e[1].minute, 18);
  EXPECT_EQ(e[1].description, "Live AIX update started");
}

TEST(ErrptTest, NoEntryIsEmptyOutputButTheLongFormIsRejected) {
  std::vector<ErrorLogSummary> e;
  ASSERT_TRUE(ParseErrpt("", &e).ok());
  EXPECT_TRUE(e.empty());
  Status s = ParseErrpt(Shared("errpt_a.1.txt"), &e);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("errpt: line 1: fewer than 6 words: \"LABEL:"), std::string::npos) << s.message();
}

TEST(ErrptDetailedTest, DiskErrorWithVpdAndSections) {
  std::vector<ErrorLogDetail> d;
  Status s = ParseErrptDetailed(Shared("errpt_a.1.txt"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(d.size(), 1u);
  const ErrorLogDetail& e = d[0];
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.label, "DISK_ERR4");
  EXPECT_EQ(e.identifier, "49A83216");
  EXPECT_EQ(e.date_time, "Thu Sep 30 15:29:45 CST 2013");
  EXPECT_EQ(e.sequence_number, 25u);
  EXPECT_EQ(e.machine_id, "000788574C00");
  EXPECT_EQ(e.node_id, "localhost");
  EXPECT_EQ(e.error_class, "H");
  EXPECT_EQ(e.type, "TEMP");
  EXPECT_EQ(e.resource_name, "hdisk0");  // trailing blanks trimmed
  EXPECT_EQ(FindKey(e.fields, "Location")->value, "P1/Z1-A0");
  EXPECT_EQ(FindKey(e.fields, "VPD")->value, "");
  ASSERT_EQ(e.vpd.size(), 14u);
  EXPECT_EQ(e.vpd[0].key, "Manufacturer");
  EXPECT_EQ(e.vpd[0].value, "IBM");
  EXPECT_EQ(e.vpd[7].key, "Device Specific.(Z0)");
  EXPECT_EQ(e.vpd[7].value, "000003129F00013E");
  EXPECT_EQ(e.vpd[13].value, "162870 C");
  EXPECT_EQ(e.description, "DISK OPERATION ERROR");
  ASSERT_EQ(e.sections.size(), 7u);
  EXPECT_EQ(e.sections[1].title, "Probable Causes");
  EXPECT_EQ(e.sections[1].lines, (std::vector<std::string>{"MEDIA", "DASD DEVICE"}));
  EXPECT_EQ(e.sections[3].title, "Recommended Actions");
  EXPECT_EQ(e.sections[3].lines.size(), 2u);
  EXPECT_EQ(e.sections[6].title, "Detail Data");
  ASSERT_EQ(e.sections[6].lines.size(), 8u);
  EXPECT_EQ(e.sections[6].lines[0], "PATH ID");
  EXPECT_EQ(e.sections[6].lines[1], "0");
  EXPECT_EQ(e.sections[6].lines[7], "0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 001A 0000");
}

TEST(ErrptDetailedTest, PartitionIdChangeAfterItsSeparator) {
  std::vector<ErrorLogDetail> d;
  Status s = ParseErrptDetailed(Shared("errpt_aN_sys0.1.partial.txt"), &d);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].label, "PARTID_CHANGE");
  EXPECT_EQ(d[0].identifier, "60AFC9E5");
  EXPECT_EQ(d[0].date_time, "Wed Apr  5 13:25:53 EET 2017");
  EXPECT_EQ(d[0].sequence_number, 81372u);
  EXPECT_EQ(d[0].type, "INFO");
  EXPECT_EQ(FindKey(d[0].fields, "WPAR")->value, "Global");
  EXPECT_EQ(d[0].resource_name, "sys0");
  EXPECT_EQ(d[0].description, "Partition ID changed since last boot.");
  EXPECT_TRUE(d[0].vpd.empty());
}

TEST(ErrptDetailedTest, TwoRealEntriesEachAfterItsSeparator) {
  const std::string one = Shared("errpt_aN_sys0.1.partial.txt");
  std::vector<ErrorLogDetail> d;
  ASSERT_TRUE(ParseErrptDetailed(one + one, &d).ok());
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].line, 17);
  EXPECT_EQ(d[1].identifier, "60AFC9E5");
}

TEST(ErrptDetailedTest, RequiredKeysAndTheSummaryForm) {
  std::vector<ErrorLogDetail> d;
  ASSERT_TRUE(ParseErrptDetailed("", &d).ok());
  EXPECT_TRUE(d.empty());
  // The entry cut before its Description.
  Status s = ParseErrptDetailed(testing::LinesOf(Shared("errpt_aN_sys0.1.partial.txt"), 1, 12), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("errpt -a: line 2: entry without a Description section"), std::string::npos)
      << s.message();
  s = ParseErrptDetailed(testing::LinesOf(Shared("errpt_aN_sys0.1.partial.txt"), 1, 3), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 2: entry without a \"Date/Time:\" line"), std::string::npos) << s.message();
  s = ParseErrptDetailed(Shared("errpt.1.txt"), &d);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("errpt -a: line 1: not \"Key: value\""), std::string::npos) << s.message();
}

}  // namespace
}  // namespace lvu::drivers::aix
