// AIX messages (NNNN-NNN command: text) on real outputs.
#include "drivers/aix/parse/aix_message.h"

#include <gtest/gtest.h>

#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

TEST(AixMessageTest, LiveUpdateFailureWithHintLines) {
  AixMessages m;
  ASSERT_TRUE(ParseAixMessages(Shared("lvupdate_error_1430-246.1.txt"), &m).ok());
  ASSERT_EQ(m.messages.size(), 1u);
  EXPECT_EQ(m.messages[0].code, "1430-246");
  EXPECT_EQ(m.messages[0].severity, "FAILED");
  EXPECT_EQ(m.messages[0].command, "");
  EXPECT_EQ(m.messages[0].text,
            "No valid authentication with an HMC console. Use the 'hmcauth -l' command to check the HMC "
            "authentication. If needed, run 'hmcauth' command to authenticate with HMC. Check that the attributes "
            "of 'hmc' stanza in the lvupdate.data match the hmcauth values.");
}

TEST(AixMessageTest, LiveUpdateTitlesAndWarning) {
  AixMessages m;
  ASSERT_TRUE(ParseAixMessages(Shared("lvupdate_errors_1430.list.txt"), &m).ok());
  ASSERT_EQ(m.messages.size(), 4u);
  EXPECT_EQ(m.messages[2].code, "1430-244");
  EXPECT_EQ(m.messages[2].text, "file system(s) of unsupported type are mounted");
  EXPECT_EQ(m.messages[3].line, 4);
  ASSERT_TRUE(ParseAixMessages(Shared("lvupdate_warning_1430-187.1.txt"), &m).ok());
  EXPECT_EQ(m.messages[0].severity, "WARNING");
  EXPECT_EQ(m.messages[0].text, "Couldn't release the unreturned mobile CoD resources generated on CEC 'hostname'.");
}

TEST(AixMessageTest, LvmMessagesWithIndentedContinuations) {
  AixMessages m;
  ASSERT_TRUE(ParseAixMessages(Shared("mirrorvg_S.1.txt"), &m).ok());
  ASSERT_EQ(m.messages.size(), 2u);
  EXPECT_EQ(m.messages[0].code, "0516-1804");
  EXPECT_EQ(m.messages[0].command, "chvg");
  EXPECT_EQ(m.messages[0].text, "The quorum change takes effect immediately.");
  EXPECT_EQ(m.messages[1].code, "0516-1126");
  EXPECT_EQ(m.messages[1].command, "mirrorvg");
  EXPECT_EQ(m.messages[1].line, 2);
  EXPECT_EQ(m.messages[1].text,
            "rootvg successfully mirrored, user should perform bosboot of system to initialize boot records. Then, "
            "user must modify bootlist to include: hdisk1 hdisk0.");
  ASSERT_TRUE(ParseAixMessages(Shared("lsvg_l_rootvg_locked.1.txt"), &m).ok());
  EXPECT_EQ(m.messages[0].command, "lsvg");
  EXPECT_EQ(m.messages[0].severity, "Warning");
  ASSERT_TRUE(ParseAixMessages(Shared("unmirrorvg.1.txt"), &m).ok());
  ASSERT_EQ(m.messages.size(), 3u);
  EXPECT_EQ(m.messages[0].command, "rmlvcopy");
  EXPECT_EQ(m.messages[2].code, "0516-1144");
  // The file's last line is a copy/paste artefact (another prompt); being
  // indented, it reads as a continuation of the last message.
  EXPECT_NE(m.messages[2].text.find("reducevg rootvg hdisk1"), std::string::npos);
}

TEST(AixMessageTest, NoCommandAndAPreamble) {
  AixMessages m;
  ASSERT_TRUE(ParseAixMessages(Shared("lsvg_l_altinst_rootvg_error.1.txt"), &m).ok());
  EXPECT_EQ(m.messages[0].code, "0516-010");
  EXPECT_EQ(m.messages[0].command, "");
  EXPECT_EQ(m.messages[0].text, "Volume group must be varied on; use varyonvg command.");
  ASSERT_TRUE(ParseAixMessages(Shared("rmpath_error_0514-076.1.txt"), &m).ok());
  EXPECT_EQ(m.preamble, std::vector<std::string>({"Method error (/usr/lib/methods/undefine):"}));
  EXPECT_EQ(m.messages[0].code, "0514-076");
  EXPECT_EQ(m.messages[0].line, 2);
  EXPECT_EQ(m.messages[0].text,
            "Cannot perform the requested function because the specified paths include all paths for the device.");
  ASSERT_TRUE(ParseAixMessages(Shared("extendvg_msg.1.txt"), &m).ok());
  EXPECT_EQ(m.messages[0].command, "extendvg");
  EXPECT_EQ(m.messages[0].text, "Changing the PVID in the ODM.");
}

TEST(AixMessageTest, AWarningWithoutANumberIsNoMessage) {
  AixMessages m;
  Status s = ParseAixMessages(Shared("chps_warning_lquerypv.1.txt"), &m);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 1: no AIX message"), std::string::npos) << s.message();
  EXPECT_FALSE(IsAixMessageLine("7200-05-05-2246"));  // oslevel -s is no message
  EXPECT_TRUE(IsAixMessageLine("0516-010 : Volume group must be varied on; use varyonvg command."));
}

}  // namespace
}  // namespace lvu::drivers::aix
