// The aix driver over `lvupdate sim shims`: the simulated system presented
// as the AIX and HMC commands, first on PATH. What the aix driver reads
// through the real command formats equals what the sim driver reads
// directly, and what it changes through them changes the simulated world.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "drivers/aix/aix_system.h"
#include "drivers/sim/sim_system.h"
#include "tests/support/lvu_process.h"

namespace lvu::drivers::aix {
namespace {

class OverShimsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(testing::InitLab(home_.path()).exit_code, 0);
    shims_ = home_.path() + "/shims";
    testing::ProcResult r = testing::Lvupdate(home_.path(), {"sim", "shims", shims_});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    old_path_ = getenv("PATH");
    setenv("PATH", (shims_ + ":" + old_path_).c_str(), 1);
    config_.hmc = testing::kLabHmc;
    config_.hmc_user = testing::kLabHmcUser;
  }
  void TearDown() override { setenv("PATH", old_path_.c_str(), 1); }

  std::unique_ptr<sim::SimSystem> Sim() {
    std::unique_ptr<sim::SimSystem> s;
    EXPECT_TRUE(sim::SimSystem::Open(home_.path(), {}, &s).ok());
    return s;
  }

  testing::TempHome home_;
  std::string shims_, old_path_;
  AixConfig config_;
  ProcessRunner runner_;
};

