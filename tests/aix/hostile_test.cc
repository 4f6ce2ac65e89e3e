// Hostile input to every parser, through the dispatcher: empty output,
// bytes that are not text, real tables cut short, a huge line, random bytes.
// Each gives a Status naming the command and the line, never a crash or a
// guess. (These inputs are made to be broken; they do not pose as output.)
#include <gtest/gtest.h>

#include <random>

#include "drivers/aix/parse/parse_command.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;

const std::vector<std::string> kCommands = {
    "lspv", "lspv hdisk0", "lspv -l hdisk0", "lspath", "lspath -F \"status name parent\"", "lsvg", "lsvg -o",
    "lsvg rootvg", "lsvg -l rootvg", "lsvg -p rootvg", "lsdev -Cc disk", "lsdev -Cc disk -F name:description",
    "bootlist -m normal -o", "oslevel -s", "emgr -l", "lparstat -i", "uname -L", "df -g",
    "getconf DISK_SIZE /dev/hdisk0", "bootinfo -s hdisk0", "lsmap -all", "lssyscfg -r sys", "lssyscfg -r lpar",
    "lssyscfg -r prof", "lssyscfg -r lpar -F name,state", "lshwres -r proc --level sys",
    "lshwres -r proc --level lpar", "lshwres -r mem --level sys", "lshwres -r mem --level lpar",
    "lshwres -r virtualio --rsubtype scsi", "lshwres -r virtualio --rsubtype eth",
    "lshwres -r virtualio --rsubtype slot", "lssysconn -r all", "lsps -a", "lsattr -El hdisk0",
    "lsattr -EOl hdisk0 -a size_in_mb", "genkex", "genkex -d", "errpt", "errpt -a", "ps -ef", "lsmpio",
    "lsmpio -l hdisk0", "lsmpio -ar", "smtctl"};

// Empty output is a valid answer only where documented: lspath (no path
// matched), errpt and errpt -a (no entry).
bool EmptyIsValid(const std::string& c) { return c.rfind("lspath", 0) == 0 || c.rfind("errpt", 0) == 0; }

void ExpectLineError(const std::string& command, const std::string& text, const std::string& line) {
  nlohmann::json j;
  Status s = ParseCommandOutput(command, text, &j);
  ASSERT_FALSE(s.ok()) << command;
  EXPECT_FALSE(s.IsInvalidArgument()) << command << ": " << s.ToString();
  EXPECT_NE(s.message().find(line), std::string::npos) << command << ": " << s.ToString();
  EXPECT_LT(s.message().size(), 1000u) << command;
}

TEST(HostileTest, EmptyOutput) {
  for (const std::string& c : kCommands) {
    nlohmann::json j;
    if (EmptyIsValid(c)) {
      ASSERT_TRUE(ParseCommandOutput(c, "", &j).ok()) << c;
      EXPECT_TRUE(j["result"].empty());
      continue;
    }
    ExpectLineError(c, "", "line 1 (end of output)");
    ExpectLineError(c, "\n\n", "line 3 (end of output)");
  }
}

TEST(HostileTest, BytesThatAreNotText) {
  const std::string garbage = std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10) + "\xff\xfe\n";
  for (const std::string& c : kCommands) {
    ExpectLineError(c, garbage, "line 1: not text: byte x7f at column 1");
    // After a real line: the garbage is on line 2.
    ExpectLineError(c, "7200-05-05-2246\n" + garbage, "line ");
  }
  nlohmann::json j;
  Status s = ParseCommandOutput("lspv", Shared("lspv.13.txt") + "\xc3(bad utf-8)\n", &j);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_NE(s.message().find("line 32: not text: byte xc3 at column 1: \"\\xc3(bad utf-8)\""), std::string::npos)
      << s.message();
}

TEST(HostileTest, AHugeLine) {
  const std::string huge(1 << 20, 'A');
  for (const std::string& c : kCommands) ExpectLineError(c, huge + "\n", "line 1:");
  nlohmann::json j;
  Status s = ParseCommandOutput("lspv", huge, &j);
  EXPECT_NE(s.message().find("(and 1048416 more bytes)"), std::string::npos) << s.message();
}

