// The aix driver over a runner that answers each command with what a real
// system printed (../shared/aix-outputs and the seed article's excerpts in
// tests/aix/data): what it runs, what it reads, how it fails, that it changes
// nothing when the effect is there, and that nothing is made up.
#include "drivers/aix/aix_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace lvu::drivers::aix {
namespace {

std::string Real(const std::string& file) {
  const std::string shared = std::string(LVU_SOURCE_DIR) + "/../shared/aix-outputs/" + file;
  const std::string seed = std::string(LVU_SOURCE_DIR) + "/tests/aix/data/" + file;
  std::ifstream in(std::filesystem::exists(shared) ? shared : seed);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << file;
  return ss.str();
}

// Answers an AIX command by its command line, an HMC command (the last word
// of the ssh argv) by its remote command line; records every argv.
class FakeRunner : public CommandRunner {
 public:
  struct Answer {
    int exit_code = 0;
    std::string out;
  };
  std::map<std::string, Answer> answers;
  std::vector<std::vector<std::string>> ran;
  std::mutex mu;  // the driver reads concurrently

  Status Run(const Command& c, CommandResult* r) override {
    std::lock_guard<std::mutex> lock(mu);
    ran.push_back(c.argv);
    std::string key = c.argv[0] == "ssh" ? "HMC " + c.argv.back() : CommandLine(c.argv);
    auto it = answers.find(key);
    if (it == answers.end()) {
      ADD_FAILURE() << "unexpected command: " << key;
      return Status::NotFound(c.argv[0] + ": not found on PATH");
    }
    *r = CommandResult{};
    r->exit_code = it->second.exit_code;
    r->out = it->second.out;
    return Status::OK();
  }
  bool Ran(const std::string& prefix) const {
    for (const auto& a : ran) {
      std::string key = a[0] == "ssh" ? "HMC " + a.back() : CommandLine(a);
      if (key.rfind(prefix, 0) == 0) return true;
    }
    return false;
  }
};

class AixSystemTest : public ::testing::Test {
 protected:
  // The tests check the order of the commands: one by one
  // (over_shims_test.cc runs the concurrent reads).
  void SetUp() override {
    setenv("LVUPDATE_SERIAL_READS", "1", 1);
    char dir[] = "/tmp/lvu-aix-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    home_ = dir;
    config_.hmc = "hsc02";
    config_.managed_system = "9131-52A-6535CCG";
    // The seed article's partition (uname -L: 99) and disks.
    fake_.answers["uname -L"] = {0, Real("seed_uname_L_before.txt")};
    fake_.answers["lspv"] = {0, Real("seed_lspv_before.txt")};
    for (const char* d : {"hdisk1", "hdisk2", "hdisk3"}) {
      fake_.answers[std::string("getconf DISK_SIZE /dev/") + d] = {0, Real("seed_getconf_disk_size_hdisk1.txt")};
    }
    // The HMC of ../shared/aix-outputs (a 9131-52A with nim1, vios1, vios2...).
    const std::string m = " -m 9131-52A-6535CCG";
    fake_.answers["HMC lssyscfg -r lpar" + m] = {0, Real("hmc_lssyscfg_r_lpar.1.txt")};
    fake_.answers["HMC lshwres -r proc --level lpar" + m] = {0, Real("hmc_lshwres_r_proc_level_lpar.1.txt")};
    fake_.answers["HMC lshwres -r mem --level lpar" + m] = {0, Real("hmc_lshwres_r_mem_level_lpar.1.txt")};
    fake_.answers["HMC lshwres -r proc --level sys" + m] = {0, Real("hmc_lshwres_r_proc_level_sys.1.txt")};
    fake_.answers["HMC lshwres -r mem --level sys" + m] = {0, Real("hmc_lshwres_r_mem_level_sys.1.txt")};
  }
  void TearDown() override {
    unsetenv("LVUPDATE_SERIAL_READS");
    std::filesystem::remove_all(home_);
  }
  std::unique_ptr<AixSystem> Make() { return std::make_unique<AixSystem>(home_, config_, &fake_); }