TEST_F(OverShimsTest, ItReadsThePartitionItsDisksAndTheFrameAsTheSimDriverDoes) {
  AixSystem aix(home_.path(), config_, &runner_);
  auto sim = Sim();
  int a_id = 0, s_id = 0;
  std::string a_name, s_name;
  ASSERT_TRUE(aix.os().CurrentLpar(&a_id, &a_name).ok());
  ASSERT_TRUE(sim->os().CurrentLpar(&s_id, &s_name).ok());
  EXPECT_EQ(a_id, s_id);
  EXPECT_EQ(a_name, s_name);

  std::vector<Disk> ad, sd;
  Status s = aix.os().ListDisks(&ad);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(sim->os().ListDisks(&sd).ok());
  ASSERT_EQ(ad.size(), sd.size());
  for (size_t i = 0; i < ad.size(); ++i) {
    EXPECT_EQ(ad[i].name, sd[i].name);
    EXPECT_EQ(ad[i].pvid, sd[i].pvid);
    EXPECT_EQ(ad[i].vg, sd[i].vg);
    EXPECT_EQ(ad[i].size_mb, sd[i].size_mb);
    EXPECT_EQ(ad[i].has_image, sd[i].has_image) << ad[i].name;
  }

  std::vector<Lpar> al, sl;
  s = aix.hmc().ListLpars(&al);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(sim->hmc().ListLpars(&sl).ok());
  ASSERT_EQ(al.size(), sl.size());
  for (size_t i = 0; i < al.size(); ++i) {
    EXPECT_EQ(al[i].id, sl[i].id);
    EXPECT_EQ(al[i].name, sl[i].name);
    EXPECT_EQ(al[i].state, sl[i].state);
    EXPECT_DOUBLE_EQ(al[i].proc_units, sl[i].proc_units);
    EXPECT_EQ(al[i].mem_mb, sl[i].mem_mb);
    EXPECT_EQ(al[i].os_level, sl[i].os_level) << al[i].name;
    EXPECT_FALSE(al[i].os_level.empty()) << al[i].name;
    EXPECT_EQ(al[i].workload, sl[i].workload) << al[i].name;
    if (al[i].id == s_id) {  // the partition lvupdate runs on: its bootlist, boot disk and workload too
      EXPECT_EQ(al[i].bootlist, sl[i].bootlist);
      EXPECT_EQ(al[i].booted_from, sl[i].booted_from);
      EXPECT_FALSE(al[i].booted_from.empty());
      EXPECT_EQ(al[i].workload, "running");
    }
  }
  // The managed system was found from the partition, over ssh to the lab's HMC.
  bool found = false;
  for (const auto& line : aix.TakeCommandLines()) {
    found = found || line.find("hscroot@10.1.50.30 'lssyscfg -r lpar -m Server-") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

// The facts both drivers read, equal field by field (the sources the aix
// driver reads: aix_facts.h); what it does not read it lists unread.
void ExpectSameFacts(AixSystem& aix, System& sim) {
  int id = 0;
  std::string name;
  ASSERT_TRUE(sim.os().CurrentLpar(&id, &name).ok());
  OsFacts a, s;
  Status st = aix.os().GetFacts(id, &a);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_TRUE(sim.os().GetFacts(id, &s).ok());
  EXPECT_TRUE(s.unread.empty());
  EXPECT_EQ(a.rootvg_used_mb, s.rootvg_used_mb);
  EXPECT_EQ(a.rootvg_copies, s.rootvg_copies);
  EXPECT_EQ(a.rootvg_uniformly_mirrored, s.rootvg_uniformly_mirrored);
  EXPECT_EQ(a.rootvg_stale_lvs, s.rootvg_stale_lvs);
  EXPECT_EQ(a.multibos, s.multibos);
  EXPECT_EQ(a.paging_mb, s.paging_mb);
  ASSERT_EQ(a.filesystems.size(), s.filesystems.size());
  for (size_t i = 0; i < a.filesystems.size(); ++i) {
    EXPECT_EQ(a.filesystems[i].mount, s.filesystems[i].mount);
    EXPECT_EQ(a.filesystems[i].device, s.filesystems[i].device);
    EXPECT_EQ(a.filesystems[i].size_mb, s.filesystems[i].size_mb) << a.filesystems[i].mount;
    EXPECT_EQ(a.filesystems[i].free_mb, s.filesystems[i].free_mb) << a.filesystems[i].mount;
    if (s.filesystems[i].vg == "rootvg" || s.filesystems[i].type == "procfs") {
      EXPECT_EQ(a.filesystems[i].vg, s.filesystems[i].vg) << a.filesystems[i].mount;
      EXPECT_EQ(a.filesystems[i].type, s.filesystems[i].type) << a.filesystems[i].mount;
    }
  }
  EXPECT_EQ(a.tape_devices, s.tape_devices);
  EXPECT_EQ(a.optical_devices, s.optical_devices);
  EXPECT_EQ(a.vlog_devices, s.vlog_devices);
  EXPECT_EQ(a.gre_tunnels, s.gre_tunnels);
  EXPECT_EQ(a.reboot_pending_fixes, s.reboot_pending_fixes);
  EXPECT_NE(std::find(a.unread.begin(), a.unread.end(), "trustchk"), a.unread.end());

  HmcFacts ah, sh;
  st = aix.hmc().GetFacts(id, &ah);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_TRUE(sim.hmc().GetFacts(id, &sh).ok());
  EXPECT_NEAR(ah.free_proc_units, sh.free_proc_units, 0.005);
  EXPECT_EQ(ah.free_mem_mb, sh.free_mem_mb);
  EXPECT_EQ(ah.remote_restart, sh.remote_restart);
  EXPECT_EQ(ah.mem_mode, sh.mem_mode);
  EXPECT_EQ(std::find(ah.unread.begin(), ah.unread.end(), "remote_restart"), ah.unread.end());
  EXPECT_NE(std::find(ah.unread.begin(), ah.unread.end(), "lslic"), ah.unread.end());
}

TEST_F(OverShimsTest, ThePreviewsFactsReadThroughTheCommandsAreTheSimulatorsFacts) {
  {
    AixSystem aix(home_.path(), config_, &runner_);
    ExpectSameFacts(aix, *Sim());
  }
  // A partition with something to find in each source read.
  for (const std::vector<std::string>& kv : std::vector<std::vector<std::string>>{
           {"rootvg.stale_lvs", "2"}, {"rootvg.copies", "2"}, {"rootvg.uniformly_mirrored", "no"},
           {"system.multibos", "yes"}, {"paging.size_mb", "2048"}, {"devices.tape", "rmt0"},
           {"devices.optical", "cd0"}, {"devices.vlog", "vlog0"}, {"net.gre_tunnels", "gre0"},
           {"emgr.reboot_pending", "IJ09625s2a"}, {"lpar.remote_restart", "yes"}, {"rootvg.used_mb", "9000"}}) {
    testing::ProcResult r = testing::Lvupdate(home_.path(), {"sim", "set", kv[0], kv[1]});
    ASSERT_EQ(r.exit_code, 0) << kv[0] << ": " << r.out;
  }
  AixSystem aix(home_.path(), config_, &runner_);
  auto sim = Sim();
  OsFacts s;
  int id = 0;
  std::string name;
  ASSERT_TRUE(sim->os().CurrentLpar(&id, &name).ok());
  ASSERT_TRUE(sim->os().GetFacts(id, &s).ok());
  ASSERT_EQ(s.rootvg_stale_lvs, 2);
  ASSERT_FALSE(s.rootvg_uniformly_mirrored);
  ASSERT_EQ(s.tape_devices, std::vector<std::string>{"rmt0"});
  ExpectSameFacts(aix, *sim);
  bool lsvg = false;
  for (const auto& line : aix.TakeCommandLines()) lsvg = lsvg || line == "lsvg -l rootvg";
  EXPECT_TRUE(lsvg);
}

TEST_F(OverShimsTest, TheSurrogateIsCreatedWithMksyscfgFromTheOriginalsProfile) {
  AixSystem aix(home_.path(), config_, &runner_);
  int id = 0;
  std::string name;
  ASSERT_TRUE(aix.os().CurrentLpar(&id, &name).ok());
  // Without a reservation: refused, nothing created.
  Status s = aix.hmc().CreateLpar(98, id, name + "_lvup");
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("no resources are reserved"), std::string::npos) << s.ToString();
  ASSERT_TRUE(aix.hmc().Reserve(0.1, 2048).ok());
  aix.TakeCommandLines();
  s = aix.hmc().CreateLpar(98, id, name + "_lvup");
  ASSERT_TRUE(s.ok()) << s.ToString();
  bool made = false;
  for (const auto& line : aix.TakeCommandLines()) {
    made = made || (line.find("mksyscfg -r lpar -m Server-8286-42A-SN214F58V -i") != std::string::npos &&
                    line.find("name=" + name + "_lvup,lpar_id=98,") != std::string::npos &&
                    line.find("virtual_scsi_adapters=2/client/1/s824vio1/90/1,3/client/2/s824vio2/91/1") !=
                        std::string::npos);
  }
  EXPECT_TRUE(made);
  // The simulated HMC has it, not activated, with the partition's resources.
  std::vector<Lpar> lpars;
  ASSERT_TRUE(Sim()->hmc().ListLpars(&lpars).ok());
  const Lpar* n = nullptr;
  for (const auto& l : lpars) {
    if (l.id == 98) n = &l;
  }
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->name, name + "_lvup");
  EXPECT_EQ(n->state, "Not Activated");
  EXPECT_EQ(n->mem_mb, 2048);
  // Again: it is there, nothing runs; another name for that id is refused.
  ASSERT_TRUE(aix.hmc().CreateLpar(98, id, name + "_lvup").ok());
  for (const auto& line : aix.TakeCommandLines()) EXPECT_EQ(line.find("mksyscfg"), std::string::npos) << line;
  s = aix.hmc().CreateLpar(98, id, "other");
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("partition 98 exists already, named " + name + "_lvup"), std::string::npos);
}

