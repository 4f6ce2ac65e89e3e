// sim init: the seed article's lab, lvupdate.data and the fix packages.

#include <gtest/gtest.h>

#include "drivers/sim/sim_system.h"
#include "sim_test_util.h"

namespace lvu::drivers::sim {
namespace {

using testing::InitSim;
using testing::ReadAll;
using testing::Show;
using testing::TempHome;

TEST(LabTest, InitCreatesTheArticlesPartition) {
  TempHome home;
  auto sim = InitSim(home.path());
  std::vector<Lpar> lpars;
  ASSERT_TRUE(sim->hmc().ListLpars(&lpars).ok());
  ASSERT_EQ(lpars.size(), 1u);
  const Lpar& l = lpars[0];
  EXPECT_EQ(l.id, 99);
  EXPECT_EQ(l.name, "aix721534A");
  EXPECT_EQ(l.state, "Running");
  EXPECT_DOUBLE_EQ(l.proc_units, 0.1);
  EXPECT_EQ(l.mem_mb, 2048);
  EXPECT_EQ(l.booted_from, "hdisk1");
  EXPECT_EQ(l.bootlist, std::vector<std::string>{"hdisk1"});
  EXPECT_TRUE(l.ifixes.empty());
  EXPECT_EQ(l.workload, "running");
  ASSERT_EQ(l.disks.size(), 3u);
  const char* names[] = {"hdisk1", "hdisk2", "hdisk3"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(l.disks[i].name, names[i]);
    ASSERT_EQ(l.disks[i].paths.size(), 2u) << names[i];
    EXPECT_EQ(l.disks[i].paths[0].adapter, "vscsi0");
    EXPECT_EQ(l.disks[i].paths[0].status, "Enabled");
    EXPECT_EQ(l.disks[i].paths[1].adapter, "vscsi1");
    EXPECT_EQ(l.disks[i].paths[1].status, "Enabled");
  }
  int id = 0;
  std::string name;
  ASSERT_TRUE(sim->os().CurrentLpar(&id, &name).ok());
  EXPECT_EQ(id, 99);
  EXPECT_EQ(name, "aix721534A");
  EXPECT_EQ(sim->ClockSeconds(), 0);
  Reservation r;
  ASSERT_TRUE(sim->hmc().GetReservation(&r).ok());
  EXPECT_FALSE(r.present);
}

TEST(LabTest, InitCreatesTheArticlesDisksAsLspvShowsThem) {
  TempHome home;
  auto sim = InitSim(home.path());
  std::vector<Disk> disks;
  ASSERT_TRUE(sim->os().ListDisks(&disks).ok());
  ASSERT_EQ(disks.size(), 3u);
  EXPECT_EQ(disks[0].name, "hdisk1");
  EXPECT_EQ(disks[0].pvid, "00f94f58cc2de28d");
  EXPECT_EQ(disks[0].vg, "rootvg");
  EXPECT_TRUE(disks[0].has_image);
  EXPECT_TRUE(disks[0].image_ifixes.empty());
  EXPECT_EQ(disks[1].name, "hdisk2");
  EXPECT_EQ(disks[1].pvid, "00f94f58c90ae057");
  EXPECT_EQ(disks[1].vg, "None");
  EXPECT_FALSE(disks[1].has_image);
  EXPECT_EQ(disks[2].name, "hdisk3");
  EXPECT_EQ(disks[2].pvid, "00f94f58c90ae0db");
  EXPECT_EQ(disks[2].vg, "None");
  for (const auto& d : disks) EXPECT_EQ(d.size_mb, 51200) << d.name;
}

TEST(LabTest, InitMapsBothVhostsToPartition99) {
  TempHome home;
  auto sim = InitSim(home.path());
  std::vector<VhostMapping> maps;
  ASSERT_TRUE(sim->vios().ListMappings(&maps).ok());
  ASSERT_EQ(maps.size(), 2u);
  std::vector<std::string> all = {"hdisk1", "hdisk2", "hdisk3"};
  EXPECT_EQ(maps[0].vios, "s824vio1");
  EXPECT_EQ(maps[0].vhost, "vhost3");
  EXPECT_EQ(maps[0].client_id, 99);
  EXPECT_EQ(maps[0].client_adapter, "vscsi0");
  EXPECT_EQ(maps[0].disks, all);
  EXPECT_EQ(maps[1].vios, "s824vio2");
  EXPECT_EQ(maps[1].vhost, "vhost5");
  EXPECT_EQ(maps[1].client_id, 99);
  EXPECT_EQ(maps[1].client_adapter, "vscsi1");
  EXPECT_EQ(maps[1].disks, all);
}

TEST(LabTest, ShowJsonHoldsTheWholeWorld) {
  TempHome home;
  auto sim = InitSim(home.path());
  auto j = Show(*sim);
  EXPECT_EQ(j["clock"], 0);
  EXPECT_TRUE(j["errlog"].is_array() && j["errlog"].empty());
  EXPECT_EQ(j["managed_system"]["name"], "Server-8286-42A-SN214F58V");
  EXPECT_EQ(j["managed_system"]["firmware"], "SV810_081");
  EXPECT_EQ(j["managed_system"]["mem_mb_total"], 65536);
  EXPECT_DOUBLE_EQ(j["managed_system"]["proc_units_total"].get<double>(), 8.0);
  EXPECT_EQ(j["managed_system"]["reservation"]["present"], false);
  EXPECT_EQ(j["hmc"]["address"], "10.1.50.30");
  EXPECT_EQ(j["hmc"]["user"], "hscroot");
  EXPECT_EQ(j["hmc"]["version"], "V8R8.4.0.0");
  ASSERT_EQ(j["mappings"].size(), 2u);
  EXPECT_EQ(j["mappings"][0]["luns"][2]["backing_device"], "hdisk9");
  EXPECT_EQ(j["mappings"][0]["luns"][2]["vtd"], "vtscsi6");
  EXPECT_EQ(j["mappings"][1]["luns"][2]["vtd"], "vtscsi8");
  const auto& l = j["lpars"][0];
  EXPECT_EQ(l["id"], 99);
  EXPECT_EQ(l["name"], "aix721534A");
  EXPECT_EQ(l["state"], "Running");
  EXPECT_EQ(l["ifixes"], nlohmann::json::array());
  EXPECT_EQ(l["bootlist"], nlohmann::json::array({"hdisk1"}));
  EXPECT_EQ(l["os_level"], "7200-00-00-0000");
  EXPECT_EQ(l["disks"][0]["vg"], "rootvg");
  EXPECT_EQ(l["disks"][1]["vg"], "None");
  EXPECT_EQ(l["disks"][0]["paths"][1]["adapter"], "vscsi1");
  EXPECT_EQ(l["disks"][0]["paths"][1]["status"], "Enabled");
  // Deterministic text: keys sorted, same world same bytes.
  EXPECT_EQ(sim->ShowJson(), sim->ShowJson());
  EXPECT_LT(sim->ShowJson().find("\"clock\""), sim->ShowJson().find("\"disks\""));
}

TEST(LabTest, ShowTextLooksLikeTheAixCommands) {
  TempHome home;
  auto sim = InitSim(home.path());
  std::string t = sim->ShowText();
  EXPECT_NE(t.find("aix721534A"), std::string::npos) << t;
  EXPECT_NE(t.find("Enabled hdisk1 vscsi0"), std::string::npos) << t;
  EXPECT_NE(t.find("Enabled hdisk3 vscsi1"), std::string::npos) << t;
  EXPECT_NE(t.find("00f94f58cc2de28d"), std::string::npos) << t;
  EXPECT_NE(t.find("client 0x00000063 (99)"), std::string::npos) << t;
  EXPECT_NE(t.find("Reservation: none"), std::string::npos) << t;
  ASSERT_TRUE(sim->os().ErrlogAdd(99, "LVUPDATE", "Live AIX update started").ok());
  t = sim->ShowText();
  EXPECT_NE(t.find("Live AIX update started"), std::string::npos) << t;
}

TEST(LabTest, InitWritesLvupdateDataInTheArticlesStanzaFormat) {
  TempHome home;
  std::string fix_dir;
  ASSERT_TRUE(SimSystem::Init(home.path(), &fix_dir).ok());
  EXPECT_EQ(fix_dir, home.path() + "/fixes");
  EXPECT_EQ(ReadAll(home.path() + "/lvupdate.data"),
            "general:\n"
            "    mode = automated\n"
            "    kext_check = no\n"
            "\n"
            "disks:\n"
            "    nhdisk = hdisk2\n"
            "    mhdisk = hdisk3\n"
            "    tohdisk =\n"
            "    tshdisk =\n"
            "\n"
            "hmc:\n"
            "    lpar_id = 98\n"
            "    management_console = 10.1.50.30\n"
            "    user = hscroot\n");
}

TEST(LabTest, InitWritesReadableFixPackages) {
  TempHome home;
  std::string fix_dir;
  ASSERT_TRUE(SimSystem::Init(home.path(), &fix_dir).ok());
  auto sim = testing::OpenSim(home.path());
  Fix dummy;
  Status s = sim->os().ReadFix(fix_dir + "/dummy.150813.epkg.Z", &dummy);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(dummy.label, "dummy");
  EXPECT_EQ(dummy.abstract, "Test fix for Live Update");
  EXPECT_TRUE(dummy.lu_capable);
  EXPECT_FALSE(dummy.reboot_required);
  EXPECT_EQ(dummy.file, fix_dir + "/dummy.150813.epkg.Z");
  EXPECT_EQ(dummy.files, std::vector<std::string>{"/usr/lib/drivers/dummy.ext"});
  Fix nolu;
  s = sim->os().ReadFix(fix_dir + "/nolu.150813.epkg.Z", &nolu);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(nolu.label, "nolu");
  EXPECT_FALSE(nolu.lu_capable);
  EXPECT_TRUE(ReadAll(fix_dir + "/dummy.150813.epkg.Z").starts_with("# lvupdate simulated ifix package v1\n"));
}

TEST(LabTest, OpenWithoutInitSaysToRunInit) {
  TempHome home;
  std::unique_ptr<SimSystem> sim;
  Status s = SimSystem::Open(home.path(), {}, &sim);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("lvupdate sim init"), std::string::npos) << s.message();
  EXPECT_EQ(sim, nullptr);
}

TEST(LabTest, InitReplacesThePreviousWorldAndFaults) {
  TempHome home;
  {
    auto sim = InitSim(home.path());
    ASSERT_TRUE(sim->hmc().RenameLpar(99, "other").ok());
    ASSERT_TRUE(sim->AddFault({"disk.assign", FaultKind::kFail, FaultPoint::Phase::kApply, 1}).ok());
  }
  auto sim = InitSim(home.path());
  std::vector<Lpar> lpars;
  ASSERT_TRUE(sim->hmc().ListLpars(&lpars).ok());
  EXPECT_EQ(lpars[0].name, "aix721534A");
  EXPECT_EQ(sim->ClockSeconds(), 0);
  std::vector<Fault> faults;
  ASSERT_TRUE(sim->ListFaults(&faults).ok());
  EXPECT_TRUE(faults.empty());
}

}  // namespace
}  // namespace lvu::drivers::sim