  std::string home_;
  AixConfig config_;
  FakeRunner fake_;
};

TEST_F(AixSystemTest, ReadsThePartitionAndItsDisksFromTheSeedsOutputs) {
  auto sys = Make();
  int id = 0;
  std::string name;
  ASSERT_TRUE(sys->os().CurrentLpar(&id, &name).ok());
  EXPECT_EQ(id, 99);
  EXPECT_EQ(name, "AIX72_Build_1534A");
  std::vector<Disk> disks;
  Status s = sys->os().ListDisks(&disks);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(disks.size(), 3u);
  EXPECT_EQ(disks[0].name, "hdisk1");
  EXPECT_EQ(disks[0].vg, "rootvg");
  EXPECT_TRUE(disks[0].has_image);
  EXPECT_EQ(disks[1].vg, "None");
  EXPECT_FALSE(disks[1].has_image);
  EXPECT_EQ(disks[2].pvid, "00f94f58c90ae0db");
  EXPECT_EQ(disks[2].size_mb, 51200);
  EXPECT_EQ(sys->TakeCommandLines(),
            (std::vector<std::string>{"uname -L", "lspv", "getconf DISK_SIZE /dev/hdisk1",
                                      "getconf DISK_SIZE /dev/hdisk2", "getconf DISK_SIZE /dev/hdisk3"}));
  EXPECT_TRUE(sys->TakeCommandLines().empty());
}

TEST_F(AixSystemTest, HmcCommandsGoOverOneMultiplexedSshAndAreReadAsAttributeLists) {
  auto sys = Make();
  std::vector<Lpar> lpars;
  Status s = sys->hmc().ListLpars(&lpars);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_GE(lpars.size(), 3u);
  EXPECT_EQ(lpars[0].name, "nim1");
  EXPECT_EQ(lpars[0].id, 5);
  EXPECT_EQ(lpars[0].state, "Running");
  EXPECT_DOUBLE_EQ(lpars[0].proc_units, 0.3);
  EXPECT_EQ(lpars[0].mem_mb, 6144);
  const std::vector<std::string>& ssh = fake_.ran.front();
  EXPECT_EQ(ssh, SshArgv(config_, home_ + "/aix", {"lssyscfg", "-r", "lpar", "-m", "9131-52A-6535CCG"}));
  EXPECT_EQ(CommandLine(ssh), "ssh -o BatchMode=yes -o ControlMaster=auto -o ControlPath=" + home_ +
                                  "/aix/%C -o ControlPersist=600 -o ConnectTimeout=30 hscroot@hsc02 "
                                  "'lssyscfg -r lpar -m 9131-52A-6535CCG'");
}

TEST_F(AixSystemTest, AnHmcErrorIsFailedWithItsCodeAndAnUnreachableHmcIsTransient) {
  fake_.answers["HMC lssyscfg -r lpar -m 9131-52A-6535CCG"] = {1, Real("hmc_error_HSCLA4C0_pl.1.txt")};
  auto sys = Make();
  std::vector<Lpar> lpars;
  Status s = sys->hmc().ListLpars(&lpars);
  EXPECT_EQ(s.code(), Status::Code::kFailed) << s.ToString();
  EXPECT_NE(s.message().find("HSCLA4C0"), std::string::npos) << s.ToString();
  fake_.answers["HMC lssyscfg -r lpar -m 9131-52A-6535CCG"] = {255, ""};
  s = sys->hmc().ListLpars(&lpars);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
}

TEST_F(AixSystemTest, RenameReadsFirstAndChangesNothingWhenTheNameIsThere) {
  auto sys = Make();
  ASSERT_TRUE(sys->hmc().RenameLpar(5, "nim1").ok());
  EXPECT_FALSE(fake_.Ran("HMC chsyscfg"));
  fake_.answers["HMC chsyscfg -r lpar -m 9131-52A-6535CCG -i name=nim1,new_name=nim1_lku0"] = {0, ""};
  Status s = sys->hmc().RenameLpar(5, "nim1_lku0");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(fake_.Ran("HMC chsyscfg -r lpar -m 9131-52A-6535CCG -i name=nim1,new_name=nim1_lku0"));
}

TEST_F(AixSystemTest, ShutdownAndDeleteOfAPartitionThatIsNotThereAreDone) {
  auto sys = Make();
  // The fixture has no partition 98: nothing to delete, and nothing is run.
  ASSERT_TRUE(sys->hmc().DeleteLpar(98).ok());
  EXPECT_FALSE(fake_.Ran("HMC rmsyscfg"));
  fake_.answers["HMC chsysstate -r lpar -m 9131-52A-6535CCG -o shutdown --immed --id 5"] = {0, ""};
  ASSERT_TRUE(sys->hmc().Shutdown(5).ok());
  EXPECT_TRUE(fake_.Ran("HMC chsysstate -r lpar -m 9131-52A-6535CCG -o shutdown --immed --id 5"));
}

TEST_F(AixSystemTest, AReservationIsTheFramesFreeResourcesCheckedAndClaimedHere) {
  auto sys = Make();
  // curr_avail_sys_proc_units=1.1, curr_avail_sys_mem=13696 on that frame.
  Status s = sys->hmc().Reserve(2.0, 4096);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("the surrogate needs"), std::string::npos) << s.ToString();
  Reservation r;
  ASSERT_TRUE(sys->hmc().GetReservation(&r).ok());
  EXPECT_FALSE(r.present);
  ASSERT_TRUE(sys->hmc().Reserve(0.5, 4096).ok());
  ASSERT_TRUE(sys->hmc().GetReservation(&r).ok());
  EXPECT_TRUE(r.present);
  EXPECT_DOUBLE_EQ(r.proc_units, 0.5);
  EXPECT_EQ(r.mem_mb, 4096);
  ASSERT_TRUE(sys->hmc().Release().ok());
  ASSERT_TRUE(sys->hmc().Release().ok());
  ASSERT_TRUE(sys->hmc().GetReservation(&r).ok());
  EXPECT_FALSE(r.present);
}