TEST_F(OverShimsTest, TheProcessesAndKernelExtensionsAreTheSimulatorsButTheirResourcesAreUnread) {
  AixSystem aix(home_.path(), config_, &runner_);
  auto sim = Sim();
  int id = 0;
  std::string name;
  ASSERT_TRUE(sim->os().CurrentLpar(&id, &name).ok());
  ProcessTable a, s;
  Status st = aix.os().ListProcesses(id, &a);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_TRUE(sim->os().ListProcesses(id, &s).ok());
  std::vector<std::string> want, got;
  for (const auto& p : s.procs) {
    if (!p.kproc) want.push_back(std::to_string(p.pid) + " " + std::to_string(p.ppid) + " " + p.command);
  }
  for (const auto& p : a.procs) got.push_back(std::to_string(p.pid) + " " + std::to_string(p.ppid) + " " + p.command);
  EXPECT_EQ(got, want);
  ASSERT_EQ(a.kexts.size(), s.kexts.size());
  for (size_t i = 0; i < a.kexts.size(); ++i) EXPECT_EQ(a.kexts[i].path, s.kexts[i].path);
  EXPECT_TRUE(s.unread.empty());
  EXPECT_EQ(a.unread, (std::vector<std::string>{"procfiles", "kext_safety"}));
}

