// --driver and LVUPDATE_DRIVER through the binary: the name is checked, an
// operation records its driver, status names it, and resume and rollback
// use the recorded one whatever is named; `aix parse` reads real outputs.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "tests/support/lvu_process.h"

namespace lvu::testing {
namespace {

const std::string kShared = std::string(LVU_SOURCE_DIR) + "/../shared/aix-outputs/";

TEST(DriverOptionTest, AnUnknownDriverIsBadInputNamingWhereItCameFrom) {
  TempHome home;
  ProcResult r = Lvupdate(home.path(), {"--driver", "vmware", "status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--driver 'vmware': there is no such driver (the drivers are: sim, aix)"), std::string::npos)
      << r.out;
  setenv("LVUPDATE_DRIVER", "hyperv", 1);
  r = Lvupdate(home.path(), {"status"});
  unsetenv("LVUPDATE_DRIVER");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("LVUPDATE_DRIVER 'hyperv': there is no such driver"), std::string::npos) << r.out;
}

TEST(DriverOptionTest, ResumeAndRollbackUseTheDriverTheOperationRanWith) {
  TempHome home;
  ASSERT_EQ(InitLab(home.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(home.path(), {"sim", "fault", "add", "lpar.boot_surrogate", "--kind", "crash-before"}).exit_code, 0);
  ProcResult run = Lvupdate(home.path(), {"--driver", "sim", "run", "-d", home.path() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_NE(run.exit_code, 0) << run.out;
  ProcResult st = Lvupdate(home.path(), {"status"});
  EXPECT_NE(st.out.find("Driver:    sim"), std::string::npos) << st.out;
  nlohmann::json js = nlohmann::json::parse(Lvupdate(home.path(), {"status", "--json"}).out);
  EXPECT_EQ(js["driver"], "sim");

  // Naming another driver for it is refused before anything is written.
  ProcResult other = Lvupdate(home.path(), {"--driver", "aix", "resume"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.out.find("the operation ran with the sim driver: resume and rollback use it"), std::string::npos)
      << other.out;
  setenv("LVUPDATE_DRIVER", "aix", 1);
  other = Lvupdate(home.path(), {"rollback"});
  unsetenv("LVUPDATE_DRIVER");
  EXPECT_EQ(other.exit_code, 2) << other.out;
  nlohmann::json after = nlohmann::json::parse(Lvupdate(home.path(), {"status", "--json"}).out);
  EXPECT_EQ(after["status"], "interrupted");
  EXPECT_EQ(after["steps"].dump(), js["steps"].dump());

  // Named or not, the recorded driver finishes it.
  ProcResult resumed = Lvupdate(home.path(), {"--driver", "sim", "resume"});
  EXPECT_EQ(resumed.exit_code, 0) << resumed.out;
  EXPECT_EQ(nlohmann::json::parse(Lvupdate(home.path(), {"status", "--json"}).out)["status"], "completed");
}

TEST(DriverOptionTest, AnAixRunOverTheShimsStopsAtValidationAndItsTimesAreNotSimulated) {
  TempHome home;
  ASSERT_EQ(InitLab(home.path()).exit_code, 0);
  ASSERT_EQ(Lvupdate(home.path(), {"sim", "shims", home.path() + "/shims"}).exit_code, 0);
  const std::string old_path = getenv("PATH");
  setenv("PATH", (home.path() + "/shims:" + old_path).c_str(), 1);
  const std::string before = World(home.path()).dump();
  ProcResult r = Lvupdate(home.path(), {"--driver", "aix", "run", "-d", home.path() + "/fixes", "dummy.150813.epkg.Z"});
  setenv("PATH", old_path.c_str(), 1);
  // The aix driver reads no facts of the checks yet, and aix.conf is empty:
  // validation fails, nothing changes, driver.settings names the keys.
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: hmc is not set in " + home.path() + "/aix.conf"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Total time:    "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("simulated"), std::string::npos) << r.out;
  nlohmann::json after = World(home.path());
  nlohmann::json b = nlohmann::json::parse(before);
  after.erase("clock");
  b.erase("clock");
  after.erase("errlog");
  b.erase("errlog");
  EXPECT_EQ(after.dump(), b.dump());
  nlohmann::json st = nlohmann::json::parse(Lvupdate(home.path(), {"status", "--json"}).out);
  EXPECT_EQ(st["driver"], "aix");
  EXPECT_EQ(st["status"], "failed_validation");
}

// The preview with the aix driver over the shims: the facts it reads through
// the commands PASS as with the simulator; each source it does not read yet
// FAILs its checks naming the source, until aix.conf says it was checked by
// hand, when they print INFO.
TEST(DriverOptionTest, AnAixPreviewChecksWhatItReadsAndNamesWhatItDoesNot) {
  TempHome home;
  const std::string& h = home.path();
  ASSERT_EQ(InitLab(h).exit_code, 0);
  ASSERT_EQ(Lvupdate(h, {"sim", "shims", h + "/shims"}).exit_code, 0);
  const std::string old_path = getenv("PATH");
  setenv("PATH", (h + "/shims:" + old_path).c_str(), 1);
  ProcResult auth = Lvupdate(h, {"--driver", "aix", "hmcauth", "-a", "10.1.50.30", "-u", "hscroot", "-p",
                                 kLabHmcPassword});
  ASSERT_EQ(auth.exit_code, 0) << auth.out;
  const std::string conf = ReadFile(h + "/aix.conf") +
                           "workload_checkpoint_command = /bin/true\nworkload_restart_command = /bin/true\n"
                           "workload_thaw_command = /bin/true\nlive_update_state_command = /bin/true\n";
  WriteFile(h + "/aix.conf", conf);
  ASSERT_EQ(Lvupdate(h, {"sim", "set", "devices.tape", "rmt0"}).exit_code, 0);
  const std::string before = World(h).dump();
  ProcResult r = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASSED: sufficient space available in /var."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PASSED: the rootvg does not have stale logical volumes."), std::string::npos) << r.out;
  // The VIOS mappings read through viosvrcmd and lshwres: the adapters split, the disks are whole disks.
  EXPECT_NE(r.out.find("PASSED: adapters can be divided into two sets so that each has paths to all disks."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("PASSED: the disk configuration is supported."), std::string::npos) << r.out;
  // The ifix read with emgr -d -e.
  EXPECT_NE(r.out.find("PASSED: ifix dummy (dummy.150813.epkg.Z) is LU CAPABLE."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAILED: local tape devices"), std::string::npos) << r.out;  // lsdev -C read rmt0
  EXPECT_NE(r.out.find("FAILED: cannot verify that The trustchk Trusted Execution Policy is not on. The driver does "
                       "not read trustchk (trustchk -p): check it by hand, then add trustchk to checked_by_hand in "
                       "aix.conf."),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("PASSED: The trustchk"), std::string::npos) << r.out;
  // The dump device's size is not read (sysdumpdev): not known, not 0 MB.
  EXPECT_NE(r.out.find("Checking temporary dump device size:\n-----\nRequired device size: not known (the driver does "
                       "not read it)\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("FAILED: the driver's settings"), std::string::npos) << r.out;

  // Checked by hand: every source the aix driver does not read.
  std::string unread;
  for (const char* k : {"sysdumpdev", "snapshot", "mount", "lscfg", "capi", "diskless", "session", "lslpp", "trustchk",
                        "tcb", "kerberos", "powersc", "lswpar", "lssrc", "ras", "vmo", "ps", "ifix_location", "lslic",
                        "slots", "vnic"}) {
    unread += std::string(" ") + k;
  }
  WriteFile(h + "/aix.conf", conf + "checked_by_hand =" + unread + "\n");
  r = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  setenv("PATH", old_path.c_str(), 1);
  EXPECT_EQ(r.out.find("The driver does not read"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("INFO: not verified by lvupdate, checked by hand (checked_by_hand: trustchk): The trustchk "
                       "Trusted Execution Policy is not on."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("PASSED: sufficient space available in /var."), std::string::npos) << r.out;
  // A preview changes nothing.
  nlohmann::json after = World(h), b = nlohmann::json::parse(before);
  for (auto* j : {&after, &b}) {
    j->erase("clock");
    j->erase("errlog");
  }
  EXPECT_EQ(after.dump(), b.dump());
}

TEST(AixParseTest, PrintsWhatTheParserReadsFromARealOutput) {
  TempHome home;
  ProcResult r = Lvupdate(home.path(), {"aix", "parse", "lspv", kShared + "lspv.11.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["parser"], "lspv");
  ASSERT_EQ(j["result"].size(), 2u);
  EXPECT_EQ(j["result"][0]["name"], "hdisk0");
  EXPECT_EQ(j["result"][0]["pvid"], "00002f8bd6dea7e0");
  EXPECT_EQ(j["result"][0]["volume_group"], "rootvg");
  EXPECT_EQ(j["result"][0]["state"], "active");

  r = Lvupdate(home.path(), {"aix", "parse", "lssyscfg -r sys", kShared + "hmc_lssyscfg_r_sys_no_results.1.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(nlohmann::json::parse(r.out)["result"].empty()) << r.out;
}

TEST(AixParseTest, AnErrorOutputAnUnknownCommandAndGarbageAreBadInputNamingTheLine) {
  TempHome home;
  ProcResult r = Lvupdate(home.path(), {"aix", "parse", "lsvg -l altinst_rootvg",
                                        kShared + "lsvg_l_altinst_rootvg_error.1.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("line 1: AIX message 0516-010"), std::string::npos) << r.out;
  r = Lvupdate(home.path(), {"aix", "parse", "frobnicate -x", kShared + "lspv.11.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("unknown command; supported commands:"), std::string::npos) << r.out;
  WriteFile(home.path() + "/garbage", "7200-05-03-2148\nsomething else\n");
  r = Lvupdate(home.path(), {"aix", "parse", "oslevel -s", home.path() + "/garbage"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("line 2"), std::string::npos) << r.out;
  r = Lvupdate(home.path(), {"aix", "parse", "lspv", home.path() + "/none"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("none"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lvu::testing