TEST_F(AixSystemTest, AixCommandsRunOnlyOnThePartitionLvupdateRunsOn) {
  auto sys = Make();
  Status s = sys->os().RemovePaths(98, "vscsi1");
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("runs AIX commands on the partition it runs on (99 AIX72_Build_1534A)"), std::string::npos)
      << s.ToString();
  EXPECT_FALSE(fake_.Ran("rmpath"));
}

TEST_F(AixSystemTest, RemovePathsReadsLspathFirst) {
  fake_.answers["lspath -p vscsi1"] = {0, ""};  // no path left through it
  auto sys = Make();
  ASSERT_TRUE(sys->os().RemovePaths(99, "vscsi1").ok());
  EXPECT_FALSE(fake_.Ran("rmpath"));
  fake_.answers["lspath -p vscsi1"] = {0, Real("seed_lspath_before.txt")};
  fake_.answers["rmpath -d -p vscsi1"] = {0, ""};
  ASSERT_TRUE(sys->os().RemovePaths(99, "vscsi1").ok());
  EXPECT_TRUE(fake_.Ran("rmpath -d -p vscsi1"));
}

TEST_F(AixSystemTest, SetBootlistChangesNothingWhenItIsAlreadyThat) {
  fake_.answers["bootlist -m normal -o"] = {0, Real("seed_bootlist_m_normal_o.txt")};
  auto sys = Make();
  ASSERT_TRUE(sys->os().SetBootlist(99, {"hdisk1"}).ok());
  EXPECT_FALSE(fake_.Ran("bootlist -m normal hdisk"));
  fake_.answers["bootlist -m normal hdisk2"] = {0, ""};
  ASSERT_TRUE(sys->os().SetBootlist(99, {"hdisk2"}).ok());
  EXPECT_TRUE(fake_.Ran("bootlist -m normal hdisk2"));
}