TEST(HostileTest, RealTablesCutShort) {
  // Each real file cut in the middle of a line.
  struct Cut {
    const char* command;
    const char* file;
    int line;       // cut in this line (1-based)...
    size_t keep;    // ...after this many bytes of it
    const char* expect;
  };
  const Cut cuts[] = {
      {"lspv", "lspv.13.txt", 5, 20, "lspv: line 5: 2 columns"},
      {"lsvg -l rootvg", "lsvg_l_rootvg.1.txt", 4, 36, "lsvg -l: line 4: LPs, PPs or PVs is not a number"},
      {"lsvg -l rootvg", "lsvg_l_rootvg.1.txt", 2, 30, "lsvg -l: line 2: header without column \"LPs\""},
      {"lsvg -p rootvg", "lsvg_p_rootvg.1.txt", 3, 40, "lsvg -p: line 3: TOTAL PPs or FREE PPs"},
      {"lsvg rootvg", "lsvg_rootvg.3.txt", 2, 50, "lsvg VG: line 3 (end of output): no \"PP SIZE:\" line"},
      {"emgr -l", "emgr_l.1.txt", 3, 28, "emgr -l: line 3: row cut short"},
      {"lsdev -Cc disk", "lsdev_Cc_disk.3.txt", 9, 16, "lsdev: line 9:"},
      {"df", "df.1.txt", 4, 30, "df: line 4: fewer than 7 columns"},
      {"lsmap -all", "vios_lsmap_all.1.txt", 2, 10, "lsmap: line 3 (end of output): no adapter line"},
      {"lssyscfg -r prof", "hmc_lssyscfg_r_prof.1.txt", 3, 400, "lssyscfg -r prof: line 3: double quote not closed"},
      {"lssyscfg -r lpar", "hmc_lssyscfg_r_lpar.1.txt", 2, 16, "lssyscfg -r lpar: line 2: field 2 is not name=value (\"lpar_\")"},
      {"bootlist -m normal -o", "bootlist_m_normal_o.1.txt", 2, 20, "bootlist: line 2: word 3 is not name=value"},
      {"oslevel -s", "oslevel_s.1.txt", 1, 9, "oslevel -s: line 1: not VVRR-TL-SP-YYWW"},
      {"lparstat -i", "lparstat_i.1.txt", 10, 12, "lparstat -i: line 10: not \"Key : value\""},
      {"lsps -a", "lsps_a.1.txt", 2, 40, "lsps -a: line 2: 3 words where the header has 9 columns"},
      {"lsattr -El hdisk4", "lsattr_El_hdisk.1.txt", 10, 40, "lsattr -E: line 10: last word is not True or False"},
      {"lsattr -EOl hdisk0 -a size_in_mb", "lsattr_EOl_size_in_mb.1.txt", 2, 0,
       "lsattr -O: line 2 (end of output): no value line after the names"},
      {"genkex -d", "genkex_d.1.txt", 3, 30, "genkex: line 3: row without its file"},
      {"errpt", "errpt.1.txt", 5, 14, "errpt: line 5: fewer than 6 words"},
      {"errpt -a", "errpt_aN_sys0.1.partial.txt", 3, 10, "errpt -a: line 3: not \"Key: value\""},
      {"ps -ef", "ps_ef.1.partial.txt", 1, 40, "ps -ef: line 1: row without TTY, TIME and command"},
      {"lsmpio", "lsmpio.1.txt", 4, 20, "lsmpio: line 4: empty column 4"},
      {"lsmpio -ar", "lsmpio_ar.1.txt", 6, 30, "lsmpio -ar: line 6: 1 words where a port row has 6"},
      {"smtctl", "smtctl.1.txt", 9, 20, "smtctl: line 9: not an smtctl sentence"},
  };
  for (const Cut& c : cuts) {
    const std::string all = Shared(c.file);
    std::string text = testing::LinesOf(all, 1, c.line - 1);
    text += testing::LinesOf(all, c.line, c.line).substr(0, c.keep);
    ExpectLineError(c.command, text, c.expect);
  }
}

TEST(HostileTest, RandomBytes) {
  std::mt19937 rng(20151005);
  for (const std::string& c : kCommands) {
    for (int round = 0; round < 20; ++round) {
      std::string text(static_cast<size_t>(rng() % 4096), '\0');
      for (char& ch : text) ch = static_cast<char>(rng() % 256);
      nlohmann::json j;
      Status s = ParseCommandOutput(c, text, &j);
      if (s.ok()) {
        EXPECT_NO_THROW((void)j.dump());
        continue;
      }
      EXPECT_NE(s.message().find("line "), std::string::npos) << c << ": " << s.ToString();
    }
  }
}

}  // namespace
}  // namespace lvu::drivers::aix