TEST_F(OverShimsTest, CpAndChrootShadowNothingButTheClone) {
  // Any other cp is the system's: the file is copied.
  const std::string src = home_.path() + "/plain", dst = home_.path() + "/plain.copy";
  { std::ofstream(src) << "text\n"; }
  ASSERT_EQ(std::system((shims_ + "/cp " + src + " " + dst).c_str()), 0);
  EXPECT_EQ(testing::ReadFile(dst), "text\n");
  // Into the clone: the simulator's copy of /alt_inst, in the home.
  ASSERT_EQ(std::system((shims_ + "/cp " + src + " /alt_inst/tmp/plain").c_str()), 0);
  EXPECT_EQ(testing::ReadFile(home_.path() + "/sim/alt_inst/tmp/plain"), "text\n");
  EXPECT_FALSE(std::filesystem::exists("/alt_inst/tmp/plain"));
  // chroot elsewhere is the system's (which refuses a directory that is not there).
  EXPECT_NE(std::system((shims_ + "/chroot " + home_.path() + "/none /bin/true 2>/dev/null").c_str()), 0);
}

TEST_F(OverShimsTest, AnIfixsAttributesReadThroughEmgrAreTheSimulatorsPackage) {
  AixSystem aix(home_.path(), config_, &runner_);
  auto sim = Sim();
  const std::string file = home_.path() + "/fixes/dummy.150813.epkg.Z";
  Fix a, s;
  Status st = aix.os().ReadFix(file, &a);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_TRUE(sim->os().ReadFix(file, &s).ok());
  EXPECT_EQ(a.label, s.label);
  EXPECT_EQ(a.abstract, s.abstract);
  EXPECT_EQ(a.lu_capable, s.lu_capable);
  EXPECT_EQ(a.reboot_required, s.reboot_required);
  EXPECT_EQ(aix.TakeCommandLines().back(), "emgr -d -e " + file + " -v3");
  // A package that is not there is emgr's failure, exit 1 with its message.
  st = aix.os().ReadFix(home_.path() + "/fixes/none.epkg.Z", &a);
  EXPECT_EQ(st.code(), Status::Code::kFailed);
  EXPECT_NE(st.message().find("exited 1: emgr: fix package"), std::string::npos) << st.ToString();
}

// The mappings serving the partition lvupdate runs on, as `sys` lists them:
// "VIOS vhost client adapter: disk/backing ... [any]".
std::vector<std::string> MappingsOf(System& sys, int id, Status* status) {
  std::vector<VhostMapping> maps;
  *status = sys.vios().ListMappings(&maps);
  std::vector<std::string> out;
  for (const auto& m : maps) {
    if (m.client_id != id) continue;
    std::vector<std::string> disks;
    for (size_t i = 0; i < m.disks.size(); ++i) disks.push_back(m.disks[i] + "/" + m.backings[i]);
    std::sort(disks.begin(), disks.end());
    std::string line = m.vios + " " + m.vhost + " " + std::to_string(m.client_id) + " " + m.client_adapter + ":";
    for (const auto& d : disks) line += " " + d;
    out.push_back(line + (m.any_client ? " any" : ""));
  }
  return out;
}