TEST_F(AixSystemTest, TheWorkloadStepsRunTheConfiguredCommandOrFailNamingTheKey) {
  auto sys = Make();
  Status s = sys->os().FreezeWorkload(99, {});
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("workload_checkpoint_command is not set in aix.conf"), std::string::npos) << s.ToString();
  s = sys->os().RestartWorkload(99, 98, "hdisk3");
  EXPECT_NE(s.message().find("workload_restart_command"), std::string::npos) << s.ToString();
  config_.workload_restart_command = {"/usr/local/bin/lu-restart", "--quiet"};
  fake_.answers["/usr/local/bin/lu-restart --quiet 99 98 hdisk3"] = {0, ""};
  sys = Make();
  ASSERT_TRUE(sys->os().RestartWorkload(99, 98, "hdisk3").ok());
  fake_.answers["/usr/local/bin/lu-restart --quiet 99 98 hdisk3"] = {3, "could not restart\n"};
  s = sys->os().RestartWorkload(99, 98, "hdisk3");
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("exited 3: could not restart"), std::string::npos) << s.ToString();

  // The live update state: no public interface either.
  s = sys->os().SetLiveUpdate(99, true);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("live_update_state_command is not set in aix.conf"), std::string::npos)
      << s.ToString();
  config_.live_update_state_command = {"/usr/local/bin/lu-state"};
  fake_.answers["/usr/local/bin/lu-state on 99"] = {0, ""};
  fake_.answers["/usr/local/bin/lu-state off 99"] = {1, "not in a live update\n"};
  sys = Make();
  ASSERT_TRUE(sys->os().SetLiveUpdate(99, true).ok());
  s = sys->os().SetLiveUpdate(99, false);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("exited 1: not in a live update"), std::string::npos) << s.ToString();
}

TEST_F(AixSystemTest, WhatItDoesNotReadYetIsFailedNeverAGuess) {
  auto sys = Make();
  Status s = sys->os().StartInittab(99, {});
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("does not read"), std::string::npos);
}

TEST_F(AixSystemTest, AnIfixsAttributesAreWhatEmgrDisplaysAndNoneIsAssumed) {
  // The real excerpt shows LU CAPABLE and REBOOT REQUIRED but no LABEL: not enough.
  fake_.answers["emgr -d -e /tmp/IJ52421s2a.241031.epkg.Z -v3"] = {0, Real("emgr_d_e_v3_LU_CAPABLE.1.partial.txt")};
  auto sys = Make();
  Fix fix;
  Status s = sys->os().ReadFix("/tmp/IJ52421s2a.241031.epkg.Z", &fix);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("emgr -d -e /tmp/IJ52421s2a.241031.epkg.Z -v3 printed no LABEL"), std::string::npos)
      << s.ToString();
  fake_.answers["emgr -d -e /tmp/IJ52421s2a.241031.epkg.Z -v3"] = {
      0, "LABEL:            IJ52421s2a\n" + Real("emgr_d_e_v3_LU_CAPABLE.1.partial.txt")};
  s = sys->os().ReadFix("/tmp/IJ52421s2a.241031.epkg.Z", &fix);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(fix.label, "IJ52421s2a");
  EXPECT_TRUE(fix.lu_capable);
  EXPECT_TRUE(fix.reboot_required);
  EXPECT_EQ(fix.file, "/tmp/IJ52421s2a.241031.epkg.Z");
}

