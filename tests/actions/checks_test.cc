// Every preview check can be made to fail, and a failure stops a run before
// anything changes: for each value of `sim set` that breaks a check (the
// simulator's own list, drivers/sim/settings.h) and for each input that
// breaks one (lvupdate.data, the hmcauth token, the ifixes), the check's line
// is FAILED, `run` ends failed_validation (exit 3) and the world is as before.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cctype>

#include <set>

#include "actions/engine/executor.h"
#include "drivers/sim/lab.h"
#include "drivers/sim/settings.h"
#include "journal/journal.h"
#include "tests/actions/lab_fixture.h"

namespace lvu::actions::testing {
namespace {

using journal::CheckOutcome;

struct Breaking {
  std::string key, value, check, with;
};

void PrintTo(const Breaking& b, std::ostream* os) {
  *os << b.key << "=" << b.value << (b.with.empty() ? "" : " with " + b.with) << " -> " << b.check;
}

std::vector<Breaking> SettingBreakers() {
  std::vector<Breaking> out;
  for (const auto& st : drivers::sim::ListSettings(drivers::sim::SeedLab()))
    for (const auto& b : st.breaks) out.push_back({st.key, b.value, b.check, b.with});
  return out;
}

std::string Name(const ::testing::TestParamInfo<Breaking>& info) {
  std::string n = info.param.key + "_" + info.param.value;
  for (auto& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n + "_" + std::to_string(info.index);
}

// Runs the live update in-process; validation must fail: exit 3, nothing
// changed (the world, timeless, is `before`).
void ExpectRunStopsAtValidation(Lab& lab, const std::string& before) {
  OpResult r;
  Status s = lab.Run(&r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.ending, Ending::kFailedValidation) << r.reason;
  EXPECT_EQ(ExitCode(r.ending), 3);
  EXPECT_TRUE(lab.Timeless() == before) << "the world changed";
}

class SettingBreaksCheck : public ::testing::TestWithParam<Breaking> {};

TEST_P(SettingBreaksCheck, LineFailedRunExits3WorldUnchanged) {
  const Breaking& b = GetParam();
  Lab lab;
  lab.Authenticate();
  ASSERT_TRUE(lab.Preview().passed) << "the lab must pass before " << b.key << " is set";
  Status s = lab.sim().Set(b.key, b.value);
  ASSERT_TRUE(s.ok()) << s.ToString();
  if (!b.with.empty()) {
    size_t eq = b.with.find('=');
    s = lab.sim().Set(b.with.substr(0, eq), b.with.substr(eq + 1));
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  const std::string before = lab.Timeless();
  PreviewResult p = lab.Preview();
  EXPECT_FALSE(p.passed);
  const CheckLine* line = LineOf(p.report, b.check);
  ASSERT_NE(line, nullptr) << "no line for " << b.check;
  EXPECT_EQ(line->result, CheckOutcome::kFailed) << line->message;
  EXPECT_FALSE(line->message.empty());
  ExpectRunStopsAtValidation(lab, before);
}

INSTANTIATE_TEST_SUITE_P(EveryBreakingSetting, SettingBreaksCheck, ::testing::ValuesIn(SettingBreakers()), Name);

// The checks that lvupdate.data, the token or the ifixes break; the tests
// below break each. Together with the settings they cover every check.
const std::set<std::string>& InputBroken() {
  static const std::set<std::string> s = {"hmc.token_present", "hmc.token_valid", "hmc.lpar_id", "disk.paging",
                                          "disk.dump",         "disk.mirror_vg",  "disk.new_rootvg"};
  return s;
}

TEST(CheckCoverage, EveryCheckHasATestThatBreaksIt) {
  std::set<std::string> broken = InputBroken();
  for (const auto& b : SettingBreakers()) broken.insert(b.check);
  for (const auto& d : AllChecks()) {
    if (std::string(d.name) == "info.dumps") continue;  // INFO: never fails
    // The simulator needs no settings: driver_checks_test breaks it with the aix driver's.
    if (std::string(d.name) == "driver.settings") continue;
    EXPECT_TRUE(broken.count(d.name)) << d.name << " has no setting or input that breaks it";
  }
  // A setting may only name a check that exists.
  std::set<std::string> names = {"estimate"};
  for (const auto& d : AllChecks()) names.insert(d.name);
  for (const auto& st : drivers::sim::ListSettings(drivers::sim::SeedLab())) {
    for (const auto& f : st.feeds) EXPECT_TRUE(names.count(f)) << st.key << " feeds unknown check " << f;
    for (const auto& b : st.breaks) EXPECT_TRUE(names.count(b.check)) << st.key << " breaks unknown " << b.check;
  }
}

class InputBreaksCheck : public ::testing::Test {
 protected:
  // Preview, expect `check` FAILED (its message containing `text`), then a
  // run that stops at validation.
  CheckLine ExpectFailed(const std::string& check, const std::string& text) {
    const std::string before = lab_.Timeless();
    PreviewResult p = lab_.Preview();
    EXPECT_FALSE(p.passed);
    const CheckLine* line = LineOf(p.report, check);
    if (line == nullptr) {
      ADD_FAILURE() << "no line for " << check;
      return {};
    }
    EXPECT_EQ(line->result, CheckOutcome::kFailed) << line->message;
    EXPECT_NE(line->message.find(text), std::string::npos) << line->message;
    CheckLine copy = *line;
    ExpectRunStopsAtValidation(lab_, before);
    return copy;
  }
  void AddDisk(const std::string& name, int size_mb) {
    lab_.EditWorld([&](drivers::sim::World* w) { w->disks.push_back({name, "00f94f58c90ae0ff", size_mb, "None", false, {}}); });
  }
  Lab lab_;
};

TEST_F(InputBreaksCheck, NoTokenFailsPresentAndValidAsAix1430_246) {
  CheckLine l = ExpectFailed("hmc.token_present", "No valid authentication with an HMC console");
  EXPECT_EQ(l.code, "1430-246");
  PreviewResult p = lab_.Preview();
  EXPECT_EQ(LineOf(p.report, "hmc.token_valid")->result, CheckOutcome::kFailed);
  EXPECT_EQ(LineOf(p.report, "hmc.token_valid")->code, "1430-246");
}

TEST_F(InputBreaksCheck, TokenOfAnotherUserIsNotValid) {
  lab_.Authenticate();
  lab_.input().data.user = "liveup";
  CheckLine l = ExpectFailed("hmc.token_valid", "the token is for user hscroot on 10.1.50.30, but the hmc stanza of "
                                                "lvupdate.data names user liveup on 10.1.50.30");
  EXPECT_EQ(l.code, "1430-246");
}

TEST_F(InputBreaksCheck, TokenOfAnotherConsoleIsNotValid) {
  lab_.Authenticate();
  lab_.input().data.management_console = "10.1.50.31";
  ExpectFailed("hmc.token_valid", "names user hscroot on 10.1.50.31");
}

TEST_F(InputBreaksCheck, ConsoleByHostNameOrAddressBothMatchTheToken) {
  lab_.Authenticate("hsc02");
  for (const char* console : {"hsc02", "10.1.50.30"}) {
    lab_.input().data.management_console = console;
    PreviewResult p = lab_.Preview();
    EXPECT_EQ(LineOf(p.report, "hmc.token_valid")->result, CheckOutcome::kPassed) << console;
  }
}

TEST_F(InputBreaksCheck, ExpiredTokenIsNotValid) {
  ASSERT_TRUE(lab_.sim().Set("hmc.session_ttl_s", "10").ok());
  lab_.Authenticate();
  // Validation itself takes 30 simulated seconds: the session is over by then.
  ExpectFailed("hmc.token_valid", "expired");
}

TEST_F(InputBreaksCheck, TokenReadableByOthersIsRefused) {
  lab_.Authenticate();
  ASSERT_EQ(::chmod(lab_.input().hmc_token_file.c_str(), 0644), 0);
  ExpectFailed("hmc.token_present", "mode 0644");
}

TEST_F(InputBreaksCheck, LparIdOfTheCurrentPartition) {
  lab_.Authenticate();
  lab_.input().data.lpar_id = 99;
  ExpectFailed("hmc.lpar_id", "lpar_id 99 is the current partition's id.");
}

TEST_F(InputBreaksCheck, LparIdOfAnotherPartition) {
  lab_.Authenticate();
  ASSERT_TRUE(lab_.sim().hmc().Reserve(0.1, 2048).ok());
  ASSERT_TRUE(lab_.sim().hmc().CreateLpar(98, 99, "aix72test").ok());
  ExpectFailed("hmc.lpar_id", "lpar_id 98 is already in use by partition aix72test.");
}

TEST_F(InputBreaksCheck, NoLparIdTakesTheHighestFreeOne) {
  lab_.Authenticate();
  lab_.input().data.lpar_id = 0;
  PreviewResult p = lab_.Preview();
  EXPECT_TRUE(p.passed);
  EXPECT_EQ(p.params.new_id, 1000);
}

TEST_F(InputBreaksCheck, MirrorDiskThatDoesNotExist) {
  lab_.Authenticate();
  lab_.input().data.mhdisk = {"hdisk9"};
  ExpectFailed("disk.mirror_vg", "hdisk9 (mhdisk) was not found on this partition.");
}

TEST_F(InputBreaksCheck, NewRootvgDiskThatIsNotFree) {
  lab_.Authenticate();
  lab_.input().data.nhdisk = {"hdisk1"};
  ExpectFailed("disk.new_rootvg", "hdisk1 (nhdisk) is not free: it belongs to volume group rootvg.");
}

TEST_F(InputBreaksCheck, PagingDiskGivenIsSizedAndChecked) {
  AddDisk("hdisk4", 1024);
  lab_.Authenticate();
  lab_.input().data.tohdisk = {"hdisk4"};
  PreviewResult p = lab_.Preview();
  EXPECT_TRUE(p.passed);
  EXPECT_EQ(p.report.paging.required_mb, 512);
  EXPECT_EQ(p.report.paging.given_mb, 1024);
  EXPECT_EQ(LineOf(p.report, "disk.paging")->result, CheckOutcome::kPassed);
  ASSERT_TRUE(lab_.sim().Set("paging.size_mb", "2048").ok());
  ExpectFailed("disk.paging", "device size is not sufficient.");
}

TEST_F(InputBreaksCheck, DumpDiskGivenIsSizedAndChecked) {
  AddDisk("hdisk4", 64);
  lab_.Authenticate();
  lab_.input().data.tshdisk = {"hdisk4"};
  PreviewResult p = lab_.Preview();
  EXPECT_EQ(p.report.dump.required_mb, 100);
  EXPECT_EQ(p.report.dump.given_mb, 64);
  ExpectFailed("disk.dump", "device size is not sufficient.");
}

TEST_F(InputBreaksCheck, WithoutPagingOrDumpDiskThereIsNoLine) {
  lab_.Authenticate();
  PreviewResult p = lab_.Preview();
  EXPECT_EQ(LineOf(p.report, "disk.paging"), nullptr);
  EXPECT_EQ(LineOf(p.report, "disk.dump"), nullptr);
  EXPECT_EQ(p.report.paging.given_mb, -1);
}

TEST_F(InputBreaksCheck, MissingFix) {
  lab_.Authenticate();
  lab_.input().fixes = {"missing.epkg.Z"};
  ExpectFailed("ifix.missing.epkg.Z", "not found");
}

TEST_F(InputBreaksCheck, FixThatIsNotLuCapable) {
  lab_.Authenticate();
  lab_.input().fixes = {drivers::sim::kNoLuFixFile};
  ExpectFailed("ifix.nolu.150813.epkg.Z", "ifix nolu (nolu.150813.epkg.Z) is not LU CAPABLE.");
}

TEST_F(InputBreaksCheck, FixAlreadyInstalled) {
  lab_.EditWorld([](drivers::sim::World* w) { w->FindDisk("hdisk1")->image_ifixes = {"dummy"}; });
  lab_.Authenticate();
  ExpectFailed("ifix.dummy.150813.epkg.Z", "ifix dummy (dummy.150813.epkg.Z) is already installed.");
}

TEST_F(InputBreaksCheck, NoFixGiven) {
  lab_.Authenticate();
  lab_.input().fixes = {};
  ExpectFailed("ifix", "no ifix was given.");
}

TEST_F(InputBreaksCheck, HmcThatDoesNotAnswerFailsWhatNeedsIt) {
  lab_.Authenticate();
  ASSERT_TRUE(lab_.sim().Set("hmc.responding", "no").ok());
  ExpectFailed("hmc.requests", "HSCL350B");
  PreviewResult p = lab_.Preview();
  // Checks that need the HMC's answers say so rather than guess.
  for (const char* name : {"hmc.lpar_id", "firmware.level", "adapters.two_sets", "boot.disk"}) {
    const CheckLine* l = LineOf(p.report, name);
    ASSERT_NE(l, nullptr) << name;
    EXPECT_EQ(l->result, CheckOutcome::kFailed) << name;
    EXPECT_NE(l->message.find("cannot verify that"), std::string::npos) << l->message;
  }
  // Those that need only the partition's AIX still answer.
  EXPECT_EQ(LineOf(p.report, "space.var")->result, CheckOutcome::kPassed);
}

TEST_F(InputBreaksCheck, InfoLineIsAlwaysInfo) {
  lab_.Authenticate();
  PreviewResult p = lab_.Preview();
  const CheckLine* l = LineOf(p.report, "info.dumps");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->result, CheckOutcome::kInfo);
  EXPECT_EQ(l->message,
            "Any system dumps present in the current dump logical volumes will not be available after live update "
            "is complete.");
}

}  // namespace
}  // namespace lvu::actions::testing