TEST_F(OverShimsTest, TheVhostsAndTheDisksTheyServeAreTheSimulatorsMappings) {
  AixSystem aix(home_.path(), config_, &runner_);
  auto sim = Sim();
  int id = 0;
  std::string name;
  ASSERT_TRUE(sim->os().CurrentLpar(&id, &name).ok());
  Status as, ss;
  const auto a = MappingsOf(aix, id, &as);
  ASSERT_TRUE(as.ok()) << as.ToString();
  const auto s = MappingsOf(*sim, id, &ss);
  ASSERT_TRUE(ss.ok());
  EXPECT_EQ(a, s);
  EXPECT_EQ(a, (std::vector<std::string>{"s824vio1 vhost3 99 vscsi0: hdisk1/pv hdisk2/pv hdisk3/pv",
                                         "s824vio2 vhost5 99 vscsi1: hdisk1/pv hdisk2/pv hdisk3/pv"}));
  bool viosvrcmd = false;
  for (const auto& line : aix.TakeCommandLines()) {
    viosvrcmd = viosvrcmd || line.find("'viosvrcmd -m Server-8286-42A-SN214F58V --id 2 -c '\\''lsmap -all'\\'''") !=
                                 std::string::npos;
  }
  EXPECT_TRUE(viosvrcmd);

  // The partition's disks and paths (lspath), as the adapter checks read them.
  std::vector<Lpar> al, sl;
  ASSERT_TRUE(aix.hmc().ListLpars(&al).ok());
  ASSERT_TRUE(sim->hmc().ListLpars(&sl).ok());
  for (size_t i = 0; i < al.size(); ++i) {
    if (al[i].id != id) continue;
    ASSERT_EQ(al[i].disks.size(), sl[i].disks.size());
    for (size_t k = 0; k < al[i].disks.size(); ++k) {
      EXPECT_EQ(al[i].disks[k].name, sl[i].disks[k].name);
      ASSERT_EQ(al[i].disks[k].paths.size(), sl[i].disks[k].paths.size());
      for (size_t p = 0; p < al[i].disks[k].paths.size(); ++p) {
        EXPECT_EQ(al[i].disks[k].paths[p].adapter, sl[i].disks[k].paths[p].adapter);
        EXPECT_EQ(al[i].disks[k].paths[p].status, sl[i].disks[k].paths[p].status);
      }
    }
  }

  // A vhost accepting any client is seen as such.
  ASSERT_EQ(testing::Lvupdate(home_.path(), {"sim", "set", "vhost.s824vio2.vhost5.any_client", "yes"}).exit_code, 0);
  EXPECT_EQ(MappingsOf(aix, id, &as).back(), "s824vio2 vhost5 99 vscsi1: hdisk1/pv hdisk2/pv hdisk3/pv any");
  // A disk backed by a logical volume: lsmap cannot tell which client disk
  // it is, so the mappings are not read, naming the vhost (never a guess).
  ASSERT_EQ(testing::Lvupdate(home_.path(), {"sim", "set", "lun.hdisk2.backing", "lv"}).exit_code, 0);
  MappingsOf(aix, id, &as);
  EXPECT_EQ(as.code(), Status::Code::kFailed);
  EXPECT_NE(as.message().find("VIOS s824vio1 vhost3 backs vscsi0's disks with hdisk7, lv_hdisk2, hdisk9: lvupdate "
                              "cannot tell which client disk each backs"),
            std::string::npos)
      << as.ToString();
}

TEST_F(OverShimsTest, WhatItChangesThroughTheCommandsChangesTheSimulatedWorld) {
  AixSystem aix(home_.path(), config_, &runner_);
  int id = 0;
  std::string name;
  ASSERT_TRUE(aix.os().CurrentLpar(&id, &name).ok());
  Status s = aix.hmc().RenameLpar(id, name + "_lku0");
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<Lpar> lpars;
  ASSERT_TRUE(Sim()->hmc().ListLpars(&lpars).ok());
  bool renamed = false;
  for (const auto& l : lpars) renamed = renamed || (l.id == id && l.name == name + "_lku0");
  EXPECT_TRUE(renamed);
  ASSERT_TRUE(aix.hmc().RenameLpar(id, name).ok());
  aix.TakeCommandLines();
  ASSERT_TRUE(aix.hmc().RenameLpar(id, name).ok());  // already so: read, nothing changed
  for (const auto& line : aix.TakeCommandLines()) EXPECT_EQ(line.find("chsyscfg"), std::string::npos) << line;

  // A disk with no boot image is refused as bootlist refuses it, and nothing changes.
  const nlohmann::json before = testing::World(home_.path());
  s = aix.os().SetBootlist(id, {"hdisk3"});
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("`bootlist -m normal hdisk3` exited 1"), std::string::npos) << s.ToString();
  nlohmann::json after = testing::World(home_.path());
  nlohmann::json a = after, b = before;
  a.erase("clock");
  b.erase("clock");
  EXPECT_EQ(a.dump(), b.dump());
}