TEST_F(AixSystemTest, TheManagedSystemIsFoundByThePartitionItHolds) {
  config_.managed_system.clear();
  fake_.answers["uname -L"] = {0, "5 nim1\n"};  // nim1 is partition 5 of the HMC fixture
  fake_.answers["HMC lssyscfg -r sys"] = {0, Real("hmc_lssyscfg_r_sys.1.txt")};
  fake_.answers["HMC lssyscfg -r lpar -m 9131-52A-6535CCG --filter lpar_ids=5"] = {0, Real("hmc_lssyscfg_r_lpar.1.txt")};
  auto sys = Make();
  std::string ms;
  Status s = sys->ManagedSystem(&ms);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(ms, "9131-52A-6535CCG");
  fake_.answers["uname -L"] = {0, "77 other\n"};
  fake_.answers["HMC lssyscfg -r lpar -m 9131-52A-6535CCG --filter lpar_ids=77"] = {0, Real("hmc_no_results.1.txt")};
  sys = Make();
  s = sys->ManagedSystem(&ms);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("managed_system = "), std::string::npos) << s.ToString();
}

TEST_F(AixSystemTest, TheSupportBundleGetsAixConfOrANoteThatThereIsNone) {
  auto sys = Make();
  std::vector<System::Described> files;
  std::vector<std::string> notes;
  sys->Describe(&files, &notes);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("aix.conf: the aix driver's defaults"), std::string::npos) << notes[0];
  std::ofstream(home_ + "/aix.conf") << "hmc = hsc02\n";
  sys->Describe(&files, &notes);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "system/aix.conf");
  EXPECT_EQ(files[0].text, "hmc = hsc02\n");
  EXPECT_TRUE(notes.empty());
}

TEST(AixConfigTest, KeysValuesAndErrorsNamingTheLine) {
  AixConfig c;
  Status s = ParseAixConfig("# lvupdate aix driver\nhmc = hsc02\nhmc_user=lvu\n\ncommand_timeout_s = 900\n"
                            "workload_restart_command = /opt/lu/restart \"--mode fast\"\n",
                            "aix.conf", &c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.hmc, "hsc02");
  EXPECT_EQ(c.hmc_user, "lvu");
  EXPECT_EQ(c.command_timeout_s, 900);
  EXPECT_EQ(c.hmc_timeout_s, 300);
  EXPECT_EQ(c.workload_restart_command, (std::vector<std::string>{"/opt/lu/restart", "--mode fast"}));
  EXPECT_TRUE(c.workload_checkpoint_command.empty());
  s = ParseAixConfig("hmc = a\nhmcuser = b\n", "/h/aix.conf", &c);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("/h/aix.conf:2: unknown key 'hmcuser'"), std::string::npos) << s.ToString();
  s = ParseAixConfig("hmc = a\nhmc = b\n", "aix.conf", &c);
  EXPECT_NE(s.message().find("aix.conf:2: hmc is already set on line 1"), std::string::npos) << s.ToString();
  s = ParseAixConfig("command_timeout_s = 10m\n", "aix.conf", &c);
  EXPECT_NE(s.message().find("aix.conf:1: command_timeout_s takes a number of seconds"), std::string::npos);
  s = ParseAixConfig("just words\n", "aix.conf", &c);
  EXPECT_NE(s.message().find("aix.conf:1: not `key = value`"), std::string::npos);
  s = ParseAixConfig("workload_thaw_command = \"unterminated\n", "aix.conf", &c);
  EXPECT_NE(s.message().find("aix.conf:1: workload_thaw_command"), std::string::npos) << s.ToString();
}

TEST(AixConfigTest, CheckedByHandNamesKnownFactSources) {
  AixConfig c;
  Status s = ParseAixConfig("hmc = a\nchecked_by_hand = trustchk, lswpar  ras\n", "aix.conf", &c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.checked_by_hand, (std::vector<std::string>{"trustchk", "lswpar", "ras"}));
  // The driver hands them to the preview with its settings.
  ProcessRunner runner;
  AixSystem aix("/h", c, &runner);
  EXPECT_EQ(aix.MissingSettings().checked_by_hand, c.checked_by_hand);
  s = ParseAixConfig("\nchecked_by_hand = trustchk trustchek\n", "/h/aix.conf", &c);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("/h/aix.conf:2: checked_by_hand: unknown fact source 'trustchek' (the sources are: lsvg, "),
            std::string::npos)
      << s.ToString();
}

}  // namespace
}  // namespace lvu::drivers::aix
