// Every file of /work/shared/aix-outputs: parsed through ParseCommandOutput
// with the command of its index.tsv line, or listed here as not covered with
// the reason (drivers/aix/parse/COVERAGE.md says the same).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "drivers/aix/parse/aix_message.h"
#include "drivers/aix/parse/parse_command.h"
#include "tests/aix/test_util.h"

namespace lvu::drivers::aix {
namespace {

using testing::Shared;
using testing::SharedDir;
using testing::StripElisions;

struct IndexRow {
  std::string file, command, quality;
};

std::vector<IndexRow> ReadIndex() {
  std::istringstream in(Shared("index.tsv"));
  std::string line;
  std::vector<IndexRow> rows;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string cell;
    std::istringstream cells(line);
    while (std::getline(cells, cell, '\t')) f.push_back(cell);
    if (f.size() >= 4) rows.push_back({f[0], f[1], f[3]});
  }
  return rows;
}

// The command line of an index entry: without the author's remark in
// parentheses ("df (512-byte blocks, no -g)") and the pipe after it
// ("lspath -F ... | grep -w hdisk3").
std::string CommandLine(const std::string& c) {
  std::string s = c;
  if (size_t p = s.find(" ("); p != std::string::npos) s = s.substr(0, p);
  if (size_t p = s.find(" | "); p != std::string::npos) s = s.substr(0, p);
  return s;
}

// Files the dispatcher does not cover, and why.
const std::map<std::string, std::string>& NotCovered() {
  static const auto* m = new std::map<std::string, std::string>{
      {"bosboot_ad.1.txt", "bosboot: a status line, not a listing"},
      {"chfs_msg.1.txt", "chfs: a status line, not a listing"},
      {"chps_warning_lquerypv.1.txt", "a warning without a message number (lquerypv on stderr)"},
      {"emgr_e_apar_ref.1.partial.txt", "emgr -e (install log excerpt): not a listing"},
      {"extendvg_msg.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"geninstall_k_progress_timestamped.1.partial.txt", "geninstall -k progress: not in scope"},
      {"hmc_error_HSCL3653.1.txt", "mkauthkeys is not a listing; its HSCL error: CheckHmcMessage (hmc_message_test)"},
      {"hmc_lssyscfg_r_lpar_F_header.1.wrapped.txt", "-F without a list (--header), and the lines are terminal-wrapped"},
      {"hmcauth_error.1.partial.txt", "AIX hmcauth, cut mid-message by the source"},
      {"lspath_AHE.1.txt", "lspath -A: path attributes, not paths"},
      {"lspath_a_priority_F_value.1.txt", "lspath -a: a path attribute's value, not paths"},
      {"lsvg_vg+lsvg_p+lsvg_P.1.txt", "three outputs concatenated (lsvg -P unsupported); lines 1-17 and 18-20 in lsvg_test"},
      {"lvupdate_error_1430-246.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"lvupdate_errors_1430.list.txt", "not a command's output; ParseAixMessages (aix_message_test)"},
      {"lvupdate_warning_1430-187.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"mirrorvg_S.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"rmdev_dl.1.txt", "rmdev: a status line, not a listing"},
      {"rmpath_dl.1.txt", "rmpath: a status line, not a listing"},
      {"rmpath_error_0514-076.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"uname_f.1.txt", "uname -f: not in scope (only -L)"},
      {"unmirrorvg.1.txt", "an AIX message: ParseAixMessages (aix_message_test)"},
      {"vios_lsmap_npiv_all_fmt_colon.1.txt", "lsmap -npiv -fmt: optional, not done"},
  };
  return *m;
}

// Covered files whose documented outcome is an error.
const std::map<std::string, Status::Code>& ExpectedErrors() {
  static const auto* m = new std::map<std::string, Status::Code>{
      {"hmc_error_HSCLA4C0_pl.1.txt", Status::Code::kFailed},
      {"hmc_error_invalid_attribute_pl.1.txt", Status::Code::kFailed},
      {"hmc_error_invalid_parameter.1.txt", Status::Code::kFailed},
      {"hmc_lssyscfg_r_prof.7.partial.txt", Status::Code::kCorruption},  // cut after "conn_monitorin"
      {"lsvg_l_altinst_rootvg_error.1.txt", Status::Code::kFailed},      // 0516-010
      {"lsvg_l_rootvg_locked.1.txt", Status::Code::kFailed},             // 0516-1201
  };
  return *m;
}

TEST(AllOutputsTest, EveryFileIsIndexed) {
  std::set<std::string> indexed;
  for (const IndexRow& r : ReadIndex()) indexed.insert(r.file);
  EXPECT_GE(indexed.size(), 118u);
  for (const auto& e : std::filesystem::directory_iterator(SharedDir())) {
    const std::string name = e.path().filename().string();
    if (name == "index.tsv" || name == "README.md") continue;
    EXPECT_TRUE(indexed.count(name)) << name << " is not in index.tsv";
  }
}

TEST(AllOutputsTest, EveryCoveredFileParsesOrFailsAsDocumented) {
  int parsed = 0, failed_as_documented = 0, not_covered = 0;
  for (const IndexRow& r : ReadIndex()) {
    std::string text = Shared(r.file);
    if (r.quality.find("PARTIAL") != std::string::npos) text = StripElisions(text);
    const std::string cl = CommandLine(r.command);
    nlohmann::json j;
    const Status s = ParseCommandOutput(cl, text, &j);
    SCOPED_TRACE(r.file + " [" + cl + "]: " + s.ToString());
    if (NotCovered().count(r.file)) {
      EXPECT_TRUE(s.IsInvalidArgument()) << "covered after all: remove it from NotCovered()";
      ++not_covered;
      continue;
    }
    EXPECT_FALSE(s.IsInvalidArgument()) << "no parser picked: add one or list the file in NotCovered()";
    auto it = ExpectedErrors().find(r.file);
    if (it != ExpectedErrors().end()) {
      EXPECT_EQ(s.code(), it->second);
      EXPECT_NE(s.message().find("line 1"), std::string::npos);
      ++failed_as_documented;
      continue;
    }
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(j["command"], cl);
    EXPECT_FALSE(j["parser"].get<std::string>().empty());
    EXPECT_NO_THROW((void)j.dump());
    ++parsed;
  }
  EXPECT_EQ(parsed, 91);
  EXPECT_EQ(failed_as_documented, 6);
  EXPECT_EQ(not_covered, 22);
}

TEST(AllOutputsTest, EveryMessageFileHoldsAixMessages) {
  for (const char* f : {"extendvg_msg.1.txt", "lsvg_l_altinst_rootvg_error.1.txt", "lsvg_l_rootvg_locked.1.txt",
                        "lvupdate_error_1430-246.1.txt", "lvupdate_errors_1430.list.txt",
                        "lvupdate_warning_1430-187.1.txt", "mirrorvg_S.1.txt", "rmpath_error_0514-076.1.txt",
                        "unmirrorvg.1.txt"}) {
    AixMessages m;
    Status s = ParseAixMessages(Shared(f), &m);
    EXPECT_TRUE(s.ok()) << f << ": " << s.ToString();
    EXPECT_FALSE(m.messages.empty()) << f;
  }
}

}  // namespace
}  // namespace lvu::drivers::aix
