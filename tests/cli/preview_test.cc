// preview, hmcauth, emgr -p and sim set through the real binary: the
// article's preview output, JSON, exit codes, a password that is kept
// nowhere, and `sim set` breaking a check.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/lvu_process.h"

extern char** environ;

namespace lvu::testing {
namespace {

// Runs lvupdate with `stdin_text` on its standard input (not a terminal).
ProcResult LvupdateWithInput(const std::string& home, const std::vector<std::string>& args,
                             const std::string& stdin_text, const std::string& scratch) {
  const std::string in_file = scratch + "/stdin", out_file = scratch + "/out";
  { std::ofstream(in_file) << stdin_text; }
  std::vector<std::string> argv = {LVU_BINARY, "--home", home, "--speed", "max"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcResult r;
  int pid = SpawnProgram(argv, out_file, in_file);
  if (pid > 0) r.exit_code = WaitExit(pid);
  r.out = ReadFile(out_file);
  std::filesystem::remove(in_file);
  return r;
}

// Every file under `dir` (journal, logs, world, token...) that contains `needle`.
std::vector<std::string> FilesContaining(const std::string& dir, const std::string& needle) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.find(needle) != std::string::npos) found.push_back(e.path().string());
  }
  return found;
}

class PreviewTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(InitLab(home()).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  ProcResult Preview(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"preview", "-d", home() + "/fixes"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("dummy.150813.epkg.Z");
    return Lvupdate(home(), args);
  }
  ProcResult Run() { return Lvupdate(home(), {"run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}); }
  TempHome home_;
};

TEST_F(PreviewTest, PrintsTheArticlesSectionsEveryLinePassed) {
  ProcResult r = Preview();
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find("FAILED"), std::string::npos) << r.out;
  size_t at = 0;
  for (const char* line : {"Validating live update input data.\n",
                           "Computing the estimated time for the live update operation:\n-----\n"
                           "LPAR: aix721534A\nMode: F\nBlackout_time(s): 27\nGlobal_time(s): 680\n",
                           "Checking mirror vg device size:\n-----\nRequired device size: 7216 MB\n"
                           "Given device size: 51200 MB\nPASSED: device size is sufficient.\n",
                           "Checking new root vg device size:\n-----\nRequired device size: 7216 MB\n"
                           "Given device size: 51200 MB\nPASSED: device size is sufficient.\n",
                           "Checking temporary paging space device size:\n-----\nRequired device size: 512 MB\n\n",
                           "Checking temporary dump device size:\n-----\nRequired device size: 100 MB\n\n",
                           "Validating the adapters and their paths:\n-----\n"
                           "PASSED: adapters can be divided into two sets so that each has paths to all disks.\n",
                           "Checking other requirements:\n-----\nPASSED: sufficient space available in /var.\n",
                           "PASSED: HMC token is present.\nPASSED: HMC token is valid.\n",
                           "PASSED: vNIC resources available.\n",
                           "INFO: Any system dumps present in the current dump logical volumes will not be available "
                           "after live update is complete.\n"}) {
    size_t pos = r.out.find(line, at);
    ASSERT_NE(pos, std::string::npos) << "missing or out of order:\n" << line << "\n---\n" << r.out;
    at = pos;
  }
}

TEST_F(PreviewTest, JsonHasEveryCheckTheEstimateAndTheSizes) {
  ProcResult r = Preview({"--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["passed"], true);
  EXPECT_EQ(j["estimate"]["blackout_s"], 27);
  EXPECT_EQ(j["estimate"]["global_s"], 680);
  EXPECT_EQ(j["sizes"]["mirror_vg"]["required_mb"], 7216);
  EXPECT_EQ(j["sizes"]["dump"]["required_mb"], 100);
  EXPECT_GT(j["checks"].size(), 60u);
  EXPECT_EQ(j["plan"]["new_id"], 98);
}

TEST_F(PreviewTest, SimSetBreaksACheckPreviewExits3AndRunChangesNothing) {
  ProcResult s = Lvupdate(home(), {"sim", "set", "fs./var.free_mb", "80"});
  ASSERT_EQ(s.exit_code, 0) << s.out;
  EXPECT_EQ(s.out, "fs./var.free_mb = 80\n");
  const nlohmann::json before = WithoutClockAndErrlog(World(home()));
  ProcResult r = Preview();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: insufficient space available in /var: 80 MB free in /var, 100 MB needed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 check(s) FAILED: the live update cannot run. Nothing was changed."), std::string::npos);
  r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: insufficient space available in /var"), std::string::npos) << r.out;
  EXPECT_EQ(WithoutClockAndErrlog(World(home())).dump(1), before.dump(1));
  EXPECT_EQ(StatusJson(home())["status"], "failed_validation");
}

TEST_F(PreviewTest, SimSetListsEveryKeyAndRefusesUnknownOnes) {
  ProcResult r = Lvupdate(home(), {"sim", "set", "--list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j.size(), 70u);
  bool found = false;
  for (const auto& k : j) {
    if (k["key"] != "trustchk.tep") continue;
    found = true;
    EXPECT_EQ(k["value"], "off");
    EXPECT_EQ(k["feeds"], nlohmann::json::array({"trustchk.tep"}));
    EXPECT_EQ(k["breaks"][0]["value"], "on");
  }
  EXPECT_TRUE(found);
  r = Lvupdate(home(), {"sim", "set", "--list"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("rootvg.used_mb"), std::string::npos);
  r = Lvupdate(home(), {"sim", "set", "rootvg.colour", "blue"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("rootvg.colour"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"sim", "set", "rootvg.copies", "7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("sim set rootvg.copies: bad value '7'"), std::string::npos) << r.out;
  EXPECT_EQ(Lvupdate(home(), {"sim", "set", "rootvg.copies"}).exit_code, 2);
}

TEST_F(PreviewTest, WithoutHmcauthRunFailsAsAix1430_246) {
  std::filesystem::remove(home() + "/hmc/token");
  ProcResult r = Run();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("1430-246 FAILED: No valid authentication with an HMC console: there is no HMC token."),
            std::string::npos)
      << r.out;
}

TEST_F(PreviewTest, ManagementConsoleOtherThanTheTokensFails) {
  std::ifstream in(home() + "/lvupdate.data");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.replace(text.find("10.1.50.30"), 10, "10.1.50.31");
  std::ofstream(home() + "/lvupdate.data") << text;
  ProcResult r = Preview();
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("1430-246 FAILED: No valid authentication with an HMC console: the token is for user "
                       "hscroot on 10.1.50.30"),
            std::string::npos)
      << r.out;
}

class HmcauthTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Lvupdate(home(), {"sim", "init"}).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  TempHome home_;
  TempHome scratch_;  // outside the home: the password may be written here
};

TEST_F(HmcauthTest, ListWithoutTokenPrintsNothing) {
  ProcResult r = Lvupdate(home(), {"hmcauth", "-l"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST_F(HmcauthTest, LogonThenListAsAix) {
  ProcResult r = Lvupdate(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot", "-p", kLabHmcPassword});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
  r = Lvupdate(home(), {"hmcauth", "-l"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Address  : 10.1.50.30\nUser name: hscroot\nport     : 12443\nTTL      : 24:00:00 left\n");
  struct stat st;
  ASSERT_EQ(::stat((home() + "/hmc/token").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

TEST_F(HmcauthTest, TimeToLiveRunsOnTheSimulatedClock) {
  ASSERT_EQ(Lvupdate(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot", "-p", kLabHmcPassword}).exit_code, 0);
  // A preview takes 30 simulated seconds.
  ASSERT_EQ(Lvupdate(home(), {"preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  EXPECT_NE(Lvupdate(home(), {"hmcauth", "-l"}).out.find("TTL      : 23:59:30 left"), std::string::npos);
}

TEST_F(HmcauthTest, PromptsForThePasswordWhenNotGiven) {
  ProcResult r = LvupdateWithInput(home(), {"hmcauth", "-a", "10.1.50.30", "-u", "hscroot"},
                                   std::string(kLabHmcPassword) + "\n", scratch_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(Lvupdate(home(), {"hmcauth", "-l"}).out.find("User name: hscroot"), std::string::npos);
}

TEST_F(HmcauthTest, WrongPasswordOrHmcIsExit2AndNoToken) {
  ProcResult r = Lvupdate(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot", "-p", "abc9999"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("Authentication failure"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("invalid login credentials"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"hmcauth", "-a", "hsc99", "-u", "hscroot", "-p", kLabHmcPassword});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(home() + "/hmc/token"));
  EXPECT_EQ(Lvupdate(home(), {"hmcauth", "-u", "hscroot"}).exit_code, 2);
  EXPECT_EQ(LvupdateWithInput(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot"}, "", scratch_.path()).exit_code, 2);
}

TEST_F(HmcauthTest, ThePasswordIsNowhereInTheHomeAfterHmcauthPreviewAndRun) {
  // Given on the command line, and again at the prompt.
  ASSERT_EQ(Lvupdate(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot", "-p", kLabHmcPassword}).exit_code, 0);
  ASSERT_EQ(LvupdateWithInput(home(), {"hmcauth", "-a", "hsc02", "-u", "hscroot"},
                              std::string(kLabHmcPassword) + "\n", scratch_.path())
                .exit_code,
            0);
  ASSERT_EQ(Lvupdate(home(), {"-v", "preview", "-d", home() + "/fixes", "dummy.150813.epkg.Z"}).exit_code, 0);
  ProcResult r = Lvupdate(home(), {"-v", "run", "-d", home() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find(kLabHmcPassword), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(home() + "/journal"));
  EXPECT_TRUE(std::filesystem::exists(home() + "/logs"));
  EXPECT_EQ(FilesContaining(home(), kLabHmcPassword), std::vector<std::string>{});
  // The search is not vacuous: it finds the token, and only in the token file.
  std::ifstream in(home() + "/hmc/token");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t at = text.find("token = ");
  ASSERT_NE(at, std::string::npos);
  const std::string token = text.substr(at + 8, 64);
  EXPECT_EQ(FilesContaining(home(), token), std::vector<std::string>{home() + "/hmc/token"});
}

class EmgrTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Lvupdate(home(), {"sim", "init"}).exit_code, 0); }
  const std::string& home() const { return home_.path(); }
  TempHome home_;
};

TEST_F(EmgrTest, PreviewShowsLuCapable) {
  ProcResult r = Lvupdate(home(), {"emgr", "-p", "-e", home() + "/fixes/dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\nLU CAPABLE:      yes\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nLABEL:           dummy\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nABSTRACT:        Test fix for Live Update\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nREBOOT REQUIRED: no\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("LOCATION:        /usr/lib/drivers/dummy.ext"), std::string::npos) << r.out;
  r = Lvupdate(home(), {"emgr", "-p", "-e", home() + "/fixes/nolu.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\nLU CAPABLE:      no\n"), std::string::npos) << r.out;
}

TEST_F(EmgrTest, MissingOrMalformedPackageIsExit2) {
  ProcResult r = Lvupdate(home(), {"emgr", "-p", "-e", home() + "/fixes/none.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("none.epkg.Z"), std::string::npos) << r.out;
  std::ofstream(home() + "/fixes/bad.epkg.Z") << "# lvupdate simulated ifix package v1\nLABEL: x\nLU CAPABLE: maybe\n";
  r = Lvupdate(home(), {"emgr", "-p", "-e", home() + "/fixes/bad.epkg.Z"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("bad.epkg.Z:3: LU CAPABLE must be yes or no"), std::string::npos) << r.out;
  // Only the preview is offered: ifixes are installed by `lvupdate run`.
  EXPECT_EQ(Lvupdate(home(), {"emgr", "-e", home() + "/fixes/dummy.150813.epkg.Z"}).exit_code, 2);
}

}  // namespace
}  // namespace lvu::testing
