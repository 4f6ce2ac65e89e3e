// --driver and LVUPDATE_DRIVER through the binary: the name is checked, an
// operation records its driver, status names it, and resume and rollback
// use the recorded one whatever is named; `aix parse` reads real outputs.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>

#include "tests/cli/aix_over_shims.h"
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
  AixOverShims shims(h);
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

  // The processes: ps -ef and genkex -d are read; their resources and the
  // extensions' safety are not.
  EXPECT_NE(r.out.find("FAILED: cannot verify that the process tree satisfies the live update rules. The driver "
                       "does not read procfiles (procfiles; ipcs; netstat -Aan)"),
            std::string::npos)
      << r.out;

  // Checked by hand: every source the aix driver does not read. Only what
  // it read and found fails: the tape.
  shims.CheckEverythingByHand();
  r = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("\n1 check(s) FAILED: the live update cannot run."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAILED: local tape devices"), std::string::npos) << r.out;
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

// The error log's entries without their times (the clocks of the two
// drivers differ: the simulated one, the real one).
nlohmann::json ErrlogWithoutTimes(const std::string& h) {
  nlohmann::json e = World(h)["errlog"];
  for (auto& entry : e) entry.erase("time");
  return e;
}

// A whole run with the aix driver over the shims ends in the same world as
// the same run with the sim driver, and the journal lists, for each step,
// the real command lines it ran; so does the revert after it.
TEST(DriverOptionTest, AnAixRunOverTheShimsEndsInTheWorldOfASimRun) {
  TempHome sim_home;
  ASSERT_EQ(InitLab(sim_home.path()).exit_code, 0);
  ProcResult r = Lvupdate(sim_home.path(),
                          {"--driver", "sim", "run", "-d", sim_home.path() + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;

  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Workload is running on surrogate LPAR."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Outcome:       completed"), std::string::npos) << r.out;
  EXPECT_EQ(Timeless(h).dump(2), Timeless(sim_home.path()).dump(2));
  EXPECT_EQ(ErrlogWithoutTimes(h).dump(), ErrlogWithoutTimes(sim_home.path()).dump());
  EXPECT_FALSE(std::filesystem::exists(h + "/aix/reservation"));

  ProcResult ev = Lvupdate(h, {"journal", "events"});
  ASSERT_EQ(ev.exit_code, 0) << ev.out;
  const std::string s = h + "/shims/";
  const std::pair<const char*, std::string> ran[] = {
      {"step 2 hmc.reserve", "'lshwres -r proc --level sys -m Server-8286-42A-SN214F58V'"},
      {"step 4 disk.clone_rootvg", "`alt_disk_copy -B -d hdisk2`; `alt_rootvg_op -v lvup_rootvg -d hdisk2`"},
      {"step 5 ifix.apply_clone", "`chroot /alt_inst /usr/sbin/emgr -e /tmp/dummy.150813.epkg.Z`"},
      {"step 6 lpar.rename_original", "'chsyscfg -r lpar -m Server-8286-42A-SN214F58V -i name=aix721534A,new_name=aix721534A_lku0'"},
      {"step 7 lpar.create_surrogate", "mksyscfg -r lpar"},
      {"step 8 path.split", "`rmpath -d -p vscsi1`"},
      {"step 9 disk.assign", "`" + s + "sim-vhost-client s824vio2 vhost5 98`"},
      {"step 10 lpar.boot_surrogate", "chsysstate -r lpar -m Server-8286-42A-SN214F58V -o on --id 98 -f lvupdate"},
      {"step 11 disk.mirror_rootvg", "`mirrorvg -S rootvg hdisk3`"},
      {"step 13 workload.checkpoint", "`" + s + "sim-workload-checkpoint 99`"},
      {"step 14 workload.restart", "`" + s + "sim-workload-restart 99 98 hdisk3`"},
      {"step 15 lpar.shutdown_original", "-o shutdown --immed --id 99"},
      {"step 16 lpar.delete_original", "rmsyscfg -r lpar -m Server-8286-42A-SN214F58V --id 99"},
      {"step 17 path.restore", "`" + s + "sim-vhost-client s824vio1 vhost3 98`; "},
      {"step 17 path.restore", "`cfgmgr -l vscsi0`"},
      {"step 18 bootlist.set", "`bootlist -m normal hdisk3`"},
  };
  for (const auto& [step, command] : ran) {
    EXPECT_NE(EventLine(ev.out, std::string("stepDone        ") + step).find(command), std::string::npos)
        << step << ": " << command << "\n" << ev.out;
  }
  nlohmann::json st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
  EXPECT_EQ(st["driver"], "aix");
  EXPECT_EQ(st["status"], "completed");

  // Reverted (rollback after completion: bootlist to the original rootvg
  // disk, then shutdown -Fr), the two worlds are alike again.
  r = Lvupdate(sim_home.path(), {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = Lvupdate(h, {"rollback"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("The live update was reverted: the partition runs from the original rootvg disk."),
            std::string::npos)
      << r.out;
  EXPECT_EQ(Timeless(h).dump(2), Timeless(sim_home.path()).dump(2));
  ev = Lvupdate(h, {"journal", "events"});
  EXPECT_NE(EventLine(ev.out, "stepDone        step 1 revert.bootlist").find("`bootlist -m normal hdisk1`"),
            std::string::npos)
      << ev.out;
  EXPECT_NE(EventLine(ev.out, "stepDone        step 2 revert.reboot").find("`shutdown -Fr`"), std::string::npos)
      << ev.out;
}

// What is registered for the surrogate (lvupdate init, regke) cannot be
// started there by the aix driver: its preview FAILs naming it, and the
// sim driver's preview has no such line.
TEST(DriverOptionTest, AnAixPreviewFailsOnServicesRegisteredForTheSurrogate) {
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  ProcResult r = Lvupdate(h, {"init", "-a", "orders_mon:2:respawn:/opt/orders/bin/ordersmon"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("FAILED: the aix driver cannot start what is registered for the surrogate before the "
                       "workload arrives (inittab entry orders_mon): remove it (lvupdate init -r -i ID, lvupdate "
                       "regke -r PATH) or start it by hand after the update (docs/drivers.md)."),
            std::string::npos)
      << r.out;
  r = Lvupdate(h, {"--driver", "sim", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.out.find("registered for the surrogate"), std::string::npos) << r.out;
  ASSERT_EQ(Lvupdate(h, {"init", "-r", "-i", "orders_mon"}).exit_code, 0);
  r = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// A failure late in the run (the workload's restart, the step before the
// point of no return): the rollback undoes every step through the real
// commands and the stand-ins (the workload thawed, the vhost pointed back
// to the original) and the world is as before.
TEST(DriverOptionTest, AnAixRunFailingAtTheRestartRollsBackThroughTheRealCommands) {
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  ASSERT_EQ(Lvupdate(h, {"sim", "fault", "add", "workload.restart", "--kind", "fail"}).exit_code, 0);
  const nlohmann::json before = Timeless(h);
  ProcResult r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_NE(r.out.find("Step workload.restart failed: `" + h + "/shims/sim-workload-restart 99 98 hdisk3` exited 1: "
                       "injected failure at workload.restart"),
            std::string::npos)
      << r.out;
  for (const char* undone : {"workload.checkpoint", "disk.mirror_rootvg", "lpar.boot_surrogate", "disk.assign",
                             "path.split", "lpar.create_surrogate", "lpar.rename_original", "ifix.apply_clone",
                             "disk.clone_rootvg", "hmc.reserve"}) {
    EXPECT_NE(r.out.find(std::string("Undoing ") + undone + "."), std::string::npos) << undone << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("Outcome:       rolled_back"), std::string::npos) << r.out;
  EXPECT_EQ(Timeless(h).dump(2), before.dump(2));
  EXPECT_FALSE(std::filesystem::exists(h + "/aix/reservation"));

  ProcResult ev = Lvupdate(h, {"journal", "events"});
  ASSERT_EQ(ev.exit_code, 0) << ev.out;
  const std::pair<const char*, std::string> undid[] = {
      {"step 13 workload.checkpoint", "`" + h + "/shims/sim-workload-thaw 99`"},
      {"step 11 disk.mirror_rootvg", "`unmirrorvg rootvg hdisk3`; `reducevg rootvg hdisk3`"},
      {"step 10 lpar.boot_surrogate", "-o shutdown --immed --id 98"},
      {"step 9 disk.assign", "`" + h + "/shims/sim-vhost-client s824vio2 vhost5 99`"},
      {"step 8 path.split", "`cfgmgr -l vscsi1`"},
      {"step 7 lpar.create_surrogate", "rmsyscfg -r lpar -m Server-8286-42A-SN214F58V --id 98"},
      {"step 5 ifix.apply_clone", "`chroot /alt_inst /usr/sbin/emgr -r -L dummy`"},
      {"step 4 disk.clone_rootvg", "`alt_rootvg_op -X lvup_rootvg`"},
  };
  for (const auto& [step, command] : undid) {
    EXPECT_NE(EventLine(ev.out, std::string("compensated     ") + step).find(command), std::string::npos)
        << step << ": " << command << "\n" << ev.out;
  }
  // The rollback's error notice (live_update_state_command off) belongs to
  // no compensation: it is in the log, not in a step's list.
  EXPECT_NE(EventLine(ev.out, "stepDone        step 3 apps.notify_check").find("sim-live-update-state on 99`"),
            std::string::npos)
      << ev.out;
  EXPECT_EQ(ev.out.find("sim-live-update-state off 99`"), std::string::npos) << ev.out;
  nlohmann::json st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
  EXPECT_EQ(st["driver"], "aix");
  EXPECT_EQ(st["status"], "rolled_back");
}

// kill -9 in the middle of a step of an aix run (the live update state
// command kills lvupdate when told "on"): the journal holds the intent;
// rollback, with the recorded aix driver, undoes what was done through the
// real commands and the world is as before. Resumed instead, the run goes on
// from the killed step.
TEST(DriverOptionTest, AnAixRunKilledMidStepIsRolledBackOrResumedThroughTheRealCommands) {
  // Resumed after a crash: also tests/cli/aix_crash_test.cc.
  for (const bool resume : {false, true}) {
    SCOPED_TRACE(resume ? "resume" : "rollback");
    TempHome home;
    const std::string& h = home.path();
    AixOverShims shims(h);
    const std::string state = h + "/shims/sim-live-update-state";
    WriteFile(h + "/killer", "#!/bin/sh\n[ \"$1\" = on ] && kill -9 $PPID\nexec " + state + " \"$@\"\n");
    ASSERT_EQ(chmod((h + "/killer").c_str(), 0755), 0);
    shims.CheckEverythingByHand();
    std::string c = ReadFile(h + "/aix.conf");
    c.replace(c.find(state), state.size(), h + "/killer");
    WriteFile(h + "/aix.conf", c);
    const nlohmann::json before = Timeless(h);
    ProcResult r = Lvupdate(h, {"--driver", "aix", "run", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
    EXPECT_EQ(r.exit_code, 128 + 9) << r.out;
    nlohmann::json st = nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out);
    EXPECT_EQ(st["status"], "interrupted") << st.dump();
    EXPECT_TRUE(std::filesystem::exists(h + "/aix/reservation"));  // hmc.reserve was done
    if (!resume) {
      r = Lvupdate(h, {"rollback"});
      EXPECT_EQ(r.exit_code, 0) << r.out;
      EXPECT_EQ(nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out)["status"], "rolled_back");
      EXPECT_EQ(Timeless(h).dump(), before.dump());
    } else {
      c.replace(c.find(h + "/killer"), (h + "/killer").size(), state);
      WriteFile(h + "/aix.conf", c);
      r = Lvupdate(h, {"resume"});
      EXPECT_EQ(r.exit_code, 0) << r.out;
      EXPECT_NE(r.out.find("Creating rootvg for boot of surrogate."), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("Workload is running on surrogate LPAR."), std::string::npos) << r.out;
      EXPECT_EQ(nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out)["status"], "completed");
      const nlohmann::json w = World(h);
      std::map<int, std::string> workloads;
      for (const auto& l : w["lpars"]) workloads[l["id"].get<int>()] = l["workload"].get<std::string>();
      EXPECT_EQ(workloads[98], "running");
      EXPECT_EQ(workloads.count(99), 0u);
    }
    EXPECT_FALSE(std::filesystem::exists(h + "/aix/reservation"));
    EXPECT_EQ(nlohmann::json::parse(Lvupdate(h, {"status", "--json"}).out)["driver"], "aix");
  }
}

// The aix driver's preview reads its facts concurrently; one by one
// (LVUPDATE_SERIAL_READS=1, the bench's baseline) it prints the same.
TEST(DriverOptionTest, AnAixPreviewReadConcurrentlyOrOneByOnePrintsTheSame) {
  TempHome home;
  const std::string& h = home.path();
  AixOverShims shims(h);
  shims.CheckEverythingByHand();
  auto without_log_line = [](std::string out) {
    const size_t at = out.find("The commands run and their output: ");
    if (at != std::string::npos) out.erase(at, out.find('\n', at) - at);
    return out;
  };
  ProcResult concurrent = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  EXPECT_EQ(concurrent.exit_code, 0) << concurrent.out;
  setenv("LVUPDATE_SERIAL_READS", "1", 1);
  ProcResult serial = Lvupdate(h, {"--driver", "aix", "preview", "-d", h + "/fixes", "dummy.150813.epkg.Z"});
  unsetenv("LVUPDATE_SERIAL_READS");
  EXPECT_EQ(serial.exit_code, 0) << serial.out;
  EXPECT_EQ(without_log_line(concurrent.out), without_log_line(serial.out));
}

// sim shims --latency-ms / --hmc-latency-ms: each AIX command, and each
// HMC command (ssh), first sleeps that long; a bad value is refused.
TEST(DriverOptionTest, ShimsTakeTheLatencyTheyAreGiven) {
  TempHome home;
  const std::string& h = home.path();
  ASSERT_EQ(InitLab(h).exit_code, 0);
  ProcResult r = Lvupdate(h, {"sim", "shims", h + "/shims", "--latency-ms", "250", "--hmc-latency-ms", "1500"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Each AIX command takes 250 ms more, each HMC command 1500 ms more."), std::string::npos)
      << r.out;
  EXPECT_NE(ReadFile(h + "/shims/lspv").find("\nsleep 0.250\nexec "), std::string::npos);
  EXPECT_NE(ReadFile(h + "/shims/ssh").find("\nsleep 1.500\nexec "), std::string::npos);
  r = Lvupdate(h, {"sim", "shims", h + "/shims2"});
  EXPECT_EQ(ReadFile(h + "/shims2/lspv").find("sleep"), std::string::npos);
  r = Lvupdate(h, {"sim", "shims", h + "/shims3", "--latency-ms", "-1"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--latency-ms"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(h + "/shims3"));
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