// Re-pointing a vhost runs vhost_client_command only when the mappings do
// not show it done, and is a success only when lshwres and lsmap show it
// after: a command that exits 0 and changes nothing is Failed.
TEST_F(OverShimsTest, AVhostIsRepointedByTheConfiguredCommandAndReadBack) {
  {
    AixSystem aix(home_.path(), config_, &runner_);
    Status s = aix.vios().SetClient("s824vio2", "vhost5", 98);
    EXPECT_EQ(s.code(), Status::Code::kFailed);
    EXPECT_NE(s.message().find("vhost_client_command is not set in aix.conf"), std::string::npos) << s.ToString();
  }
  ASSERT_TRUE(Sim()->hmc().Reserve(1.0, 8192).ok());
  ASSERT_TRUE(Sim()->hmc().CreateLpar(98, 99, "surrogate").ok());
  config_.vhost_client_command = {"/bin/true"};
  {
    AixSystem aix(home_.path(), config_, &runner_);
    Status s = aix.vios().SetClient("s824vio2", "vhost5", 98);
    EXPECT_EQ(s.code(), Status::Code::kFailed);
    EXPECT_NE(s.message().find("`/bin/true s824vio2 vhost5 98` exited 0, but lshwres and lsmap show s824vio2 "
                               "vhost5 serving partition 99, not 98"),
              std::string::npos)
        << s.ToString();
  }
  config_.vhost_client_command = {shims_ + "/sim-vhost-client"};
  AixSystem aix(home_.path(), config_, &runner_);
  Status s = aix.vios().SetClient("s824vio2", "vhost5", 98);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<VhostMapping> maps;
  ASSERT_TRUE(Sim()->vios().ListMappings(&maps).ok());
  for (const auto& m : maps) {
    if (m.vhost == "vhost5") {
      EXPECT_EQ(m.client_id, 98);
    }
  }
  aix.TakeCommandLines();
  ASSERT_TRUE(aix.vios().SetClient("s824vio2", "vhost5", 98).ok());  // done: read, not run again
  for (const auto& line : aix.TakeCommandLines()) EXPECT_EQ(line.find("sim-vhost-client"), std::string::npos) << line;
  s = aix.vios().SetClient("s824vio2", "vhost9", 98);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("lsmap -all on s824vio2 lists no vhost9"), std::string::npos) << s.ToString();
}

// The reservation is lvupdate's claim, spent by the surrogate: a claim
// naming a partition the HMC lists (a crash between mksyscfg and the claim's
// removal) is settled by the next listing, a probe's included.
TEST_F(OverShimsTest, AClaimTheSurrogateSpentIsGoneAtTheNextListing) {
  AixSystem aix(home_.path(), config_, &runner_);
  ASSERT_TRUE(aix.hmc().Reserve(1.0, 8192).ok());
  Reservation r;
  ASSERT_TRUE(aix.hmc().GetReservation(&r).ok());
  EXPECT_TRUE(r.present);
  testing::WriteFile(home_.path() + "/aix/reservation", "1.00 8192 aix721534A\n");  // the partition 99's name
  std::vector<Lpar> lpars;
  ASSERT_TRUE(aix.hmc().ListLpars(&lpars).ok());
  EXPECT_FALSE(std::filesystem::exists(home_.path() + "/aix/reservation"));
  testing::WriteFile(home_.path() + "/aix/reservation", "1.00 8192 not-there-yet\n");
  ASSERT_TRUE(aix.hmc().GetReservation(&r).ok());
  EXPECT_TRUE(r.present);
  EXPECT_EQ(r.mem_mb, 8192);
  testing::WriteFile(home_.path() + "/aix/reservation", "garbage\n");
  Status s = aix.hmc().GetReservation(&r);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("reservation: not \"PROC_UNITS MEM_MB [SURROGATE]\""), std::string::npos) << s.ToString();
}

// With workload_state_command, every Running partition's workload is what
// the command prints; a word it should not print is Failed naming it.
TEST_F(OverShimsTest, TheWorkloadsStateIsWhatTheConfiguredCommandPrints) {
  config_.workload_state_command = {shims_ + "/sim-workload-state"};
  config_.workload_checkpoint_command = {shims_ + "/sim-workload-checkpoint"};
  AixSystem aix(home_.path(), config_, &runner_);
  std::vector<Lpar> lpars;
  ASSERT_TRUE(aix.hmc().ListLpars(&lpars).ok());
  ASSERT_EQ(lpars.size(), 1u);
  EXPECT_EQ(lpars[0].workload, "running");
  ProcessTable table;
  ASSERT_TRUE(aix.os().ListProcesses(99, &table).ok());
  std::vector<ProcessClass> classes;
  for (const auto& p : table.procs) classes.push_back({p.pid, p.pid == 1 ? kClassBase : kClassMobile});
  Status s = aix.os().FreezeWorkload(99, classes);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(aix.hmc().ListLpars(&lpars).ok());
  EXPECT_EQ(lpars[0].workload, "frozen");

  testing::WriteFile(home_.path() + "/state", "#!/bin/sh\necho paused\n");
  ASSERT_EQ(chmod((home_.path() + "/state").c_str(), 0755), 0);
  config_.workload_state_command = {home_.path() + "/state"};
  AixSystem odd(home_.path(), config_, &runner_);
  s = odd.hmc().ListLpars(&lpars);
  EXPECT_EQ(s.code(), Status::Code::kFailed);
  EXPECT_NE(s.message().find("printed 'paused', not running, frozen or none"), std::string::npos) << s.ToString();
}

