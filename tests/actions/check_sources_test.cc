// The fact sources each check reads (check.h, SourcesOf): a source the driver
// left unread makes exactly the checks reading it FAIL, naming the source and
// its commands; checked by hand (the driver's checked_by_hand), they print
// INFO. No check PASSes on a fact nobody read.
#include <gtest/gtest.h>

#include "actions/validation/checks/check.h"
#include "actions/validation/checks/sizes.h"
#include "drivers/fact_sources.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions {
namespace {

const CheckLine* Line(const std::vector<CheckLine>& lines, const std::string& name) {
  for (const auto& l : lines)
    if (l.name == name) return &l;
  return nullptr;
}

TEST(CheckSourcesTest, EveryCheckOfTheFactsNamesKnownSources) {
  for (const CheckDef& d : AllChecks()) {
    const auto& sources = SourcesOf(d.name);
    if (d.needs & (kNeedOs | kNeedHmcFacts)) {
      EXPECT_FALSE(sources.empty()) << d.name << " reads facts: which?";
    }
    for (const std::string& key : sources) {
      const drivers::FactSource* src = drivers::FindFactSource(key);
      ASSERT_NE(src, nullptr) << d.name << " reads " << key;
      EXPECT_NE(src->site, drivers::FactSite::kProcesses) << d.name << " reads " << key;
      EXPECT_TRUE(src->site == drivers::FactSite::kHmc ? (d.needs & kNeedHmcFacts) : (d.needs & kNeedOs))
          << d.name << " reads " << key;
    }
  }
  // And no source is read by no check (the process sources: by the process
  // checks, process_checks_test).
  for (const drivers::FactSource& src : drivers::AllFactSources()) {
    if (src.site == drivers::FactSite::kProcesses) continue;
    bool used = false;
    for (const CheckDef& d : AllChecks()) {
      for (const auto& key : SourcesOf(d.name)) used = used || key == src.key;
    }
    EXPECT_TRUE(used) << src.key;
  }
}

TEST(CheckSourcesTest, AnUnreadSourceFailsItsChecksAndCheckedByHandTheyAreInfo) {
  testing::Lab lab;
  lab.Authenticate();
  Snapshot s;
  ASSERT_TRUE(Gather(lab.sim(), lab.input(), &s).ok());
  const std::vector<CheckLine> all_read = RunChecks(s);
  ASSERT_EQ(Line(all_read, "trustchk.tep")->result, journal::CheckOutcome::kPassed);

  s.os.unread = {"trustchk"};
  s.hmc.unread = {"lslic"};
  std::vector<CheckLine> lines = RunChecks(s);
  ASSERT_EQ(lines.size(), all_read.size());
  for (const char* name : {"trustchk.tep", "trustchk.tlp", "trustchk.tsd_files_lock", "trustchk.chkshlib"}) {
    const CheckLine* l = Line(lines, name);
    ASSERT_NE(l, nullptr) << name;
    EXPECT_EQ(l->result, journal::CheckOutcome::kFailed) << name;
    EXPECT_NE(l->message.find("The driver does not read trustchk (trustchk -p): check it by hand, then add trustchk "
                              "to checked_by_hand in aix.conf."),
              std::string::npos)
        << l->message;
  }
  EXPECT_EQ(Line(lines, "firmware.level")->result, journal::CheckOutcome::kFailed);
  EXPECT_NE(Line(lines, "firmware.level")->message.find("lslic (lslic)"), std::string::npos);
  // Every other line is as with every source read.
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& n = lines[i].name;
    if (n.rfind("trustchk.", 0) == 0 || n == "firmware.level") continue;
    EXPECT_EQ(lines[i].result, all_read[i].result) << n;
    EXPECT_EQ(lines[i].message, all_read[i].message) << n;
  }

  s.settings.checked_by_hand = {"trustchk"};
  lines = RunChecks(s);
  const CheckLine* tep = Line(lines, "trustchk.tep");
  EXPECT_EQ(tep->result, journal::CheckOutcome::kInfo);
  EXPECT_EQ(tep->message,
            "not verified by lvupdate, checked by hand (checked_by_hand: trustchk): The trustchk Trusted Execution "
            "Policy is not on.");
  EXPECT_EQ(Line(lines, "firmware.level")->result, journal::CheckOutcome::kFailed);  // not checked by hand

  // A check reading two sources names the unread one only.
  s.os.unread = {"ras"};
  s.settings.checked_by_hand.clear();
  lines = RunChecks(s);
  const CheckLine* ctrace = Line(lines, "var.ctrace");
  EXPECT_EQ(ctrace->result, journal::CheckOutcome::kFailed);
  EXPECT_NE(ctrace->message.find("does not read ras ("), std::string::npos) << ctrace->message;
  EXPECT_EQ(ctrace->message.find("df ("), std::string::npos) << ctrace->message;

  // A size whose source is unread is not known, not 0.
  EXPECT_EQ(DumpSize(s).required_mb, s.os.dump_mb);
  s.os.unread = {"sysdumpdev", "lsps"};
  EXPECT_EQ(DumpSize(s).required_mb, -1);
  EXPECT_EQ(PagingSize(s).required_mb, -1);
  EXPECT_EQ(MirrorVgSize(s).required_mb, s.os.rootvg_used_mb);
}

}  // namespace
}  // namespace lvu::actions