TEST_F(OverShimsTest, AnHmcThatDoesNotAnswerIsTransientAndAnUnknownCommandIsNotFound) {
  ASSERT_EQ(testing::Lvupdate(home_.path(), {"sim", "set", "hmc.responding", "no"}).exit_code, 0);
  AixSystem aix(home_.path(), config_, &runner_);
  std::vector<Lpar> lpars;
  Status s = aix.hmc().ListLpars(&lpars);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
  EXPECT_NE(s.message().find("Connection timed out"), std::string::npos) << s.ToString();
  testing::ProcResult r = testing::Lvupdate(home_.path(), {"sim", "exec", "lslpp", "-l", "security.pkcs11"});
  EXPECT_EQ(r.exit_code, 127) << r.out;
}

// Every file under `dir` whose bytes contain `needle`.
std::vector<std::string> FilesHolding(const std::string& dir, const std::string& needle) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    if (testing::ReadFile(e.path().string()).find(needle) != std::string::npos) found.push_back(e.path().string());
  }
  return found;
}

TEST_F(OverShimsTest, HmcauthInstallsAKeyWithThePasswordOnceAndKeepsThePasswordNowhere) {
  const std::string& home = home_.path();
  // A wrong password: refused, nothing installed, aix.conf untouched.
  testing::ProcResult r =
      testing::Lvupdate(home, {"--driver", "aix", "hmcauth", "-a", "10.1.50.30", "-u", "hscroot", "-p", "wrongpass"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("Authentication failure"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(home + "/sim/hmc_authorized_keys"));
  EXPECT_FALSE(std::filesystem::exists(home + "/aix.conf"));

  r = testing::Lvupdate(home, {"--driver", "aix", "hmcauth", "-a", "10.1.50.30", "-u", "hscroot", "-p",
                               testing::kLabHmcPassword});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find(testing::kLabHmcPassword), std::string::npos) << r.out;
  // The key is on the HMC, aix.conf names the HMC, and the key alone now reaches it.
  const std::string pub = testing::ReadFile(home + "/aix/id_ed25519.pub");
  ASSERT_FALSE(pub.empty());
  EXPECT_NE(testing::ReadFile(home + "/sim/hmc_authorized_keys").find(pub.substr(0, pub.size() - 1)), std::string::npos);
  EXPECT_NE(testing::ReadFile(home + "/aix.conf").find("hmc = 10.1.50.30\nhmc_user = hscroot\n"), std::string::npos);
  AixConfig c;
  ASSERT_TRUE(LoadAixConfig(home, &c).ok());
  AixSystem aix(home, c, &runner_);
  std::vector<Lpar> lpars;
  Status s = aix.hmc().ListLpars(&lpars);
  ASSERT_TRUE(s.ok()) << s.ToString();
  bool keyed = false;
  for (const auto& line : aix.TakeCommandLines()) keyed = keyed || line.find("-i " + home + "/aix/id_ed25519") != std::string::npos;
  EXPECT_TRUE(keyed);
  // A key the HMC does not know is refused.
  std::filesystem::remove(home + "/sim/hmc_authorized_keys");
  s = aix.hmc().ListLpars(&lpars);
  EXPECT_TRUE(s.IsTransient()) << s.ToString();
  EXPECT_NE(s.message().find("Permission denied"), std::string::npos) << s.ToString();
  // The password is in no file of the home (logs, aix.conf, token, keys).
  EXPECT_TRUE(FilesHolding(home, testing::kLabHmcPassword).empty());
  // hmcauth -l shows the logon.
  r = testing::Lvupdate(home, {"--driver", "aix", "hmcauth", "-l"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Address  : 10.1.50.30"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace lvu::drivers::aix
